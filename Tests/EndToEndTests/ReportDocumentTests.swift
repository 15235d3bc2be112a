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
            // 仿宋 for the text, 黑体 for the headings; the headings are outline levels under the title.
            let styles = try #require(package.trees["word/styles.xml"])
            let defaults = try #require(styles.all("w:docDefaults").first?.all("w:rFonts").first)
            #expect(defaults["w:eastAsia"] == "仿宋_GB2312")
            let heading = try #require(styles.all("w:style").first { $0["w:styleId"] == "Heading1" })
            #expect(heading.all("w:rFonts").first?["w:eastAsia"] == "黑体")
            #expect(heading.all("w:outlineLvl").first?["w:val"] == "1")
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

    /// The docx set as GB/T 9704 sets a document: A4 and its margins, 仿宋 三号 at a fixed
    /// pitch, fonts that name their stand-ins, "— N —" page numbers, tables laid out by their
    /// content, the charts as chart parts, the annexes after the 落款.
    @Test func theDocxIsSetAsAnOfficialDocument() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("report", "--year", "2020", "--on", "2021-03-31", "--format", "docx", "-o", "report.docx")
            let package = try DocxPackage(try bytes(clerk, "report.docx"))
            #expect(package.problems.isEmpty, "\(package.problems)")
            let document = try #require(package.trees[package.documentPath])
            // A4; 37 mm top, 35 bottom, 28 left, 26 right (in twips: 1 mm = 56.7).
            let size = try #require(document.all("w:pgSz").first), margins = try #require(document.all("w:pgMar").first)
            #expect(size["w:w"] == "11906" && size["w:h"] == "16838")
            #expect([margins["w:top"], margins["w:bottom"], margins["w:left"], margins["w:right"]] == ["2098", "1984", "1587", "1474"])
            // The body: 仿宋_GB2312 三号 (32 half-points) at a fixed 28.95 pt (579 twips).
            let styles = try #require(package.trees["word/styles.xml"])
            let defaults = try #require(styles.all("w:docDefaults").first)
            #expect(defaults.all("w:sz").first?["w:val"] == "32")
            #expect(defaults.all("w:spacing").first?["w:line"] == "579" && defaults.all("w:spacing").first?["w:lineRule"] == "exact")
            let title = try #require(styles.all("w:style").first { $0["w:styleId"] == "Title" })
            #expect(title.all("w:rFonts").first?["w:eastAsia"] == "方正小标宋简体" && title.all("w:sz").first?["w:val"] == "44")
            let second = try #require(styles.all("w:style").first { $0["w:styleId"] == "Heading2" })
            #expect(second.all("w:rFonts").first?["w:eastAsia"] == "楷体_GB2312")
            // Each font names the one to use where it is missing.
            let fonts = try #require(package.trees["word/fontTable.xml"]).all("w:font")
            let alternatives = Dictionary(fonts.map { ($0["w:name"] ?? "", $0.all("w:altName").first?["w:val"] ?? "") }) { $1 }
            #expect(alternatives["仿宋_GB2312"] == "仿宋" && alternatives["黑体"] == "SimHei" && alternatives["楷体_GB2312"] == "楷体"
                    && alternatives["方正小标宋简体"] == "宋体")
            for used in Set(styles.all("w:rFonts").compactMap { $0["w:eastAsia"] }) {
                #expect(alternatives[used] != nil, "\(used) is used but not in the font table")
            }
            // Page numbers: odd pages right, even pages left, "— PAGE —".
            #expect(!(package.trees["word/settings.xml"]?.all("w:evenAndOddHeaders").isEmpty ?? true))
            let references = document.all("w:footerReference").map { $0["w:type"] ?? "" }
            #expect(Set(references) == ["default", "even"])
            for footer in ["word/footer1.xml", "word/footer2.xml"] {
                let tree = try #require(package.trees[footer])
                #expect(tree.all("w:instrText").map { $0.text.trimmingCharacters(in: .whitespaces) } == ["PAGE"])
                #expect(tree.all("w:t").map(\.text) == ["— ", "1", " —"])
            }
            #expect(package.trees["word/footer1.xml"]?.all("w:jc").first?["w:val"] == "right")
            #expect(package.trees["word/footer2.xml"]?.all("w:jc").first?["w:val"] == "left")

            // Tables: every header row repeats; widths within the text block (156 mm, 8845
            // twips); no heading broken inside a word; numbers on the right.
            for table in document.all("w:tbl") {
                let rows = table.all("w:tr")
                #expect(rows.first?.all("w:tblHeader").count == 1)
                let widths = table.all("w:gridCol").compactMap { Int($0["w:w"] ?? "") }
                #expect(widths.reduce(0, +) <= 8845, "\(widths)")
                for cell in rows.first?.all("w:tc") ?? [] {
                    // A heading's lines: each a whole word, and narrow enough for its cell.
                    let width = Int(cell.all("w:tcW").first?["w:w"] ?? "") ?? 0
                    let size = Int(cell.all("w:sz").first?["w:val"] ?? "") ?? 0
                    var lines = [""]
                    for run in cell.all("w:r") {
                        if !run.all("w:br").isEmpty { lines.append("") }
                        lines[lines.count - 1] += run.all("w:t").map(\.text).joined()
                    }
                    for line in lines {
                        // (Tenths of an em: a Chinese character 10, a digit 6; 1.27 mm padding each side.)
                        #expect(Self.tenths(line) * size <= width - 144, "\(line) does not fit its cell (\(width))")
                        #expect(!["指", "一级指", "预算", "年初预算数（", "万元）"].contains(line), "a heading broken inside a word: \(lines)")
                    }
                }
            }
            let budgetTable = try #require(document.all("w:tbl").first { $0.all("w:tr").first?.all("w:t").first?.text == "支出" })
            let total = try #require(budgetTable.all("w:tr").dropFirst().first)
            // 支出 on the left; the amounts and the rate on the right.
            #expect(total.all("w:tc").map { $0.all("w:jc").first?["w:val"] ?? "" } == ["left", "right", "right", "right", "right", "right", "right", "left"])
            let headings = budgetTable.all("w:tr").first?.all("w:tc").map { cell in cell.all("w:r").map { $0.all("w:t").map(\.text).joined() } } ?? []
            // A heading too wide for its column breaks before its unit, nowhere else.
            #expect(headings[1] == ["年初预算数（万元）"] || headings[1] == ["年初预算数", "（万元）"], "\(headings)")

            // The charts: one chart part per figure, drawn in the body where the figure stands.
            let charts = document.all("c:chart").compactMap { $0["r:id"] }
            #expect(charts.count == 3)
            let budget = try #require(package.trees["word/charts/chart1.xml"])
            let lines = try clerk.ok("budget", "list", "--year", "2020", "--format", "csv").split(separator: "\n").count - 1
            let categories = budget.all("c:cat").first?.all("c:pt").map(\.text) ?? []
            #expect(categories.count == lines)
            // Parts after their totals, in a lighter shade: 人员基本工资支出 (2nd) under 基本支出.
            #expect(Array(categories.prefix(2)) == ["基本支出", "人员基本工资支出"], "\(categories)")
            let shaded = budget.all("c:ser").first?.all("c:dPt").compactMap { $0.all("c:idx").first?["val"] } ?? []
            #expect(shaded.contains("1") && !shaded.contains("0"), "\(shaded)")
            // 全年预算数 unknown in 2020 but for the 三公经费 and its three parts (0): points only
            // for those four, never a zero bar for an unknown; the 执行数 all there.
            let series = budget.all("c:ser")
            #expect(series.count == 2)
            let sangong = categories.indices.filter { ["三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"].contains(categories[$0]) }
            #expect(series[0].all("c:val").first?.all("c:pt").map { $0["idx"] ?? "" } == sangong.map(String.init))
            #expect(series[0].all("c:val").first?.all("c:pt").map(\.text) == ["0.00", "0.00", "0.00", "0.00"])
            #expect(series[1].all("c:val").first?.all("c:pt").count == lines)
            #expect(series[1].all("c:val").first?.all("c:pt").first?.text == "113.03")
            // Each chart's data opens for editing: its workbook is in the package.
            #expect(package.parts["word/embeddings/chart1.xlsx"].map { $0.prefix(2) == Data("PK".utf8) } == true)

            // After 七: the annexes named, the 落款, then each annex on a page of its own.
            let paragraphs = package.paragraphs
            let list = try #require(paragraphs.firstIndex(of: "附件：1. 数据说明"))
            #expect(paragraphs.firstIndex(of: "七、改进措施和有关建议").map { $0 < list } == true)
            #expect(package.paragraphs(styled: "Signature") == ["长沙市芙蓉区数据资源中心", "2021年3月31日"])
            #expect(package.paragraphs(styled: "AnnexLabel") == ["附件1"])
            #expect(package.paragraphs(styled: "AnnexTitle") == ["数据说明"])
            #expect(paragraphs.firstIndex(of: "附件1").map { $0 > list } == true)
            let label = try #require(styles.all("w:style").first { $0["w:styleId"] == "AnnexLabel" })
            #expect(!label.all("w:pageBreakBefore").isEmpty)
            // The data notes are the annex's, not the body's.
            let annex = try #require(paragraphs.firstIndex(of: "附件1"))
            let made = try #require(paragraphs.firstIndex(of: "本报告根据数据库中的记录生成，金额单位为万元。"))
            #expect(made > annex)
        }
    }

    /// Tenths of an em: a Chinese character 10, a digit or letter 6.
    static func tenths(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 10 : 6) }
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
            // The label is the vendor and the category, whole: none is cut short.
            #expect(pairBars.map { $0[0] } == pairs.map { $0[0] + "·" + $0[1] })
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
            case "label", "label part": bars.append([text.text])
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
            #expect(Self.bars(page, "chart-vendor-category").contains { $0.first == shown + "·全区网络故障" })
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
            #expect(package.paragraphs(styled: "AnnexLabel").first == "附件1")
            #expect(package.paragraphs(styled: "AnnexTitle").first == "部门整体支出绩效自评表")
            #expect(package.paragraphs(styled: "Heading2").contains("（示例）网站运维"))
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
