import DRCCore

/// The Chinese names of the fixed values fields take (基本支出 for `basic`), for messages that
/// quote a stored value.
enum ChoiceNames {
    static let zhByValue: [String: String] = {
        var names: [String: String] = [:]
        for kind in RecordKinds.all {
            for field in kind.fields {
                guard case .choice(let choices) = field.type else { continue }
                for choice in choices where names[choice.value] == nil { names[choice.value] = choice.term.zh }
            }
        }
        return names
    }()

    /// The value's Chinese name, or the value as it is.
    static func zh(_ value: String) -> String {
        zhByValue[value] ?? value
    }
}
