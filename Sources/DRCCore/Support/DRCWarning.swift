/// What a clerk should look at twice, though the change is allowed and was made: a year
/// still to come, a closed order changed, an order solved long after it was opened. The core
/// returns these with its result, typed; the command line prints them through DRCText
/// (`drc: warning: …`).
public enum DRCWarning: Equatable, Sendable {
    case futureYear(kind: RecordKind.ID, year: Int64, currentYear: Int64)
    case closedOrderEdited(id: Int64)
    case longSolveTime(id: Int64, opened: String, solved: String)
    /// Order `id`, just added without a ticket, may be order `of` typed in again: the same
    /// vendor and unit, opened `minutesApart` minutes from it, a summary alike (`LikelyDuplicates`).
    case likelyDuplicate(id: Int64, of: Int64, ticket: String?, opened: String, minutesApart: Int)
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
