import DRCCore
import DRCDocuments
import DRCText

/// One line of a record's history as the order page shows it.
struct HistoryLine: Sendable {
    let at: String
    let actor: String
    let action: String
    let summary: HistorySummary
}

/// An order's page: its values, a link to correct it and the status actions its status allows
/// (for those who may enter records), its status changes, and its history (for those who may
/// read history), every time as local time and every field by its label.
enum OrderPage {
    static func render(_ viewer: Viewer, id: Int64, table: ResultTable, events: [StatusEvent], history: [HistoryLine],
                       error: DRCError?, problem: String? = nil, notice: String? = nil, values: FormData? = nil) -> HTML {
        let row = table.rows.first ?? []
        let recordRows = table.columns.indices.html { index -> HTML in
            "<tr><th scope=\"row\">\(table.heading(index, in: viewer.language))</th><td>\(index < row.count ? row[index].text(in: viewer.language) : "")</td></tr>"
        }
        let statusIndex = table.columns.firstIndex(of: "status")
        let status = statusIndex.flatMap { $0 < row.count ? row[$0].text : nil }.flatMap(WorkOrderStatus.init(rawValue:))
        let failed = values?["action"].flatMap(WorkOrderStatus.Action.init(rawValue:))
        let refusal = error.map { viewer.messages.error($0) } ?? problem
        var actions: HTML = ""
        if viewer.may(.enterRecords), let status {
            let forms = status.allowedActions.html { action in
                form(viewer, id: id, action: action, values: failed == action ? values : nil, refusal: failed == action ? refusal : nil)
            }
            let none: HTML = status.allowedActions.isEmpty
                ? "<p>\(viewer.say("此状态下没有可做的操作。", "No action is possible in this status."))</p>" : ""
            actions = """
                <section aria-labelledby="actions-title"><h2 id="actions-title">\(viewer.say("状态操作", "Status actions"))</h2>
                <p>\(viewer.say("当前状态：", "Status now: "))<strong>\(viewer.word(status.term))</strong></p>\(none)
                <div class="transitions">\(forms)</div></section>
                """
        }
        let eventRows = events.html { event -> HTML in
            let from = event.from.flatMap(WorkOrderStatus.init(rawValue:)).map { viewer.word($0.term) } ?? (event.from ?? "")
            let to = WorkOrderStatus(rawValue: event.to).map { viewer.word($0.term) } ?? event.to
            return "<tr><td>\(event.at ?? "")</td><td>\(from)</td><td>\(to)</td><td>\(event.actor)</td><td>\(Moment.shown(event.recordedAt))</td></tr>"
        }
        let eventsTable: HTML = """
            <h2>\(viewer.say("状态记录", "Status changes"))</h2>
            <table id="status-events"><thead><tr><th scope="col">\(viewer.say("时间", "At"))</th><th scope="col">\(viewer.say("原状态", "From"))</th>
            <th scope="col">\(viewer.say("新状态", "To"))</th><th scope="col">\(viewer.say("操作人", "By"))</th>
            <th scope="col">\(viewer.say("记录时间", "Recorded"))</th></tr></thead><tbody>\(eventRows)</tbody></table>
            """
        var historyTable: HTML = ""
        if viewer.may(.readHistory) {
            let rows = history.html { line -> HTML in
                let action = HistoryText.action(line.action).map { viewer.word($0) } ?? line.action
                return "<tr><td>\(Moment.shown(line.at))</td><td>\(line.actor)</td><td>\(action)</td><td>\(summary(line.summary, viewer))</td></tr>"
            }
            historyTable = """
                <h2>\(viewer.say("历史", "History"))</h2>
                <table id="history"><thead><tr><th scope="col">\(viewer.say("时间", "When"))</th><th scope="col">\(viewer.say("操作人", "By"))</th>
                <th scope="col">\(viewer.say("操作", "Action"))</th><th scope="col">\(viewer.say("内容", "What changed"))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        // A refusal that no action's form shows (the form was not found) stands at the top.
        let message: HTML = (refusal != nil && (failed == nil || !(status?.allowedActions.contains(failed!) ?? false)))
            ? "<p class=\"message\" role=\"alert\">\(refusal!)</p>" : ""
        let noticeLine: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        let correct: HTML = viewer.may(.enterRecords)
            ? "<a class=\"button\" href=\"/orders/\(id)/edit\">\(viewer.say("更正此工单", "Correct this order"))</a>" : ""
        let body: HTML = """
            <h1>\(viewer.say("工单", "Work order")) #\(id)</h1>\(noticeLine)\(message)
            <div class="actions-bar">\(correct)<a href="/orders">\(viewer.say("返回工单列表", "Back to the orders"))</a></div>
            <table class="record"><tbody>\(recordRows)</tbody></table>\(actions)\(eventsTable)\(historyTable)
            """
        return Layout.page(viewer, title: viewer.say("工单 #\(id)", "Work order #\(id)"), body: body)
    }

    /// One status action as its own labelled form: its time (and for solving, the solution);
    /// cancelling asks for a ticked confirmation. A refusal of this action stands inside it.
    static func form(_ viewer: Viewer, id: Int64, action: WorkOrderStatus.Action, values: FormData?, refusal: String?) -> HTML {
        let name = action.rawValue
        let label = viewer.word(action.term)
        let error: HTML = refusal.map { "<p class=\"field-error\" role=\"alert\" id=\"err-\(name)\">\($0)</p>" } ?? ""
        let invalid: HTML = refusal != nil ? " aria-invalid=\"true\" aria-describedby=\"err-\(name)\" autofocus" : ""
        let solution: HTML = action == .solve
            ? "<label for=\"solution-\(name)\">\(viewer.say("处理结果", "Solution"))<textarea id=\"solution-\(name)\" name=\"solution\" rows=\"2\">\(values?["solution"] ?? "")</textarea></label>"
            : ""
        let timeLabel = action == .solve ? viewer.say("解决时间", "Solved at") : viewer.say("时间", "At")
        let confirm: HTML = action == .cancel
            ? "<label class=\"confirm\" for=\"confirm-\(name)\"><input type=\"checkbox\" id=\"confirm-\(name)\" name=\"confirm\" value=\"yes\" required>\(viewer.say("确认取消（取消后不计入统计）", "Yes, cancel it (a cancelled order counts nowhere)"))</label>"
            : ""
        return """
            <form method="post" action="/orders/\(id)/status" id="action-\(name)">\(viewer.csrfField)
            <fieldset><legend>\(label)</legend>
            <input type="hidden" name="action" value="\(name)">\(error)
            <label for="at-\(name)">\(timeLabel)<input id="at-\(name)" name="at" value="\(values?["at"] ?? "")" placeholder="\(viewer.say("默认为现在，如 2020-03-02 14:05", "now if empty, e.g. 2020-03-02 14:05"))"\(invalid)></label>
            \(solution)\(confirm)
            <div><button type="submit" name="go" value="\(name)"\(action == .cancel ? HTML(" class=\"danger\"") : "")>\(label)</button></div>
            </fieldset></form>
            """
    }

    /// What changed, field by field: each by its label (报修时间 / opened), old → new.
    static func summary(_ summary: HistorySummary, _ viewer: Viewer) -> HTML {
        func value(_ value: HistoryValue?) -> String {
            switch value {
            case nil, .unknown?: return "∅"
            case .text(let text)?: return text
            case .word(_, let term)?: return viewer.word(term)
            case .reference(let id, let name)?: return "\(name) (#\(id))"
            }
        }
        func name(_ change: HistoryChange) -> String {
            change.label.map { viewer.word($0) } ?? RecordKind.order.fields.first { $0.column == change.key || $0.name == change.key }
                .map { viewer.word($0.label) } ?? change.key
        }
        switch summary {
        case .changes(let changes):
            return "<ul class=\"changes\">\(changes.html { "<li>\(name($0))\(viewer.say("：", ": "))\(value($0.old)) → \(value($0.new))</li>" })</ul>"
        case .values(let changes):
            return "<ul class=\"changes\">\(changes.html { "<li>\(name($0))\(viewer.say("：", ": "))\(value($0.new))</li>" })</ul>"
        case .batch:
            return "\(HistoryText.summary(summary, in: viewer.language))"
        }
    }
}
