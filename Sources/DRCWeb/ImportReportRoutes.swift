import DRCCore
import DRCDocuments
import DRCText
import Foundation
import Hummingbird

/// The import upload (a dry run first, then the real import, all or nothing, exactly as
/// `drc import orders`) and the year's evaluation report, viewed and downloaded.
extension WebApp {
    func importPage(_ request: Request, _ context: RoomContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let profiles = try await service.read { store in try PickLists.importProfiles(store) }
        return Responses.page(importForm(viewer, result: "", profiles: profiles))
    }

    /// How a vendor's file is read, as the import form gives it (as `drc import` takes it):
    /// a profile's settings, then the vendor, sheet, header row and defaults given here.
    struct FileReading: Sendable {
        var profile = ""
        var vendor = ""
        var sheet = ""
        var headerRow = ""
        /// `field=value` pairs, one a line or separated by commas (`category=维修工单`).
        var defaults = ""

        init() {}

        init(_ form: MultipartForm) {
            profile = form.text("profile")?.trimmingSpaces() ?? ""
            vendor = form.text("vendor")?.trimmingSpaces() ?? ""
            sheet = form.text("sheet")?.trimmingSpaces() ?? ""
            headerRow = form.text("header-row")?.trimmingSpaces() ?? ""
            defaults = form.text("set")?.trimmingSpaces() ?? ""
        }

        /// The format these settings describe; each mistake is refused by its field's name.
        func format(_ store: Store) throws -> VendorFormat {
            var format = profile.isEmpty ? VendorFormat() : try ImportProfiles.format(named: profile, db: store.db)
            if !vendor.isEmpty { format.defaults["vendor"] = vendor }
            if !sheet.isEmpty { format.sheet = sheet }
            if !headerRow.isEmpty {
                guard let row = Int(headerRow) else {
                    throw DRCError.invalid(field: "header-row", value: headerRow, reason: .outOfRange(lowest: 1, highest: 1_048_576))
                }
                format.headerRow = row
            }
            let separators: Set<Character> = ["\n", "\r", ",", "，", ";", "；"]
            for pair in defaults.split(whereSeparator: { separators.contains($0) }) where !String(pair).trimmingSpaces().isEmpty {
                try format.set(String(pair), kind: .order)
            }
            try format.validate()
            return format
        }
    }

    func importForm(_ viewer: Viewer, result: HTML, profiles: [String], reading: FileReading = FileReading(),
                    kept: (token: String, fileName: String)? = nil) -> HTML {
        let options = profiles.html { name -> HTML in "<option value=\"\(name)\"\(name == reading.profile ? " selected" : "")>\(name)</option>" }
        // A file kept from the dry run: the import takes it unless another is chosen.
        let keptNote: HTML = kept.map { kept in """
            <input type="hidden" name="upload" value="\(kept.token)">\
            <p class="notice" id="kept-file" role="status">\(viewer.say("已保留刚才试导入的文件 \(kept.fileName)：正式导入不必再选文件。",
                                                              "The file \(kept.fileName) of the dry run is kept: import it without choosing it again."))</p>
            """ } ?? ""
        let required: HTML = kept == nil ? " required" : ""
        let body: HTML = """
            <h1>\(viewer.say("导入工单", "Import work orders"))</h1>
            <p>\(viewer.say("CSV 文件或 Excel 工作簿（.xlsx），列名与 drc export orders 相同（中英文列名均可），或按导入配置对应。表头上方的标题行会被跳过，合并单元格按表格软件显示的值读取。先试导入查看结果，没有错误再正式导入；有任何一行出错则什么都不写入。",
                            "A CSV file or an Excel workbook (.xlsx) with the columns of drc export orders (Chinese or English headers), or mapped by an import profile. A title above the header is passed over; merged cells read as the spreadsheet shows them. Try it first; if any row is bad, nothing is written."))</p>
            <form method="post" action="/import" enctype="multipart/form-data" class="entry">\(viewer.csrfField)\(keptNote)
            <label for="file">\(viewer.say("文件", "File"))</label><input id="file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"\(required)>
            <label for="profile">\(viewer.say("导入配置", "Import profile"))</label><select id="profile" name="profile"><option value="">\(viewer.say("（不用）", "(none)"))</option>\(options)</select>
            <label for="vendor">\(viewer.say("供应商（文件没有写时）", "Vendor (where the file names none)"))</label><input id="vendor" name="vendor" value="\(reading.vendor)" autocomplete="off">
            <label for="sheet">\(viewer.say("工作表（默认第一个）", "Sheet (default: the first)"))</label><input id="sheet" name="sheet" value="\(reading.sheet)" autocomplete="off">
            <label for="header-row">\(viewer.say("表头行（默认自动找）", "Header row (default: found)"))</label><input id="header-row" name="header-row" value="\(reading.headerRow)" inputmode="numeric" autocomplete="off">
            <label for="set">\(viewer.say("默认值（每行一个，如 服务类别=维修工单）", "Defaults (one a line, e.g. category=维修工单)"))</label><textarea id="set" name="set" rows="2">\(reading.defaults)</textarea>
            <div class="actions"><button type="submit" name="mode" value="dry-run">\(viewer.say("试导入（不写入）", "Try (writes nothing)"))</button>
            <button type="submit" name="mode" value="import">\(viewer.say("正式导入", "Import"))</button>
            <button type="submit" name="mode" value="rejects">\(viewer.say("下载错误行（CSV）", "Download the bad rows (CSV)"))</button></div></form>\(result)
            """
        return Layout.page(viewer, title: viewer.say("导入", "Import"), body: body)
    }

