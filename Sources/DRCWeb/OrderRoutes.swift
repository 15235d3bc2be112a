import DRCCore
import DRCDocuments
import DRCText
import Hummingbird

/// Work orders: the list with filters, paging and sort; the entry form; an order's page with
/// its status changes and history; the status buttons; the CSV and workbook exports.
extension WebApp {
    static let pageSize = 50
    /// The list's filters, in the order the form shows them (the kind's own filter names).
    static let orderFilters = ["year", "status", "vendor", "category", "project", "unit", "from", "to"]

    func orderList(_ request: Request, _ context: RoomContext<Records>) async throws -> Response {
        let viewer = context.viewer
        let query = request.uri.queryParameters
        var filters: [String: String] = [:]
        for name in Self.orderFilters {
            if let value = query.get(name)?.trimmingCharacters(in: " "), !value.isEmpty { filters[name] = value }
        }
        let sort = query.get("sort").flatMap { $0.isEmpty ? nil : $0 }
        let descending = query.get("dir") == "desc"
        let page = Int(try NumberParameter.page.read(query, default: 1))
        let filtersGiven = filters
        let (table, count, choices) = try await service.read { store in
            let repository = RecordRepository(store: store, kind: .order, actor: "")
            let table = try repository.page(filters: filtersGiven, sortBy: sort, descending: descending,
                                            limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
            return (table, try repository.count(filters: filtersGiven), try EntryChoices.read(store))
        }
        let pages = max(1, Int((count + Int64(Self.pageSize) - 1) / Int64(Self.pageSize)))
        func link(page: Int? = nil, sort newSort: String? = nil) -> String {
            var parts = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.queryEncoded)" }
            let sortKey = newSort ?? sort
            if let sortKey {
                parts.append("sort=\(sortKey.queryEncoded)")
                let flip = newSort != nil && newSort == sort && !descending
                if (newSort == nil && descending) || flip { parts.append("dir=desc") }
            }
            if let page { parts.append("page=\(page)") }
            return "/orders" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let filterForm: HTML = """
            <form method="get" action="/orders" class="filters" role="search">
            \(Self.orderFilters.html { name -> HTML in
                let label = viewer.language == .zh ? Self.filterLabel(name) : name
                let list: HTML = choices.list(for: name).map { "list=\"\($0)\"" } ?? ""
                return "<label>\(label)<input name=\"\(name)\" value=\"\(filters[name])\" \(list) size=\"12\"></label>" })
            \(choices.datalists)
            <button type="submit">\(viewer.say("筛选", "Filter"))</button>
            <a href="/orders">\(viewer.say("清除", "Clear"))</a></form>
            """
        let sortLinks: (String) -> HTML = { column in
            let heading = RecordKind.order.columns.first { $0.header == column }?.label.map { viewer.word($0) }
                ?? (viewer.language == .zh ? (RecordKind.order.field(named: column)?.label.zh ?? column) : column)
            let arrow = sort == column ? (descending ? " ▼" : " ▲") : ""
            return "<a href=\"\(link(sort: column))\">\(heading)\(arrow)</a>"
        }
        let exportQuery = String(link().dropFirst("/orders".count))
        let workbookQuery = (exportQuery.isEmpty ? "?" : exportQuery + "&") + "format=xlsx"
        let exportLink: HTML = viewer.may(.runReports)
            ? """
              <a href="\("/orders/export" + exportQuery)">\(viewer.say("导出 CSV（Excel）", "Export CSV (Excel)"))</a> \
              <a href="\("/orders/export" + workbookQuery)">\(viewer.say("导出 Excel 工作簿（.xlsx）", "Export an Excel workbook (.xlsx)"))</a>
              """ : ""
        let pager: HTML = """
            <p class="pager"><span>\(viewer.say("共 \(count) 条，第 \(page)/\(pages) 页", "\(count) orders, page \(page) of \(pages)"))</span>
            \(page > 1 ? HTML("<a href=\"\(link(page: page - 1))\" rel=\"prev\">\(viewer.say("上一页", "Previous"))</a>") : "")
            \(page < pages ? HTML("<a href=\"\(link(page: page + 1))\" rel=\"next\">\(viewer.say("下一页", "Next"))</a>") : "") \(exportLink)</p>
            """
        let body: HTML = """
            <h1>\(viewer.say("工单", "Work orders"))</h1>\(filterForm)\(pager)
            \(Layout.table(table, viewer, link: { _, row in "/orders/\(row[0].text)" }, sortLinks: sortLinks))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("工单", "Work orders"), body: body))
    }

    static func filterLabel(_ name: String) -> String {
        switch name {
        case "from": return "报修时间起"
        case "to": return "报修时间止"
        default: return RecordKind.order.field(named: name)?.label.zh ?? name
        }
    }

    /// The fields the entry form offers: what a clerk types (not the status, set by its own
    /// buttons, nor the source, which is "entered" for every order typed here).
    static var entryFields: [Field] {
        RecordKind.order.fields.filter { $0.isEditable && $0.isStored && $0.name != "source" && $0.name != "solved"
            && $0.name != "closed" }
    }

    func entryPage(_ request: Request, _ context: RoomContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let added = try NumberParameter.id("added").read(request.uri.queryParameters)
        let (choices, warnings) = try await service.read { store in
            (try EntryChoices.read(store), try added.map { try LikelyDuplicates.warnings(db: store.db, kind: .order, id: $0) } ?? [])
        }
        return Responses.page(entryForm(viewer, choices: choices, values: [:], error: nil, added: added, warnings: warnings))
    }

    func entryForm(_ viewer: Viewer, choices: EntryChoices, values: [String: String], error: DRCError?, added: Int64?,
                   warnings: [DRCWarning] = []) -> HTML {
        let message: HTML = error.map { "<p class=\"message\" role=\"alert\">\(viewer.messages.error($0))</p>" } ?? ""
        // A likely duplicate is said beside the order it was added as, with a link to the other.
        let cautions: HTML = warnings.html { warning -> HTML in
            var link: HTML = ""
            if case .likelyDuplicate(_, let other, _, _, _) = warning {
                link = " <a href=\"/orders/\(other)\">\(viewer.say("查看工单", "Show work order")) #\(other)</a>"
            }
            return "<p class=\"warning\" role=\"alert\">\(viewer.messages.warning(warning))\(link)</p>"
        }
        let notice: HTML = added.map {
            "<p class=\"notice\" role=\"status\">\(viewer.say("已录入工单", "Added work order")) <a href=\"/orders/\($0)\">#\($0)</a></p>"
        } ?? ""
        let inputs = Self.entryFields.html { field -> HTML in
            let label = viewer.word(field.label)
            let id = "f-" + field.name
            let required: HTML = field.required ? " required aria-required=\"true\"" : ""
            let value = values[field.name] ?? ""
            let hint = viewer.say(field.help.zh, field.help.en)
            switch field.type {
            case .text where field.name == "summary" || field.name == "solution":
                return "<label for=\"\(id)\">\(label)</label><textarea id=\"\(id)\" name=\"\(field.name)\" rows=\"2\" title=\"\(hint)\"\(required)>\(value)</textarea>"
            default:
                let list: HTML = choices.list(for: field.name).map { " list=\"\($0)\"" } ?? ""
                let placeholder: HTML = field.type.isTimestamp ? " placeholder=\"2020-03-02 14:05、2020年3月2日\"" : ""
                return "<label for=\"\(id)\">\(label)</label><input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\" title=\"\(hint)\" autocomplete=\"off\"\(list)\(placeholder)\(required)>"
            }
        }
        let body: HTML = """
            <h1>\(viewer.say("录入工单", "New work order"))</h1>\(notice)\(cautions)\(message)
            <p>\(viewer.say("用 Tab 键在各栏之间移动，Enter 提交；Alt+N 随时打开本页。", "Tab moves between fields, Enter saves; Alt+N opens this page from anywhere."))</p>
            <form method="post" action="/orders" class="entry">\(viewer.csrfField)\(inputs)
            \(choices.datalists)
            <div class="actions"><button type="submit">\(viewer.say("保存", "Save"))</button></div></form>
            """
        return Layout.page(viewer, title: viewer.say("录入工单", "New work order"), body: body)
    }

    func addOrder(_ request: Request, _ context: FormContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let form = context.form
        var input: [String: String] = [:]
        for field in Self.entryFields {
            if let value = form.given(field.name) { input[field.name] = value }
        }
        let actor = context.account.name
        let given = input
        do {
            let id = try await service.write { store in
                try RecordRepository(store: store, kind: .order, actor: actor).add(given)
            }
            return Responses.redirect("/orders/new?added=\(id)")
        } catch let error as DRCError {
            let choices = try await service.read { try EntryChoices.read($0) }
            return Responses.page(entryForm(viewer, choices: choices, values: form.values, error: error, added: nil), status: .unprocessableContent)
        }
    }

    func orderPage(_ request: Request, _ context: RoomContext<Records>) async throws -> Response {
        let viewer = context.viewer
        let id = try Self.recordID(context)
        let withHistory = viewer.may(.readHistory)
        let language = viewer.language
        let (table, events, history) = try await service.read { store in
            let repository = RecordRepository(store: store, kind: .order, actor: "")
            let table = try repository.show(id)
            let events = try StatusEvents.of(store.db, kind: .order, id: id)
            let history = withHistory ? try HistoryLog.entries(store.db, kind: "order", id: id).map { entry in
                HistoryLine(at: entry.at, actor: entry.actor, action: entry.action,
                            summary: HistoryText.summary(try HistoryLog.summary(entry, using: store.db), in: language))
            } : []
            return (table, events, history)
        }
        return Responses.page(OrderPage.render(viewer, id: id, table: table, events: events, history: history,
                                               error: nil))
    }

    func changeStatus(_ request: Request, _ context: FormContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let form = context.form
        let id = try Self.recordID(context)
        guard let action = form["action"].flatMap(WorkOrderStatus.Action.init(rawValue:)) else {
            throw WebFailure(status: .badRequest, error: .invalid(field: "action", value: form["action"] ?? "",
                                                                   reason: .notOneOf(WorkOrderStatus.Action.allCases.map(\.term))))
        }
        let actor = context.account.name
        let at = form.given("at")
        let solution = form.given("solution")
        try await service.write { store in
            _ = try WorkOrderLifecycle(store: store, actor: actor).apply(action, to: id, at: at, solution: solution)
        }
        return Responses.redirect("/orders/\(id)")
    }

    func exportOrders(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        var filters: [String: String] = [:]
        for name in Self.orderFilters {
            if let value = request.uri.queryParameters.get(name)?.trimmingCharacters(in: " "), !value.isEmpty { filters[name] = value }
        }
        let language = viewer.language
        let given = filters
        let workbook = request.uri.queryParameters.get("format") == "xlsx"
        let bytes = try await service.read { store in
            let sink = MemorySink()
            try Exporter(store: store, kind: .order, filters: given, format: workbook ? .xlsx : .csv, forExcel: true, headers: language)
                .run(to: sink)
            return sink.bytes
        }
        if workbook {
            return Responses.bytes(bytes, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   downloadName: viewer.say("工单.xlsx", "orders.xlsx"))
        }
        return Responses.bytes(bytes, contentType: "text/csv; charset=utf-8", downloadName: viewer.say("工单.csv", "orders.csv"))
    }

    static func recordID(_ context: some RequestContext) throws -> Int64 {
        try NumberParameter.id().readAddress(context.parameters)
    }
}

extension Field.ValueType {
    var isTimestamp: Bool {
        if case .timestamp = self { return true }
        return false
    }
}
