import DRCCore
import DRCDocuments
import DRCText
import Foundation
import Hummingbird

/// The import upload (a dry run first, then the real import, all or nothing, exactly as
/// `drc import orders`) and the year's evaluation report, viewed and downloaded.
extension WebApp {
    func importPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: .enterRecords)
        return Responses.page(importForm(viewer, result: ""))
    }

    func importForm(_ viewer: Viewer, result: HTML) -> HTML {
        let body: HTML = """
            <h1>\(viewer.say("导入工单", "Import work orders"))</h1>
            <p>\(viewer.say("CSV 文件或 Excel 工作簿（.xlsx，读第一个工作表），列名与 drc export orders 相同（中英文列名均可）。先试导入查看结果，没有错误再正式导入；有任何一行出错则什么都不写入。",
                            "A CSV file or an Excel workbook (.xlsx, its first sheet) with the columns of drc export orders (Chinese or English headers). Try it first; if any row is bad, nothing is written."))</p>
            <form method="post" action="/import" enctype="multipart/form-data" class="entry">\(viewer.csrfField)
            <label for="file">\(viewer.say("文件", "File"))</label><input id="file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
            <div class="actions"><button type="submit" name="mode" value="dry-run">\(viewer.say("试导入（不写入）", "Try (writes nothing)"))</button>
            <button type="submit" name="mode" value="import">\(viewer.say("正式导入", "Import"))</button>
            <button type="submit" name="mode" value="rejects">\(viewer.say("下载错误行（CSV）", "Download the bad rows (CSV)"))</button></div></form>\(result)
            """
        return Layout.page(viewer, title: viewer.say("导入", "Import"), body: body)
    }

    func importUpload(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: .enterRecords)
        var request = request
        let buffer = try await request.collectBody(upTo: WebLimits.uploadBytes)
        guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Array(buffer: buffer)) else {
            throw WebFailure(status: .badRequest, error: .formExpired)
        }
        try Gate.checkToken(form.text("_csrf"), expected: viewer.csrfToken)
        guard let file = form["file"], !file.bytes.isEmpty else {
            throw WebFailure(status: .unprocessableContent, error: .invalid(field: "file", value: form["file"]?.fileName ?? "", reason: .emptyFile))
        }
        let dryRun = form.text("mode") != "import"
        let actor = viewer.account?.name ?? ""
        let sourceName = file.fileName.map { $0.isEmpty ? "upload.csv" : $0 } ?? "upload.csv"
        let bytes = file.bytes
        if form.text("mode") == "rejects" {
            return try await rejects(viewer, bytes: bytes, sourceName: sourceName)
        }
        var options = ImportOptions(sourceName: sourceName)
        options.dryRun = dryRun
        let chosen = options
        // Read and checked first on a reader (a workbook inflated and parsed there); only then is
        // the one writer asked for, so a slow file never holds up other clerks' entries.
        let prepared = try await service.read { store in
            try Importer(store: store, kind: .order, actor: actor, options: chosen).prepare(MemorySource(bytes))
        }
        let summary = try await service.write { store in
            try Importer(store: store, kind: .order, actor: actor, options: chosen).run(prepared)
        }
        let messages = viewer.messages
        let errors = summary.errors.html { error -> HTML in "<li>\(messages.row(error))</li>" }
        let headline: String
        if summary.errorCount > 0 {
            headline = viewer.say("共 \(summary.read) 行，\(summary.errorCount) 行有错：什么都没有写入。", "\(summary.read) rows, \(summary.errorCount) bad: nothing was written.")
        } else if dryRun {
            // What the import would do, row by row: a 合计 row or a blank one is no order.
            let passedOver = summary.blankRows + summary.totalRows.count
            headline = viewer.say(
                "试导入：读取 \(summary.read) 行，将新增 \(summary.written) 条工单，未变 \(summary.unchanged) 条，将更新 \(summary.updated) 条，跳过空行和合计行 \(passedOver) 行（尚未写入）。",
                "Dry run: \(summary.read) rows read; \(summary.written) orders would be new, \(summary.unchanged) unchanged, \(summary.updated) updated; \(passedOver) blank or total rows passed over (nothing written yet).")
        } else {
            headline = viewer.say("已导入 \(summary.written) 条工单。", "Imported \(summary.written) work orders.")
        }
        let result: HTML = """
            <section id="import-result"><p class="\(summary.errorCount > 0 ? "message" : "notice")" role="status">\(headline)</p>
            <ul class="rejects">\(errors)</ul></section>
            """
        return Responses.page(importForm(viewer, result: result), status: summary.errorCount > 0 ? .unprocessableContent : .ok)
    }

    /// The bad rows of an upload with their reasons, as `drc import --dry-run --skip-bad
    /// --rejects` writes them: a dry run, so nothing is written to the database.
    func rejects(_ viewer: Viewer, bytes: [UInt8], sourceName: String) async throws -> Response {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-rejects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rejects.csv").path
        let messages = viewer.messages
        let actor = viewer.account?.name ?? ""
        var options = ImportOptions(sourceName: sourceName)
        options.dryRun = true
        options.skipBad = true
        options.rejectsPath = path
        options.rejectReason = { messages.rejectReason($0) }
        options.rejectReasonHeading = viewer.word(HeaderMap.reasonHeading)
        let chosen = options
        let prepared = try await service.read { store in
            try Importer(store: store, kind: .order, actor: actor, options: chosen).prepare(MemorySource(bytes))
        }
        _ = try await service.write { store in
            try Importer(store: store, kind: .order, actor: actor, options: chosen).run(prepared)
        }
        let written = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return Responses.bytes(written, contentType: "text/csv; charset=utf-8",
                               downloadName: viewer.say("错误行-", "rejects-") + sourceName)
    }

    func reportPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: .runReports)
        let year = try NumberParameter.year.read(request.uri.queryParameters, default: 2020)
        let (document, checkErrors) = try await Self.report(service, year: year)
        let warning: HTML = checkErrors > 0 ? """
            <p class="message" role="alert">\(viewer.say("\(year) 年度的数据核对有 \(checkErrors) 项错误；签字前请先在“核对”页面查看并改正。",
                "The \(year) figures have \(checkErrors) \(checkErrors == 1 ? "error" : "errors") in their check; see the Check page and correct them before signing."))
            <a href="/check?year=\(year)">\(viewer.say("查看核对结果", "See the check"))</a></p>
            """ : ""
        let downloads: [(ReportFormat, String)] = [
            (.md, viewer.say("下载（Markdown）", "Download (Markdown)")),
            (.html, viewer.say("下载（网页，含图表）", "Download (HTML, with charts)")),
            (.docx, viewer.say("下载（Word）", "Download (Word)")),
        ]
        let links = downloads.html { format, label -> HTML in
            "<a href=\"/report/download?year=\(year)&amp;format=\(format.rawValue)\" download>\(label)</a>"
        }
        // The report as the HTML file shows it (the same renderer), under the page's header.
        let body: HTML = """
            <h1>\(viewer.say("\(year) 年绩效评价报告", "Evaluation report \(year)"))</h1>
            <form method="get" action="/report" class="filters"><label>\(viewer.say("年度", "Year"))<input name="year" value="\(year)" size="6"></label>
            <button type="submit">\(viewer.say("查看", "Show"))</button></form>\(warning)
            <p class="downloads">\(links)</p>
            <div class="report-page">\(HTMLReport.article(document, language: viewer.language))</div>
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("报告", "Report"), body: body))
    }

    /// The report as a file: Markdown (the default), self-contained HTML with its charts, or Word.
    func reportDownload(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: .runReports)
        let year = try NumberParameter.year.read(request.uri.queryParameters, default: 2020)
        let asked = request.uri.queryParameters.get("format").map { String($0) } ?? ReportFormat.md.rawValue
        guard let format = ReportFormat(rawValue: asked) else {
            throw WebFailure(status: .badRequest, error: .invalid(field: "format", value: asked,
                                                                  reason: .notOneOf(ReportFormat.allCases.map { Term(zh: $0.rawValue, en: $0.rawValue) })))
        }
        let bytes = try format.render(try await Self.report(service, year: year).document, language: viewer.language)
        return Responses.bytes(bytes, contentType: format.contentType, downloadName: "report-\(year).\(format.fileExtension)")
    }

    /// The report is written in Chinese, as the command line writes it.
    /// The year's report, its ages counted as `drc report` counts them, and how many errors the
    /// year's check finds (the page says so above the report).
    static func report(_ service: DatabaseService, year: Int64) async throws -> (document: ReportDocument, checkErrors: Int) {
        try await service.read { store in
            let today = DayNumber.of(store.clock.now().stamp) ?? 0
            let asOf = ReportDay.asOf(year: year, asked: nil, today: today)
            let errors = try Reconciliation.check(store.db, year: year, asOf: asOf).filter { $0.severity == .error }.count
            let document = try EvaluationReport(db: store.db, year: year, asOf: asOf).document(signedOn: today, describing: { FindingText.sentence($0, in: .zh) })
            return (document, errors)
        }
    }
}
