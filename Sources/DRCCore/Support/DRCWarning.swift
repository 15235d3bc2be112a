/// What a clerk should look at twice, though the change is allowed and was made: a year
/// still to come, a closed order changed, an order solved long after it was opened. The core
/// returns these with its result, typed; the command line prints them through DRCText
/// (`drc: warning: …`).
public enum DRCWarning: Equatable, Sendable {
    case futureYear(kind: RecordKind.ID, year: Int64, currentYear: Int64)
    case closedOrderEdited(id: Int64)
    case longSolveTime(id: Int64, opened: String, solved: String)
}

/// A result and the warnings about it.
public struct Written<Value> {
    public let value: Value
    public let warnings: [DRCWarning]

    public init(_ value: Value, warnings: [DRCWarning] = []) {
        self.value = value
        self.warnings = warnings
    }
}
