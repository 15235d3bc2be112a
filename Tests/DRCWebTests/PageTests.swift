import DRCCore
import DRCWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Workbook

/// The pages do what the command line does, in the viewer's language, and history names the
/// signed-in user.
@Suite struct PageTests {
    @Test func anOrderEnteredAndMovedOnIsRecordedUnderTheSignedInUser() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let added = try await clerk.post("/orders", form: [("_csrf", token), ("vendor", "美音"), ("category", "全区网络故障"),
                                                                ("opened", "2020年5月6日"), ("summary", "交换机掉线")])
            let location = try #require(added.location)
            #expect(location.hasPrefix("/orders/new?added="))
            let id = try #require(Int64(location.split(separator: "=").last ?? ""))
            for action in ["assign", "solve", "close"] {
                let moved = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", action), ("solution", "更换模块")])
                #expect(moved.location == "/orders/\(id)")
            }
            let illegal = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", "solve")])
            // Refused on the order's own page.
            #expect(illegal.status == .unprocessableContent)
            #expect(illegal.text.contains("现在不能解决"))
            #expect(illegal.text.contains("<h1>工单 #\(id)</h1>"))
            let actors = try await fixture.service.read { store in
                try store.db.rows("SELECT DISTINCT actor FROM history WHERE kind = 'order' AND record_id = ?", id).compactMap { $0[0].string }
            }
            #expect(actors == ["clerk"])
            let page = try await clerk.get("/orders/\(id)").text
            #expect(page.contains("已关闭"))
            #expect(page.contains("更换模块"))
            // A clerk sees the status events, not the history (auditors do).
            #expect(page.contains("状态记录"))
            #expect(!page.contains("<h2>历史</h2>"))
            let auditor = Browser(client)
            try await auditor.signIn("auditor")
            let audited = try await auditor.get("/orders/\(id)").text
            #expect(audited.contains("<h2>历史</h2>"))
            #expect(!audited.contains("action=\"/orders/\(id)/status\""))
        }
    }

    @Test func aBadEntryIsShownWithTheFieldNamedAndNothingWritten() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let before = try await fixture.count("SELECT count(*) FROM work_order")
            let response = try await clerk.post("/orders", form: [("_csrf", token), ("vendor", "美音"), ("category", "全区网络故障"),
                                                                   ("opened", "2021-02-30"), ("summary", "<b>保留</b>")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("报修时间"))
            #expect(response.text.contains("2021-02-30"))
            // What was typed stays in the form, escaped.
            #expect(response.text.contains("&lt;b&gt;保留&lt;/b&gt;"))
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
        }
    }

    @Test func errorsArePlainPagesNeverATrace() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("clerk")
            for (path, status, words) in [("/orders/999999", HTTPResponse.Status.notFound, "工单&quot;#999999&quot;：找不到"),
                                          ("/orders/abc", .notFound, "没有这个页面"),
                                          ("/nowhere", .notFound, "没有这个页面"),
                                          ("/orders?year=二〇二〇", .badRequest, "年度")] {
                let response = try await browser.get(path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
                #expect(response.status == status, "\(path)")
                #expect(response.text.contains(words), "\(path): \(response.text.suffix(400))")
                for trace in ["DRCError", "Swift", ".swift", "Fatal", "HTTPError"] {
                    #expect(!response.text.contains(trace), "\(path) shows \(trace)")
                }
            }
        }
    }

    @Test func chineseByDefaultEnglishByAcceptLanguageOrChoice() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("manager")
            #expect(try await browser.get("/orders").text.contains("<h1>工单</h1>"))
            var english = HTTPFields()
            english[.acceptLanguage] = "en-GB,en;q=0.9,zh-CN;q=0.5"
            #expect(try await browser.get("/orders", headers: english).text.contains("<h1>Work orders</h1>"))
            var chineseFirst = HTTPFields()
            chineseFirst[.acceptLanguage] = "zh-CN,zh;q=0.9,en;q=0.8"
            #expect(try await browser.get("/orders", headers: chineseFirst).text.contains("<h1>工单</h1>"))
            // The switch in the header wins over the browser's setting.
            _ = try await browser.get("/language?to=en&back=/orders")
            #expect(try await browser.get("/orders", headers: chineseFirst).text.contains("<h1>Work orders</h1>"))
            // Typed messages come from DRCText in the chosen language.
            let refused = try await browser.get("/users")
            #expect(refused.text.contains("the manager role may not do this"))
        }
    }

    @Test func theListFiltersSortsAndPages() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("manager")
            let first = try await browser.get("/orders?year=2020&vendor=美音".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!).text
            let total = try await fixture.count("SELECT count(*) FROM work_order w JOIN vendor v ON v.id = w.vendor_id WHERE w.year = 2020 AND v.name LIKE '%美音%'")
            #expect(first.contains("共 \(total) 条"))
            let pages = (total + 49) / 50
            #expect(first.contains("第 1/\(pages) 页"))
            // The known sets are choices; the pages are numbered, the last one among them.
            for name in ["year", "status", "vendor", "category", "project", "unit"] {
                #expect(first.contains("<select id=\"q-\(name)\" name=\"\(name)\""), "\(name) is a choice")
            }
            #expect(first.contains("<option value=\"closed\">已关闭</option>"))
            #expect(first.contains("<strong aria-current=\"page\">1</strong>"))
            #expect(first.contains("aria-label=\"第 \(pages) 页\">\(pages)</a>"))
            let last = try await browser.get("/orders?year=2020&page=\(pages)&vendor=%E7%BE%8E%E9%9F%B3").text
            #expect(!last.contains("rel=\"next\""))
            #expect(last.contains("rel=\"prev\""))
            let descending = try await browser.get("/orders?sort=id&dir=desc").text
            let maxID = try await fixture.count("SELECT max(id) FROM work_order")
            #expect(descending.contains("<a href=\"/orders/\(maxID)\">"))
            let unknownSort = try await browser.get("/orders?sort=password")
            #expect(unknownSort.status == .badRequest)
        }
    }

    @Test func aWorkbookUploadImportsItsFirstSheet() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let before = try await fixture.count("SELECT count(*) FROM work_order")
            var workbook = WorkbookWriter(sheetName: "3月")
            try workbook.header(["供应商", "服务类别", "报修时间", "故障描述"])
            try workbook.row([.text("美音"), .text("全区网络故障"), .text("2020-03-02 09:00"), .text("一")])
            try workbook.row([.text("美音"), .text("终端桌面"), .text("2020-03-03"), .text("二")])
            let bytes = ByteBuffer(bytes: try workbook.bytes())
            let dry = try await SecurityTests.upload(clerk, token: token, bytes: bytes, mode: "dry-run")
            #expect(dry.status == .ok)
            #expect(dry.text.contains("试导入：读取 2 行，将新增 2 条工单，未变 0 条，将更新 0 条，跳过空行和合计行 0 行"), "\(dry.text)")
            // The upload is named orders.csv: its bytes say workbook, and they decide.
            let real = try await SecurityTests.upload(clerk, token: token, bytes: bytes, mode: "import")
            #expect(real.status == .ok)
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before + 2)
        }
    }

    @Test func theExportIsCSVWithABOMAndTheDashboardsNumbersAreTheTotals() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("manager")
            let export = try await browser.get("/orders/export?year=2020")
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(export.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect((export.headers[.contentDisposition] ?? "").contains("attachment"))
            let lines = export.text.split(separator: "\r\n")
            #expect(Int64(lines.count - 1) == (try await fixture.count("SELECT count(*) FROM work_order WHERE year = 2020")))
            // Beside it, the same orders as an Excel workbook, headed in the viewer's language.
            let orders = try await browser.get("/orders?year=2020").text
            #expect(orders.contains("<a href=\"/orders/export?year=2020&amp;format=xlsx\">导出 Excel 工作簿（.xlsx）</a>"), "\(orders)")
            let workbook = try await browser.get("/orders/export?year=2020&format=xlsx")
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect((workbook.headers[.contentDisposition] ?? "").contains("filename*=UTF-8''%E5%B7%A5%E5%8D%95.xlsx"))
            let sheet = try WorkbookReader(bytes: Array(workbook.body.readableBytesView)).sheet(named: nil)
            #expect(sheet.name == "工单")
            #expect(sheet.cells(0).prefix(3) == ["id", "年度", "供应商"])
            #expect(Int64(sheet.rowCount - 1) == (try await fixture.count("SELECT count(*) FROM work_order WHERE year = 2020")))
            let dashboard = try await browser.get("/?year=2020").text
            let counted = try await fixture.count("SELECT count(*) FROM work_order WHERE year = 2020 AND status <> 'cancelled'")
            #expect(dashboard.contains("id=\"order-total\">工单合计（不含已取消）：<strong>\(counted)</strong>"))
            #expect(dashboard.contains("<svg"))
            #expect(dashboard.contains("id=\"chart-budget\""))
            let report = try await browser.get("/report/download?year=2020")
            #expect(report.status == .ok)
            #expect(report.text.contains("2020"))
        }
    }

    /// The report page offers the three files; each download is the format it says it is.
    @Test func theReportDownloadsAsMarkdownHTMLAndWord() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("manager")
            let page = try await browser.get("/report?year=2020").text
            for format in ["md", "html", "docx"] {
                #expect(page.contains("href=\"/report/download?year=2020&amp;format=\(format)\""), "\(format)")
            }
            let html = try await browser.get("/report/download?year=2020&format=html")
            #expect(html.status == .ok)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect((html.headers[.contentDisposition] ?? "").contains("report-2020.html"))
            #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.contains("<svg") && html.text.contains("id=\"chart-budget\""))
            // The page shows the report itself, as the file does (one renderer): the same article,
            // title, charts and tables, never Markdown in a box.
            let start = try #require(html.text.range(of: "<article class=\"report\""))
            let article = try #require(html.text[start.lowerBound...].components(separatedBy: "</article>").first)
            #expect(page.contains(article + "</article>"))
            #expect(!page.contains("<pre"))
            #expect(page.contains("<h1>长沙市芙蓉区数据资源中心2020年度部门整体支出绩效评价报告</h1>"))
            #expect(page.contains("<figure id=\"chart-budget\">"))
            let docx = try await browser.get("/report/download?year=2020&format=docx")
            #expect(docx.status == .ok)
            #expect(docx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect((docx.headers[.contentDisposition] ?? "").contains("report-2020.docx"))
            #expect(Array(docx.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            let unknown = try await browser.get("/report/download?year=2020&format=pdf")
            #expect(unknown.status == .badRequest)
        }
    }
}
