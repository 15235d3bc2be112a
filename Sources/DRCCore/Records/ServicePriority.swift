/// A work order's priority (优先级): how fast the service level says it must be answered.
/// Keys in English, each taking its Chinese word on input (紧急, 高, 中, 低).
public enum ServicePriority: String, CaseIterable, Sendable {
    case urgent, high, medium, low

    public var label: String {
        switch self {
        case .urgent: return "紧急"
        case .high: return "高"
        case .medium: return "中"
        case .low: return "低"
        }
    }

    /// The priority as tables show it: 紧急 / urgent.
    public var term: Term { Term(zh: label, en: rawValue, enPlural: rawValue) }

    static let choices = allCases.map { Field.Choice($0.rawValue, $0.label) }
}
