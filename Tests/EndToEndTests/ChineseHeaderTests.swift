import Foundation
import Testing

/// CSV headers in Chinese: `export --headers zh` writes the fields' Chinese labels, `import`
/// reads them (or English names, or both mixed), and the two round-trip exactly.
@Suite struct ChineseHeaderTests {
    @Test func ordersRoundTripUnderChineseHeadersAndMixedHeadersImport() throws {
        try withTemporaryFolder { folder throws in
            let db = folder + "/a.sqlite", copy = folder + "/b.sqlite"
            for path in [db, copy] {
                _ = try drc(["init", "--db", path], in: folder)
                _ = try drc(["vendor", "add", "--name", "湖南美音网络技术有限公司", "--db", path], in: folder)
                _ = try drc(["category", "add", "--name", "全区网络故障", "--db", path], in: folder)
            }
            let mixed = """
                供应商,category,报修时间,状态,故障描述,solved
                美音,全区网络故障,2021-03-02 14:05,closed,"断网, 三楼",2021-03-02 16:00
                美音,全区网络故障,2021/3/3,新建,打印机,

                """
            try mixed.write(toFile: folder + "/mixed.csv", atomically: true, encoding: .utf8)
            let imported = try drc(["import", "orders", folder + "/mixed.csv", "--db", db], in: folder)
            #expect(imported.status == 0, "\(imported.stderr)")
            let chinese = try drc(["export", "orders", "--headers", "zh", "--db", db], in: folder)
            #expect(chinese.stdout.hasPrefix("id,年度,供应商,项目,服务类别,报修单位,状态,报修时间,解决时间,关闭时间,故障描述,处理结果,来源,工单号,报修人,联系电话,合同,优先级,响应时间,到场时间,恢复时间,远程处理\n"))
            // Under a Chinese locale the header follows the language without being asked.
            let byLocale = try drc(["export", "orders", "--db", db], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(byLocale.stdout == chinese.stdout)
            try chinese.stdout.write(toFile: folder + "/zh.csv", atomically: true, encoding: .utf8)
            let again = try drc(["import", "orders", folder + "/zh.csv", "--db", copy], in: folder)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try drc(["export", "orders", "--headers", "zh", "--db", copy], in: folder).stdout == chinese.stdout)
            let english = try drc(["export", "orders", "--headers", "en", "--db", copy], in: folder)
            #expect(english.stdout.hasPrefix("id,year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source,ticket,requester,phone,contract,priority,responded,arrived,restored,remote\n"))
            #expect(english.stdout.contains("1,2021,湖南美音网络技术有限公司,,全区网络故障,,closed,2021-03-02 14:05,2021-03-02 16:00,,\"断网, 三楼\""))
            // The generic path (any other kind) reads Chinese headers too.
            try "名称,统一社会信用代码,有效\n长沙某某科技有限公司,9144030071526726XG,否\n".write(toFile: folder + "/v.csv", atomically: true, encoding: .utf8)
            let vendors = try drc(["import", "vendors", folder + "/v.csv", "--db", db], in: folder)
            #expect(vendors.status == 0, "\(vendors.stderr)")
            #expect(try drc(["export", "vendors", "--headers", "en", "--db", db], in: folder).stdout.contains("长沙某某科技有限公司,9144030071526726XG,no"))
        }
    }
}
