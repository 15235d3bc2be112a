import DRCCore
import DRCDocuments

/// The fields of a work order as the entry and correction forms show them: in the order a clerk
/// fills them from a vendor's report (供应商, 服务类别, 报修单位, 报修时间, 故障描述, 工单号, 优先级 …),
/// 年度 last because it follows from 报修时间. Every reference and fixed set is a choice; a
/// required field is marked; after a refusal the values stay and the field the message is about
/// is marked, its message beside it, and has the focus (`autofocus`, no script needed).
enum OrderForm {
    static let entryOrder = ["vendor", "category", "unit", "opened", "summary", "ticket", "priority", "project", "contract",
                             "requester", "phone", "responded", "arrived", "restored", "remote", "solution", "year"]
    /// The correction form adds what the status actions set (their times) and where the record came from.
    static let editOrder = ["vendor", "category", "unit", "opened", "summary", "ticket", "priority", "project", "contract",
                            "requester", "phone", "responded", "arrived", "restored", "remote", "solution", "solved", "closed",
                            "source", "year"]

    static var entryFields: [Field] { entryOrder.compactMap { RecordKind.order.field(named: $0) } }
    static var editFields: [Field] { editOrder.compactMap { RecordKind.order.field(named: $0) } }

    /// The field a refusal is about, when it names one of the form's fields.
    static func field(of error: DRCError, among fields: [Field]) -> String? {
        let names = Set(fields.map(\.name))
        let named: String?
        switch error {
        case .invalid(let field, _, _), .duplicate(_, let field, _), .followsAnotherField(let field, _):
            named = field
        case .notFound(let kind, _), .notFoundNearest(let kind, _, _), .ambiguous(let kind, _, _):
            named = fields.first { if case .reference(kind) = $0.type { return true }; return false }?.name
        case .inactiveVendor: named = "vendor"
        case .ticketConflict: named = "ticket"
        default: named = nil
        }
        guard let named else { return nil }
        if names.contains(named) { return named }
        // A field named by its column (opened_at) or its Chinese label.
        return fields.first { $0.column == named || $0.label.zh == named }?.name
    }

    /// Above the form: a message about no one field in full; for a field, where to look (the
    /// message itself stands beside the field).
    static func summary(_ viewer: Viewer, text: String?, bad: String?) -> HTML {
        guard let text else { return "" }
        guard let bad, let field = RecordKind.order.field(named: bad) else {
            return "<p class=\"message\" role=\"alert\">\(text)</p>"
        }
        return """
            <p class="message" role="alert">\(viewer.say("未保存：请更正标出的栏目", "Not saved: correct the marked field")) \
            <a href="#f-\(bad)">\(viewer.word(field.label))</a></p>
            """
    }

    /// The form's controls, each labelled, as a grid of label and control.
    static func controls(_ viewer: Viewer, fields: [Field], choices: EntryChoices, values: [String: String],
                         bad: String?, message: String?) -> HTML {
        fields.html { field -> HTML in
            let id = "f-" + field.name
            let value = values[field.name] ?? ""
            let isBad = bad == field.name
            let mark: HTML = field.required
                ? "<span class=\"required-mark\" aria-hidden=\"true\">*</span>" : ""
            var attributes: HTML = " id=\"\(id)\" name=\"\(field.name)\""
            if field.required { attributes += " required aria-required=\"true\"" }
            let hintID = "h-" + field.name
            let errorID = "e-" + field.name
            attributes += isBad ? " aria-invalid=\"true\" autofocus aria-describedby=\"\(errorID) \(hintID)\"" : " aria-describedby=\"\(hintID)\""
            let control: HTML
            if let options = options(for: field, choices: choices, viewer: viewer) {
                var list = options
                if !value.isEmpty && !list.contains(where: { $0.value == value }) { list.append((value, value)) }
                let items = list.html { option -> HTML in
                    "<option value=\"\(option.value)\"\(option.value == value ? HTML(" selected") : "")>\(option.text)</option>"
                }
                control = "<select\(attributes)><option value=\"\">\(field.required ? viewer.say("（请选择）", "(choose)") : "—")</option>\(items)</select>"
            } else if field.name == "summary" || field.name == "solution" {
                control = "<textarea\(attributes) rows=\"2\" cols=\"40\">\(value)</textarea>"
            } else {
                let placeholder: HTML = field.type.isTimestamp ? " placeholder=\"2020-03-02 14:05\"" : ""
                control = "<input\(attributes) value=\"\(value)\" autocomplete=\"off\"\(placeholder)>"
            }
            let error: HTML = isBad ? "<p class=\"field-error\" id=\"\(errorID)\">\(message ?? "")</p>" : ""
            return """
                <label for="\(id)">\(viewer.word(field.label))\(mark)</label>\(control)\(error)
                <p class="hint" id="\(hintID)">\(viewer.say(field.help.zh, field.help.en))</p>
                """
        }
    }

    /// The choices a field offers: names for references, the words of a fixed set, yes or no.
    static func options(for field: Field, choices: EntryChoices, viewer: Viewer) -> [(value: String, text: String)]? {
        switch field.type {
        case .reference:
            return choices.lists[field.name].map { $0.map { ($0, $0) } }
        case .choice:
            return PickLists.fixed(field.name).map { $0.map { ($0.value, viewer.word($0.term)) } }
        case .flag:
            return [("yes", viewer.word(TableWords.yes)), ("no", viewer.word(TableWords.no))]
        default:
            return nil
        }
    }
}
