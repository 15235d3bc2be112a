/// What a clerk should look at twice, though the change is allowed and was made: a year
/// still to come, a closed order changed, an order solved long after it was opened. The core
/// returns these with its result; the command line prints them (`drc: warning: …`).
public enum DRCWarning: Equatable, CustomStringConvertible, Sendable {
    case futureYear(kind: RecordKind.ID, year: Int64, currentYear: Int64)
    case closedOrderEdited(id: Int64)
    case longSolveTime(id: Int64, opened: String, solved: String)

    public var description: String {
        switch self {
        case .futureYear(let kind, let year, let currentYear):
            return "the \(RecordKinds.noun(of: kind).en)'s year \(year) is after the current year \(currentYear); check it is not a slip"
        case .closedOrderEdited(let id):
            return "work order \(id) is closed; it was changed anyway, and its history keeps the values it had"
        case .longSolveTime(let id, let opened, let solved):
            return "work order \(id) was solved more than one year after it was opened (opened \(opened), solved \(solved))"
        }
    }
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
