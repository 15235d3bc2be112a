import Foundation
import Testing

/// `drc report --format md|html|docx`: the three renderings of one report. The .docx is opened
/// again as a package and its text held against the published report; the HTML is read back as
/// XML and its charts' numbers held against `drc totals` and `drc budget totals`.
@Suite struct ReportDocumentTests {
    /// The seed, plus a few dated orders so the month chart has months to show.
    func seededWithDates(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            for opened in ["2020-03-02 09:30", "2020-05-06 10:00", "2020-05-20 14:15", "2020-11-30 16:45"] {
                _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--project", "全区政务网络运维服务项目",
                                 "--opened", opened)
            }
            try body(clerk)
        }
    }

    func bytes(_ clerk: Clerk, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: clerk.folder + "/" + name))
    }

    @Test func theDocxIsAWholePackageThatSaysEveryClauseOfTheReport() throws {
        let original = try String(contentsOf: ReportTextTests.original, encoding: .utf8)
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            #expect(try clerk.ok("report", "--year", "2020", "--format", "docx", "-o", "report.docx").contains("report.docx"))
            let package = try DocxPackage(try bytes(clerk, "report.docx"))
            #expect(package.problems.isEmpty, "\(package.problems)")
            for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"] {
                #expect(package.parts[part] != nil, "the package lacks \(part)")
            }
            // The report's clauses, as ReportTextTests holds the Markdown to them.
            let text = ReportTextTests.normalised(package.paragraphs.joined(separator: "\n"))
            let missing = ReportTextTests.clauses(original).filter { clause in
                !text.contains(ReportTextTests.differences[clause] ?? clause)
            }
            #expect(missing.isEmpty, "clauses of the original not in the docx: \(missing)")
            #expect(package.paragraphs(styled: "Title") == ["长沙市芙蓉区数据资源中心2020年度部门整体支出绩效评价报告"])
            #expect(Array(package.paragraphs(styled: "Heading1").prefix(7)) == [
                "一、部门概况", "二、部门整体支出管理及使用情况", "三、部门项目组织实施情况", "四、资产管理情况",
                "五、部门整体支出绩效情况", "六、存在的主要问题", "七、改进措施和有关建议"])
            // 宋体 for the text, 黑体 for the headings; the headings are outline levels.
            let styles = try #require(package.trees["word/styles.xml"])
            let defaults = try #require(styles.all("w:docDefaults").first?.all("w:rFonts").first)
            #expect(defaults["w:eastAsia"] == "宋体")
            let heading = try #require(styles.all("w:style").first { $0["w:styleId"] == "Heading1" })
            #expect(heading.all("w:rFonts").first?["w:eastAsia"] == "黑体")
            #expect(heading.all("w:outlineLvl").first?["w:val"] == "0")
            // Tables are tables: the budget table's header and total, cell by cell.
            let document = try #require(package.trees[package.documentPath])
            let rows = document.all("w:tr").map { $0.all("w:tc").map { $0.all("w:t").map(\.text).joined() } }
            #expect(rows.contains(["支出", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率", "其中列明", "未列明", "明细"]))
            // 年初预算数 and 全年预算数 unknown (the report gives the 决算 alone), so no 执行率.
            #expect(rows.contains(["基本支出", "未知", "未知", "113.03", "未知", "63.02", "50.01", "部分"]))
            // The charts as tables of the same figures: unknown budgets said, not zero.
            #expect(package.paragraphs(styled: "Caption") == ["预算执行（万元）", "每月工单数", "供应商 × 服务类别"])
            #expect(rows.contains(["人员基本工资支出", "未知", "16.94"]))
            #expect(rows.contains(["未知月份", "9424"]))
        }
    }

    @Test func theHTMLIsOnePageWhoseChartsAreTheTotals() throws {
        try seededWithDates { clerk throws in
            _ = try clerk.ok("report", "--year", "2020", "--format", "html", "-o", "report.html")
            let data = try bytes(clerk, "report.html")
            let page = try XMLTree.parse(data)
            #expect(page.name == "html" && page["lang"] == "zh-CN")
            // Self-contained: the style inline, no script, nothing fetched.
            #expect(page.all("script").isEmpty && page.all("link").isEmpty && page.all("img").isEmpty)
            #expect(page.all("style").count == 1)
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
            #expect(page.all("title").first?.text == "长沙市芙蓉区数据资源中心2020年度部门整体支出绩效评价报告")

            // Orders by month: each bar's label and number are `drc totals --by month`.
            let byMonth = try clerk.ok("--lang", "zh", "totals", "--year", "2020", "--by", "month", "--format", "csv")
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            #expect(byMonth.count == 3 + 1)
            #expect(Self.bars(page, "chart-month") == byMonth.map { [$0[0] == "unknown month" ? "未知月份" : $0[0], $0[1]] })
            // Vendor × category: one bar per pair, its number the pair's count.
            let pairs = try clerk.ok("totals", "--year", "2020", "--by", "vendor,category", "--format", "csv")
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            let pairBars = Self.bars(page, "chart-vendor-category")
            #expect(pairBars.map { $0[1] } == pairs.map { $0[2] })
            // The label is the vendor's first characters and the category, cut to fit.
            let labels = pairs.map { String($0[0].prefix(4)) + "·" + $0[1] }.map { $0.count > 16 ? String($0.prefix(15)) + "…" : $0 }
            #expect(pairBars.map { $0[0] } == labels)
            // Budget execution, line by line: budget beside final; an unknown budget is said and
            // gets no bar, never a bar of zero.
            let budget = Self.bars(page, "chart-budget")
            #expect(budget.contains(["基本支出", "未知", "113.03"]))
            #expect(budget.contains(["人员基本工资支出", "未知", "16.94"]))
            #expect(budget.contains(["三公经费", "0.00", "0.00"]))
            let lines = try clerk.ok("budget", "list", "--year", "2020", "--format", "csv").split(separator: "\n").count - 1
            #expect(budget.count == lines)
            let figure = try #require(page.all("figure").first { $0["id"] == "chart-budget" })
            let drawn = figure.all("rect").filter { $0["class"]?.hasPrefix("bar") == true && $0["height"] != "10" }
            #expect(drawn.count == budget.flatMap { $0.dropFirst() }.filter { $0 != "未知" }.count)

            // Tables are tables, with their totals in the footer.
            let tables = page.all("table")
            let vendorTable = try #require(tables.first { $0.all("th").map(\.text) == ["供应商", "工单数"] })
            #expect(vendorTable.all("tfoot").first?.all("td").map(\.text) == ["合计", "9428"])
        }
    }

    /// Each bar of the figure `id`: its label, then its numbers as written on it.
    static func bars(_ page: XMLTree, _ id: String) -> [[String]] {
        guard let figure = page.all("figure").first(where: { $0["id"] == id }) else { return [] }
        var bars: [[String]] = []
        for text in figure.all("text") {
            switch text["class"] {
            case "label": bars.append([text.text])
            case "value", "value unknown": bars[bars.count - 1].append(text.text)
            default: break
            }
        }
        return bars
    }

    @Test func englishAsksForDrcsOwnWordsInEnglishAroundTheChineseReport() throws {
        try seededWithDates { clerk throws in
            let page = try XMLTree.parse(Data(try clerk.ok("--lang", "en", "report", "--year", "2020", "--format", "html").utf8))
            #expect(page["lang"] == "en")
            #expect(page.all("main").first?["lang"] == "zh-CN")
            #expect(page.all("figcaption").map(\.text) == ["Budget execution (10k yuan)", "Orders by month", "Vendor × category"])
            #expect(Self.bars(page, "chart-month").last == ["unknown month", "9424"])
            // An English locale alone (the tests run under C.UTF-8) keeps the Chinese report's page Chinese.
            let chinese = try clerk.run(["report", "--year", "2020", "--format", "html"])
            #expect(chinese.stdout.contains("<html lang=\"zh-CN\">") && chinese.stdout.contains("<figcaption>每月工单数</figcaption>"))
        }
    }

    /// A vendor named with markup, quotes, an ampersand, ESC and a right-to-left override: in the
    /// HTML and the Word document it is text, shown with its controls visible, never markup.
    @Test func hostileNamesStayTextInHTMLAndWord() throws {
        let hostile = "<script>alert(1)</script> & \"引号\" '单' \u{202E}evil\u{1B}[31m红\u{7}"
        try seededWithDates { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", hostile)
            _ = try clerk.ok("order", "add", "--vendor", hostile, "--category", "全区网络故障", "--project", "全区政务网络运维服务项目",
                             "--opened", "2020-06-01 08:00")
            let shown = "<script>alert(1)</script> & \"引号\" '单' \\u{202E}evil\\u{1B}[31m红\\u{07}"
            _ = try clerk.ok("report", "--year", "2020", "--format", "html", "-o", "report.html")
            let html = try bytes(clerk, "report.html")
            let page = try XMLTree.parse(html)
            #expect(page.all("script").isEmpty)
            #expect(page.all("td").contains { $0.text == shown })
            #expect(Self.bars(page, "chart-vendor-category").contains { $0.first?.hasPrefix("<scr·") == true })
            let text = String(decoding: html, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" || $0 == "\u{7}" })
            #expect(!text.contains("<script>"))

            _ = try clerk.ok("report", "--year", "2020", "--format", "docx", "-o", "report.docx")
            let package = try DocxPackage(try bytes(clerk, "report.docx"))
            #expect(package.problems.isEmpty, "\(package.problems)")
            #expect(package.paragraphs.contains(shown))
            let document = String(decoding: try #require(package.parts["word/document.xml"]), as: UTF8.self)
            #expect(!document.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" || $0 == "\u{7}" })
        }
    }

    /// The 自评表 of a weighted set, in the HTML and the Word document, row for row as `drc score`.
    @Test func theSelfEvaluationSheetIsInEveryFormat() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("project", "add", "--name", "（示例）网站运维", "--unit", "区数据资源中心")
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "区数据资源中心", "--kind", "basic", "--name", "基本支出",
                             "--budget", "100万", "--final", "90万")
            for indicator in [
                ["--level1", "产出指标", "--level2", "数量指标", "--name", "巡检次数", "--target-op", "正向", "--target", "12", "--actual", "12", "--weight", "50"],
                ["--level1", "产出指标", "--level2", "时效指标", "--name", "平均响应时间", "--target-op", "反向", "--target", "2", "--actual", "2.5",
                 "--measure", "小时", "--weight", "50", "--deviation", "夜间报修增多；已增派值班人员。"],
            ] {
                _ = try clerk.ok(["indicator", "add", "--year", "2021", "--project", "（示例）网站运维"] + indicator)
            }
            let sheet = try clerk.ok("score", "--year", "2021", "--project", "（示例）网站运维", "--format", "csv")
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let indicatorRows = sheet.filter { $0.first != "total" }
            #expect(indicatorRows.count == 2)
            _ = try clerk.ok("report", "--year", "2021", "--format", "html", "-o", "report.html")
            let page = try XMLTree.parse(try bytes(clerk, "report.html"))
            let table = try #require(page.all("table").first { $0.all("th").first?.text == "一级指标" })
            let htmlRows = table.all("tbody").first?.all("tr").map { $0.all("td").map(\.text) } ?? []
            #expect(htmlRows == indicatorRows)
            #expect(table.all("tfoot").first?.all("td").map(\.text) == ["合计", "", "", "", "", "100", "87.5", "良"])
            _ = try clerk.ok("report", "--year", "2021", "--format", "docx", "-o", "report.docx")
            let package = try DocxPackage(try bytes(clerk, "report.docx"))
            let document = try #require(package.trees[package.documentPath])
            let rows = document.all("w:tr").map { $0.all("w:tc").map { $0.all("w:t").map(\.text).joined() } }
            for row in indicatorRows { #expect(rows.contains(row), "\(row)") }
            #expect(package.paragraphs(styled: "Heading2").contains("绩效自评表"))
            #expect(package.paragraphs.contains("总分87.5分，等级为“良”。"))
        }
    }

    @Test func markdownIsTheDefaultAndDocxGoesOnlyToAFileOrAPipe() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            #expect(try clerk.ok("report", "--year", "2020", "--format", "md") == (try clerk.ok("report", "--year", "2020")))
            // Standard output that is a pipe gets the zip.
            let piped = try clerk.run("report", "--year", "2020", "--format", "docx")
            #expect(piped.status == 0)
            #expect(piped.stdout.hasPrefix("PK\u{3}\u{4}"))
            // -o keeps its safety: the database is never the output.
            let overwrite = try clerk.run("report", "--year", "2020", "--format", "docx", "-o", clerk.folder + "/records.sqlite")
            #expect(overwrite.status == 1)
            let unknown = try clerk.run("report", "--year", "2020", "--format", "pdf")
            #expect(unknown.status == 64)
        }
    }

    static let script = "/usr/bin/script"

    /// On a terminal (`script` gives the command one), docx is refused with the way out.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func docxIsNotWrittenToATerminal() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            let command = "'\(drcBinary.path)' --db '\(clerk.folder)/records.sqlite' report --year 2020 --format docx"
            let english = try drc(["-eqc", command, "/dev/null"], in: clerk.folder, executable: URL(fileURLWithPath: Self.script), timeout: 60)
            #expect(english.status == 64)
            #expect(english.stdout.contains("docx is binary and is not written to a terminal; give -o FILE.docx"))
            #expect(!english.stdout.contains("PK\u{3}\u{4}"))
            let chinese = try drc(["-eqc", command, "/dev/null"], in: clerk.folder, environment: ["LANG": "zh_CN.UTF-8"],
                                  executable: URL(fileURLWithPath: Self.script), timeout: 60)
            #expect(chinese.stdout.contains("docx 是二进制文件，不输出到终端；请用 -o 文件名.docx 写入文件"))
        }
    }
}
