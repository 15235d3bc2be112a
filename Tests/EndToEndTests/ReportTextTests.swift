import Foundation
import Testing

/// The regenerated 2020 report gives back the original's words: every clause of the report
/// (Fixtures/furong-drc-2020-performance-report.zh.txt, the text as published) is found in
/// `drc report`, but for the differences listed here, each with its reason.
@Suite struct ReportTextTests {
    static let original = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/furong-drc-2020-performance-report.zh.txt")

    /// Clauses drc says otherwise, on purpose: what the original says → what drc says instead.
    static let differences: [String: String] = [
        // The documented correction: the project spending is 2020's (数据说明 says so).
        "2019年度一般公共预算财政拨款项目支出737.93万元，其中人大事务项目支出9万元，一般行政管理事务413.77万元，其他项目支出315.16万元":
            "2020年度一般公共预算财政拨款项目支出737.93万元，其中人大事务项目支出9万元，一般行政管理事务413.77万元，其他项目支出315.16万元",
        // Headings are drc's outline: a project is headed by its name, numbered in order.
        "（一）芙蓉区云计算中心升级项目经费": "（一）芙蓉区云计算中心升级项目",
        "（2）财政预算联网监督项目": "（二）财政预算联网监督项目",
    ]

    /// Without spaces and the word processor's bookmark; "其中:" and "其中" alike.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "[bookmark: _GoBack]", with: "")
            .replacingOccurrences(of: "其中:", with: "其中")
            .filter { !$0.isWhitespace }
    }

    static func clauses(_ text: String) -> [String] {
        text.split(whereSeparator: { "。；\n".contains($0) }).map { normalised(String($0)) }.filter { !$0.isEmpty }
    }

    @Test func everyClauseOfTheOriginalIsInTheRegeneratedReport() throws {
        let original = try String(contentsOf: Self.original, encoding: .utf8)
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            let report = Self.normalised(try clerk.ok("report", "--year", "2020"))
            let clauses = Self.clauses(original)
            #expect(clauses.count > 50)
            var missing: [String] = []
            for clause in clauses {
                let expected = Self.differences[clause] ?? clause
                if !report.contains(expected) { missing.append(clause) }
            }
            #expect(missing.isEmpty, "clauses of the original not in the report: \(missing)")
            for (said, instead) in Self.differences {
                #expect(!report.contains(said), "the report repeats \(said) where drc says \(instead)")
            }
            // The correction stays visible.
            #expect(report.contains("报告第二部分将项目支出段落标为“2019年度”"))
        }
    }

    @Test func theChineseReportHasNoLatinLetters() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            let report = try clerk.ok("report", "--year", "2020")
            let latin = report.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            #expect(latin.isEmpty, "Latin letters in the report: \(String(String.UnicodeScalarView(latin)))")
        }
    }

    /// A year with nothing said for some sections keeps the report's outline: 六 is still 六.
    @Test func aYearWithoutFindingsKeepsItsSectionNumbers() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "区数据资源中心", "--kind", "basic",
                             "--name", "基本支出", "--final", "100万")
            let report = try clerk.ok("report", "--year", "2021")
            let headings = report.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
            #expect(Array(headings.prefix(7)) == ["一、部门概况", "二、部门整体支出管理及使用情况", "三、部门项目组织实施情况",
                                                   "四、资产管理情况", "五、部门整体支出绩效情况", "六、存在的主要问题",
                                                   "七、改进措施和有关建议"])
            let problems = report.components(separatedBy: "## 六、存在的主要问题")[1].components(separatedBy: "## 七")[0]
            #expect(problems.contains("本年度无记录。"))
            // 2020's words are 2020's: none of them is said of 2021.
            #expect(!report.contains("政府采购内部控制制度有待进一步完善"))
            #expect(!report.contains("打包服务"))
        }
    }

    /// A paragraph about a project is a finding naming it, shown under that project.
    @Test func aProjectParagraphIsAFindingShownUnderItsProject() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("finding", "add", "--year", "2020", "--unit", "区数据资源中心", "--section", "绩效情况",
                             "--project", "财政预算联网监督项目", "--text", "（示例）联网监督覆盖全部预算单位。")
            let report = try clerk.ok("report", "--year", "2020")
            let second = report.components(separatedBy: "### （二）财政预算联网监督项目")[1].components(separatedBy: "### （三）")[0]
            #expect(second.contains("（示例）联网监督覆盖全部预算单位。"))
            #expect(second.contains("推动建立健全预算管理机制"))
            let listed = try clerk.ok("finding", "list", "--year", "2020", "--project", "财政预算联网监督项目", "--format", "csv")
            #expect(listed.split(separator: "\n").count == 3)
        }
    }
}
