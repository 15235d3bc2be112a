import Foundation
import Testing

/// Dimensions and filters take their Chinese words as values already do: `--by 供应商，月份`
/// counts as `--by vendor,month`, `--status 已关闭` filters as `--status closed`; an unknown word
/// is refused with every choice named in both forms.
@Suite struct ChineseChoiceTests {
    @Test func dimensionsAndFiltersTakeTheirChineseWords() throws {
        try withTemporaryFolder { folder in
            let environment = ["DRC_DB": folder + "/d.sqlite", "LANG": "zh_CN.UTF-8"]
            #expect(try drc(["demo", "--db", folder + "/d.sqlite"], in: folder).status == 0)
            let english = try drc(["totals", "--year", "2020", "--by", "vendor,month", "--status", "closed"], in: folder, environment: environment)
            let chinese = try drc(["totals", "--year", "2020", "--by", "供应商，月份", "--status", "已关闭"], in: folder, environment: environment)
            #expect(english.status == 0, "\(english.stderr)")
            #expect(chinese.stdout == english.stdout, "\(chinese.stderr)")
            let budget = try drc(["budget", "totals", "--year", "2020", "--by", "支出类型"], in: folder, environment: environment)
            #expect(budget.stdout == (try drc(["budget", "totals", "--year", "2020", "--by", "kind"], in: folder, environment: environment)).stdout)
            let unknown = try drc(["totals", "--year", "2020", "--by", "乱写"], in: folder, environment: environment)
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("可选：vendor（供应商）、category（服务类别）"), "\(unknown.stderr)")
        }
    }
}
