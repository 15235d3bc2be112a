import DRCCore
import DRCDocuments
import DRCText

/// One line of a record's history as the order page shows it.
struct HistoryLine: Sendable {
    let at: String
    let actor: String
    let action: String
    let summary: String
}

/// An order's page: its values, the status buttons its status allows (for those who may
/// enter records), its status changes, and its history (for those who may read history).
enum OrderPage {
    static func render(_ viewer: Viewer, id: Int64, table: ResultTable, events: [StatusEvent], history: [HistoryLine],
                       error: DRCError?) -> HTML {
        let row = table.rows.first ?? []
        let values = table.columns.indices.html { index -> HTML in
            "<tr><th scope=\"row\">\(table.heading(index, in: viewer.language))</th><td>\(index < row.count ? row[index].text(in: viewer.language) : "")</td></tr>"
        }
        let statusIndex = table.columns.firstIndex(of: "status")
        let status = statusIndex.flatMap { row[$0].text }.flatMap(WorkOrderStatus.init(rawValue:))
        var buttons: HTML = ""
        if viewer.may(.enterRecords), let status {
            buttons = status.allowedActions.html { action -> HTML in
                let solution: HTML = action == .solve
                    ? "<label>\(viewer.say("处理结果", "Solution")) <input name=\"solution\" size=\"24\"></label>" : ""
                return """
                    <form method="post" action="/orders/\(id)/status">\(viewer.csrfField)
                    <input type="hidden" name="action" value="\(action.rawValue)">\(solution)
                    <label>\(viewer.say("时间", "At")) <input name="at" size="16" placeholder="\(viewer.say("默认为现在", "default now"))"></label>
                    <button type="submit" name="go" value="\(action.rawValue)">\(viewer.word(action.term))</button></form>
                    """
            }
            buttons = "<section class=\"transitions\"><h2>\(viewer.say("状态变更", "Change status"))</h2>\(buttons)</section>"
        }
        let eventRows = events.html { event -> HTML in
            let from = event.from.flatMap(WorkOrderStatus.init(rawValue:)).map { viewer.word($0.term) } ?? (event.from ?? "")
            let to = WorkOrderStatus(rawValue: event.to).map { viewer.word($0.term) } ?? event.to
            return "<tr><td>\(event.at ?? "")</td><td>\(from)</td><td>\(to)</td><td>\(event.actor)</td><td>\(event.recordedAt)</td></tr>"
        }
        let eventsTable: HTML = """
            <h2>\(viewer.say("状态记录", "Status events"))</h2>
            <table><thead><tr><th>\(viewer.say("时间", "at"))</th><th>\(viewer.say("原状态", "from"))</th><th>\(viewer.say("新状态", "to"))</th>
            <th>\(viewer.say("操作人", "who"))</th><th>\(viewer.say("记录时间", "recorded"))</th></tr></thead><tbody>\(eventRows)</tbody></table>
            """
        var historyTable: HTML = ""
        if viewer.may(.readHistory) {
            let rows = history.html { line -> HTML in
                let action = HistoryText.action(line.action).map { viewer.word($0) } ?? line.action
                return "<tr><td>\(line.at)</td><td>\(line.actor)</td><td>\(action)</td><td>\(line.summary)</td></tr>"
            }
            historyTable = """
                <h2>\(viewer.say("历史", "History"))</h2>
                <table><thead><tr><th>\(viewer.say("时间", "when"))</th><th>\(viewer.say("操作人", "who"))</th>
                <th>\(viewer.say("操作", "action"))</th><th>\(viewer.say("内容", "what"))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        let message: HTML = error.map { "<p class=\"message\" role=\"alert\">\(viewer.messages.error($0))</p>" } ?? ""
        let body: HTML = """
            <h1>\(viewer.say("工单", "Work order")) #\(id)</h1>\(message)
            <table class="record"><tbody>\(values)</tbody></table>\(buttons)\(eventsTable)\(historyTable)
            <p><a href="/orders">\(viewer.say("返回工单列表", "Back to the orders"))</a></p>
            """
        return Layout.page(viewer, title: viewer.say("工单 #\(id)", "Work order #\(id)"), body: body)
    }
}
