/// What a service level measures of an order, each from its opened time: how long until the
/// vendor responded (响应), arrived on site (到场) and restored the service (恢复, 修复).
public enum ServiceMeasure: String, CaseIterable, Sendable {
    case response, arrival, fix

    public var term: Term {
        switch self {
        case .response: return Term(zh: "响应", en: "response")
        case .arrival: return Term(zh: "到场", en: "arrival")
        case .fix: return Term(zh: "修复", en: "fix", enPlural: "fixes")
        }
    }

    /// The order's stored elapsed minutes and the policy's limit (migration 17).
    public var minutesColumn: String { "\(rawValue)_minutes" }
    public var limitColumn: String { "\(rawValue)_limit" }
    /// Whether the minutes were within the limit: 1, 0, or NULL when either is unknown (migration 18).
    public var metColumn: String { "\(rawValue)_met" }
    /// The policy's 考核 points per breach.
    var deductionColumn: String { "\(rawValue)_deduction" }
}