    func importUpload(_ request: Request, _ context: UploadContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let form = context.upload
        let account = context.account.id
        let reading = FileReading(form)
        let profiles = try await service.read { store in try PickLists.importProfiles(store) }
        // The file chosen now, else the one kept from the dry run.
        let bytes: [UInt8]
        let sourceName: String
        var keptToken: String?
        if let file = form["file"], !file.bytes.isEmpty {
            bytes = file.bytes
            sourceName = file.fileName.map { $0.isEmpty ? "upload.csv" : $0 } ?? "upload.csv"
        } else if let token = form.text("upload"), let kept = await uploads.take(token, account: account) {
            bytes = kept.bytes
            sourceName = kept.fileName
            keptToken = token
        } else {
            let error = DRCError.invalid(field: "file", value: form["file"]?.fileName ?? "", reason: .emptyFile)
            return Responses.page(importForm(viewer, result: Self.refusal(viewer, error), profiles: profiles, reading: reading),
                                  status: .unprocessableContent)
        }
        // The file kept for another try: under its token when it came kept, else kept now.
        let uploads = self.uploads
        let (chosenToken, chosenBytes, chosenName) = (keptToken, bytes, sourceName)
        func keep() async throws -> String {
            if let chosenToken { return chosenToken }
            return try await uploads.keep(chosenBytes, fileName: chosenName, account: account)
        }
        let dryRun = form.text("mode") != "import"
        let actor = context.account.name
        if form.text("mode") == "rejects" {
            return try await rejects(viewer, bytes: bytes, sourceName: sourceName, reading: reading)
        }
        var options = ImportOptions(sourceName: sourceName)
        options.dryRun = dryRun
        let chosen = options
        let summary: ImportSummary
        do {
            // Read and checked first on a reader (a workbook inflated and parsed there); only then
            // is the one writer asked for, so a slow file never holds up other clerks' entries.
            let prepared = try await service.read { store in
                var options = chosen
                options.format = try reading.format(store)
                options.encoding = options.format.encoding
                return (try Importer(store: store, kind: .order, actor: actor, options: options).prepare(MemorySource(bytes)), options)
            }
            summary = try await service.write { store in
                try Importer(store: store, kind: .order, actor: actor, options: prepared.1).run(prepared.0)
            }
        } catch let error as DRCError {
            // A file refused whole (a column that names nothing, a sheet that is not there, a
            // default that matches nothing) is said on the import page, the file kept for another try.
            let token = try await keep()
            return Responses.page(importForm(viewer, result: Self.refusal(viewer, error), profiles: profiles, reading: reading,
                                             kept: (token, sourceName)), status: .unprocessableContent)
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
        let notes = Self.readingNotes(viewer, summary).html { "<li>\($0)</li>" }
        let result: HTML = """
            <section id="import-result"><p class="\(summary.errorCount > 0 ? "message" : "notice")" role="status">\(headline)</p>
            <ul class="reading">\(notes)</ul><ul class="rejects">\(errors)</ul></section>
            """
        // Kept for the real import after a dry run or a refused one; an import that wrote lets it go.
        var kept: (token: String, fileName: String)?
        if summary.committed {
            await uploads.drop(account: account)
        } else {
            kept = (try await keep(), sourceName)
        }
        return Responses.page(importForm(viewer, result: result, profiles: profiles, reading: reading, kept: kept),
                              status: summary.errorCount > 0 ? .unprocessableContent : .ok)
    }

    /// A file refused whole, on the import page.
    static func refusal(_ viewer: Viewer, _ error: DRCError) -> HTML {
        "<section id=\"import-result\"><p class=\"message\" role=\"alert\">\(viewer.messages.error(error))</p></section>"
    }

    /// How the file was read where it is not a plain table: the header below a title, the
    /// merged ranges, and the sheet of the rows the summary counts.
    static func readingNotes(_ viewer: Viewer, _ summary: ImportSummary) -> [String] {
        var notes: [String] = []
        let sheet = summary.sheet.map { viewer.say("工作表“\($0)”", "sheet \"\($0)\"") }
        if summary.rowsAboveHeader > 0 {
            notes.append(viewer.say("表头在\(sheet.map { $0 + "的" } ?? "")第 \(summary.headerLine) 行；其上 \(summary.rowsAboveHeader) 行（标题）未导入。",
                                    "The header is on row \(summary.headerLine)\(sheet.map { " of " + $0 } ?? ""); the \(summary.rowsAboveHeader) row(s) above it (a title) were not imported."))
        }
        let merges = summary.merges.filter { $0.lastRow > summary.headerLine }
        if !merges.isEmpty {
            let ranges = merges.map(\.reference).joined(separator: viewer.say("、", ", "))
            let cells = merges.reduce(0) { $0 + $1.filledCells }
            notes.append(viewer.say("合并单元格 \(ranges)：覆盖的 \(cells) 个单元格都取了合并区域的值。",
                                    "Merged cells \(ranges): the \(cells) cell(s) they cover took the merged value."))
        }
        if !summary.totalRows.isEmpty {
            let rows = summary.totalRows.map(String.init).joined(separator: viewer.say("、", ", "))
            notes.append(viewer.say("合计行（\(sheet ?? "")第 \(rows) 行）已跳过。", "The total row(s) on row(s) \(rows)\(sheet.map { " of " + $0 } ?? "") were passed over."))
        }
        return notes
    }

    /// The bad rows of an upload with their reasons, as `drc import --dry-run --skip-bad
    /// --rejects` writes them: a dry run, so nothing is written to the database.
    func rejects(_ viewer: Viewer, bytes: [UInt8], sourceName: String, reading: FileReading = FileReading()) async throws -> Response {
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
            var options = chosen
            options.format = try reading.format(store)
            options.encoding = options.format.encoding
            return (try Importer(store: store, kind: .order, actor: actor, options: options).prepare(MemorySource(bytes)), options)
        }
        _ = try await service.write { store in
            try Importer(store: store, kind: .order, actor: actor, options: prepared.1).run(prepared.0)
        }
        let written = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return Responses.bytes(written, contentType: "text/csv; charset=utf-8",
                               downloadName: viewer.say("错误行-", "rejects-") + sourceName)
    }

    func reportPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
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
    func reportDownload(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
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
