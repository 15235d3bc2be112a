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
            <form method="get" action="/orders" class="filters" role="search" aria-label="\(viewer.say("筛选工单", "Filter the orders"))">
            \(Self.orderFilters.html { name -> HTML in
                let label = viewer.language == .zh ? Self.filterLabel(name) : Self.filterLabelEnglish(name)
                let id = "q-" + name
                let given = filters[name] ?? ""
                let yearClass: HTML = name == "year" ? " class=\"year\"" : ""
                if let options = Self.filterOptions(name, choices: choices, viewer: viewer) {
                    var list = options
                    if !given.isEmpty && !list.contains(where: { $0.value == given }) { list.append((given, given)) }
                    return """
                        <label for="\(id)">\(label)<select id="\(id)" name="\(name)"\(yearClass)><option value="">\(viewer.say("全部", "all"))</option>\(list.html { option -> HTML in
                            "<option value=\"\(option.value)\"\(option.value == given ? HTML(" selected") : "")>\(option.text)</option>" })</select></label>
                        """
                }
                let type: HTML = name == "from" || name == "to" ? " type=\"date\"" : ""
                return "<label for=\"\(id)\">\(label)<input id=\"\(id)\" name=\"\(name)\" value=\"\(given)\"\(type)></label>" })
            <button type="submit">\(viewer.say("筛选", "Filter"))</button>
            <a class="button secondary" href="/orders">\(viewer.say("清除", "Clear"))</a></form>
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
            <nav class="pager" aria-label="\(viewer.say("翻页", "Pages"))"><span class="count">\(viewer.say("共 \(count) 条，第 \(page)/\(pages) 页", "\(count) orders, page \(page) of \(pages)"))</span>
            \(page > 1 ? HTML("<a href=\"\(link(page: page - 1))\" rel=\"prev\">\(viewer.say("上一页", "Previous"))</a>") : "")
            \(Self.pageNumbers(current: page, last: pages).html { number -> HTML in
                guard let number else { return "<span aria-hidden=\"true\">…</span>" }
                return number == page ? "<strong aria-current=\"page\">\(number)</strong>"
                    : "<a href=\"\(link(page: number))\" aria-label=\"\(viewer.say("第 \(number) 页", "Page \(number)"))\">\(number)</a>"
            })
            \(page < pages ? HTML("<a href=\"\(link(page: page + 1))\" rel=\"next\">\(viewer.say("下一页", "Next"))</a>") : "")</nav>
            <p class="downloads">\(exportLink)</p>
            """
        let body: HTML = """
            <h1>\(viewer.say("工单", "Work orders"))</h1>\(filterForm)\(pager)
            \(Layout.table(table, viewer, link: { _, row in "/orders/\(row[0].text)" }, sortLinks: sortLinks))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("工单", "Work orders"), body: body))
    }

    /// The page numbers a pager shows: the first, the last, and two either side of the current
    /// one; nil where numbers are left out.
    static func pageNumbers(current: Int, last: Int) -> [Int?] {
        var numbers: [Int?] = []
        var previous = 0
        for number in 1...max(1, last) where number == 1 || number == last || abs(number - current) <= 2 {
            if number > previous + 1 { numbers.append(nil) }
            numbers.append(number)
            previous = number
        }
        return numbers
    }

    /// A filter whose values are a known set is a choice: years with orders, statuses, vendors,
    /// categories, projects, units.
    static func filterOptions(_ name: String, choices: EntryChoices, viewer: Viewer) -> [(value: String, text: String)]? {
        switch name {
        case "status": return PickLists.fixed("status").map { $0.map { (value: $0.value, text: viewer.word($0.term)) } }
        case "year": return choices.years.map { (value: String($0), text: String($0)) }
        case "vendor", "category", "project", "unit": return choices.lists[name].map { $0.map { (value: $0, text: $0) } }
        default: return nil
        }
    }

    static func filterLabelEnglish(_ name: String) -> String {
        switch name {
        case "from": return "opened from"
        case "to": return "opened to"
        default: return RecordKind.order.field(named: name)?.label.en ?? name
        }
    }

    static func filterLabel(_ name: String) -> String {
        switch name {
        case "from": return "报修时间起"
        case "to": return "报修时间止"
        default: return RecordKind.order.field(named: name)?.label.zh ?? name
        }
    }

    /// The fields the entry form offers: what a clerk types (not the status, set by its own
    /// actions, nor the source, which is "entered" for every order typed here), in the order a
    /// clerk fills them.
    static var entryFields: [Field] { OrderForm.entryFields }

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
        let text = error.map { viewer.messages.error($0) }
        let bad = error.flatMap { OrderForm.field(of: $0, among: Self.entryFields) }
        let message = OrderForm.summary(viewer, text: text, bad: bad)
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
        let body: HTML = """
            <h1>\(viewer.say("录入工单", "New work order"))</h1>\(notice)\(cautions)\(message)
            <p>\(viewer.say("用 Tab 键在各栏之间移动，Enter 提交；Alt+N 随时打开本页。标 * 的为必填项。",
                            "Tab moves between fields, Enter saves; Alt+N opens this page from anywhere. Fields marked * are required."))</p>
            <form method="post" action="/orders" class="entry">\(viewer.csrfField)
            \(OrderForm.controls(viewer, fields: Self.entryFields, choices: choices, values: values, bad: bad, message: text))
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

    /// The correction form: every field `drc order edit` takes, with the order's values.
    func editPage(_ request: Request, _ context: RoomContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let id = try Self.recordID(context)
        let (values, choices) = try await service.read { store in
            (try Self.currentValues(store, id: id), try EntryChoices.read(store))
        }
        return Responses.page(editForm(viewer, id: id, choices: choices, values: values, error: nil))
    }

    func editForm(_ viewer: Viewer, id: Int64, choices: EntryChoices, values: [String: String], error: DRCError?) -> HTML {
        let text = error.map { viewer.messages.error($0) }
        let bad = error.flatMap { OrderForm.field(of: $0, among: OrderForm.editFields) }
        let message = OrderForm.summary(viewer, text: text, bad: bad)
        let title = viewer.say("更正工单 #\(id)", "Correct work order #\(id)")
        let body: HTML = """
            <h1>\(title)</h1>\(message)
            <p>\(viewer.say("只保存改动过的栏目；清空一栏即删去其值。状态用工单页上的操作变更。标 * 的为必填项。",
                            "Only the fields you change are saved; emptying a field removes its value. The status changes through the actions on the order's page. Fields marked * are required."))</p>
            <form method="post" action="/orders/\(id)/edit" class="entry">\(viewer.csrfField)
            \(OrderForm.controls(viewer, fields: OrderForm.editFields, choices: choices, values: values, bad: bad, message: text))
            <div class="actions"><button type="submit">\(viewer.say("保存更正", "Save the correction"))</button>
            <a class="button secondary" href="/orders/\(id)">\(viewer.say("不更正，返回工单", "Back to the order, unchanged"))</a></div></form>
            """
        return Layout.page(viewer, title: title, body: body)
    }

    /// The order's values as the correction form shows them and `edit` reads them back: names
    /// for references, keys for fixed sets and flags.
    static func currentValues(_ store: Store, id: Int64) throws -> [String: String] {
        let table = try RecordRepository(store: store, kind: .order, actor: "").show(id)
        guard let row = table.rows.first else { throw DRCError.notFound(kind: .order, reference: String(id)) }
        var values: [String: String] = [:]
        for field in OrderForm.editFields {
            if let index = table.columns.firstIndex(of: field.name), index < row.count { values[field.name] = row[index].text }
        }
        return values
    }

    func editOrder(_ request: Request, _ context: FormContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let form = context.form
        let id = try Self.recordID(context)
        let actor = context.account.name
        do {
            try await service.write { store in
                let current = try Self.currentValues(store, id: id)
                var set: [String: String] = [:]
                var clearing: [String] = []
                // A field the form did not send is left as it is; one sent empty is cleared.
                for field in OrderForm.editFields where form[field.name] != nil {
                    let now = form.given(field.name) ?? ""
                    guard now != (current[field.name] ?? "") else { continue }
                    if now.isEmpty { clearing.append(field.name) } else { set[field.name] = now }
                }
                _ = try RecordRepository(store: store, kind: .order, actor: actor).editing(id, set: set, clearing: clearing)
            }
            return Responses.redirect("/orders/\(id)?done=edited")
        } catch let error as DRCError {
            if case .notFound(.order, _) = error { throw error }
            let choices = try await service.read { try EntryChoices.read($0) }
            return Responses.page(editForm(viewer, id: id, choices: choices, values: form.values, error: error), status: .unprocessableContent)
        }
    }

    func orderPage(_ request: Request, _ context: RoomContext<Records>) async throws -> Response {
        let id = try Self.recordID(context)
        let done = request.uri.queryParameters.get("done") == "edited"
        return Responses.page(try await orderPageHTML(context.viewer, id: id, notice: done ? context.viewer.say("已保存更正。", "The correction is saved.") : nil))
    }

    /// The order's page, with a refusal (from a status action) or a notice above it.
    func orderPageHTML(_ viewer: Viewer, id: Int64, error: DRCError? = nil, problem: String? = nil, notice: String? = nil,
                       values: FormData? = nil) async throws -> HTML {
        let withHistory = viewer.may(.readHistory)
        let (table, events, history) = try await service.read { store in
            let repository = RecordRepository(store: store, kind: .order, actor: "")
            let table = try repository.show(id)
            let events = try StatusEvents.of(store.db, kind: .order, id: id)
            let history = withHistory ? try HistoryLog.entries(store.db, kind: "order", id: id).map { entry in
                HistoryLine(at: entry.at, actor: entry.actor, action: entry.action, summary: try HistoryLog.summary(entry, using: store.db))
            } : []
            return (table, events, history)
        }
        return OrderPage.render(viewer, id: id, table: table, events: events, history: history,
                                error: error, problem: problem, notice: notice, values: values)
    }

    /// A status action: its refusal stays on the order's page with the message (and what was
    /// typed); cancelling needs its confirmation box ticked.
    func changeStatus(_ request: Request, _ context: FormContext<Entry>) async throws -> Response {
        let viewer = context.viewer
        let form = context.form
        let id = try Self.recordID(context)
        guard let action = form["action"].flatMap(WorkOrderStatus.Action.init(rawValue:)) else {
            throw WebFailure(status: .badRequest, error: .invalid(field: "action", value: form["action"] ?? "",
                                                                   reason: .notOneOf(WorkOrderStatus.Action.allCases.map(\.term))))
        }
        if action == .cancel && form["confirm"] != "yes" {
            let problem = viewer.say("取消工单前请勾选“确认取消”。", "Tick \"Yes, cancel it\" to cancel the order.")
            return Responses.page(try await orderPageHTML(viewer, id: id, problem: problem, values: form), status: .unprocessableContent)
        }
        let actor = context.account.name
        let at = form.given("at")
        let solution = form.given("solution")
        do {
            try await service.write { store in
                _ = try WorkOrderLifecycle(store: store, actor: actor).apply(action, to: id, at: at, solution: solution)
            }
        } catch let error as DRCError {
            if case .notFound(.order, _) = error { throw error }
            return Responses.page(try await orderPageHTML(viewer, id: id, error: error, values: form), status: .unprocessableContent)
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
