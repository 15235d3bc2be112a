import SQLiteDB

/// The statuses of a kind of record that has a lifecycle, and the actions that move between them.
public protocol LifecycleStatus: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    associatedtype Action: RawRepresentable, Sendable where Action.RawValue == String
    /// The status a record starts in when none is given.
    static var starting: Self { get }
    /// The status `action` leads to from this one, or nil when it is not allowed.
    func after(_ action: Action) -> Self?
    /// The column of the record that keeps when it reached this status (`solved_at`), if any.
    var stampColumn: String? { get }
}

/// A kind's lifecycle as the repository and the event log read it: its status column, the
/// starting status, its statuses in order, which column keeps the time of which status, and its
/// transition table, all taken from the kind's status type.
public struct Lifecycle: Sendable {
    public let statusColumn: String
    public let starting: String
    /// Every status, in the order a record moves through them.
    public let statuses: [String]
    public let stampColumns: [(status: String, column: String)]
    /// Every action, in the status type's order.
    public let actions: [String]
    /// The status `action` leads to from `status`, or nil when it is not allowed.
    public let next: @Sendable (_ status: String, _ action: String) -> String?

    public init<Status: LifecycleStatus>(_ status: Status.Type, column: String) where Status.Action: CaseIterable {
        statusColumn = column
        starting = Status.starting.rawValue
        statuses = Status.allCases.map(\.rawValue)
        stampColumns = Status.allCases.compactMap { status in status.stampColumn.map { (status.rawValue, $0) } }
        actions = Status.Action.allCases.map(\.rawValue)
        next = { status, action in
            guard let status = Status(rawValue: status), let action = Status.Action(rawValue: action) else { return nil }
            return status.after(action)?.rawValue
        }
    }

    /// The actions allowed from `status`.
    public func allowed(from status: String) -> [String] { actions.filter { next(status, $0) != nil } }

    /// What reaching `status` at `at` writes besides the status: its own stamp, and the stamps of
    /// every later status cleared (a time is kept only while the record stands at or past it, so a
    /// reopened order loses its solved and closed times).
    func stamps(reaching status: String, at: String) -> [(column: String, value: String?)] {
        guard let position = statuses.firstIndex(of: status) else { return [] }
        return stampColumns.compactMap { stamp in
            guard let place = statuses.firstIndex(of: stamp.status) else { return nil }
            if place == position { return (stamp.column, at) }
            return place > position ? (stamp.column, nil) : nil
        }
    }
}

/// How a record came into drc with its status, as its arrival event names it.
public enum Arrival: String, Sendable {
    /// `add` (one record).
    case add
    /// `import` of a file.
    case `import`
    /// The demo's seed data.
    case seed
}

/// One status change, as the event log keeps it.
public struct StatusEvent: Sendable, Equatable {
    public let kind: String
    public let recordID: Int64
    public let action: String
    public let from: String?
    public let to: String
    /// When it happened, local time: `2021-03-02 14:05` (or a date); nil when unknown (a record
    /// that arrived in a status whose time it does not keep).
    public let at: String?
    public let actor: String
    /// When drc wrote it, with the UTC offset.
    public let recordedAt: String
}

/// The event log of status changes: the one mechanism every lifecycle goes through. It checks
/// the transition and appends its event; events are never edited or removed.
public struct StatusEvents {
    let db: Connection
    let actor: String

    public init(db: Connection, actor: String) {
        self.db = db
        self.actor = actor
    }

    /// The status `action` leads to from `current`, with its event appended (in the caller's
    /// transaction); nil when the action is not allowed from there, and nothing is written.
    public func transition<Status: LifecycleStatus>(kind: RecordKind, id: Int64, from current: Status,
                                                    _ action: Status.Action, at: String, recordedAt: Moment) throws -> Status? {
        guard let next = current.after(action) else { return nil }
        try record(kind: kind, id: id, action: action.rawValue, from: current.rawValue, to: next.rawValue, at: at, recordedAt: recordedAt)
        return next
    }

    /// Appends one event: `action` moved the record from `from` to `to` at `at`.
    func record(kind: RecordKind, id: Int64, action: String, from: String, to: String, at: String, recordedAt: Moment) throws {
        try db.run(
            """
            INSERT INTO status_event (kind, record_id, action, from_status, to_status, at, actor, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            kind.id.rawValue, id, action, from, to, at, actor, recordedAt.stamp)
    }

    /// One event for each record of `ids` whose status is not its lifecycle's start, saying how
    /// it arrived (from no status to its status), at the record's own time for that status when
    /// it keeps one, else unknown. One statement over the range (an import's million rows), in
    /// the caller's transaction; nothing for a kind without a lifecycle.
    public func recordArrivals(kind: RecordKind, ids: ClosedRange<Int64>, how arrival: Arrival, recordedAt: Moment) throws {
        guard let lifecycle = kind.lifecycle else { return }
        var at = "NULL"
        var stampValues: [SQLiteValue] = []
        if !lifecycle.stampColumns.isEmpty {
            at = "CASE \(lifecycle.statusColumn) "
                + lifecycle.stampColumns.map { "WHEN ? THEN \($0.column)" }.joined(separator: " ") + " END"
            stampValues = lifecycle.stampColumns.map { .text($0.status) }
        }
        try db.run(
            """
            INSERT INTO status_event (kind, record_id, action, from_status, to_status, at, actor, recorded_at)
            SELECT ?, id, ?, NULL, \(lifecycle.statusColumn), \(at), ?, ? FROM \(kind.table)
            WHERE id BETWEEN ? AND ? AND \(lifecycle.statusColumn) <> ? ORDER BY id
            """,
            [.text(kind.id.rawValue), .text(arrival.rawValue)] + stampValues
                + [.text(actor), .text(recordedAt.stamp), .integer(ids.lowerBound), .integer(ids.upperBound), .text(lifecycle.starting)])
    }

    /// A record's events, oldest first.
    public static func of(_ db: Connection, kind: RecordKind, id: Int64) throws -> [StatusEvent] {
        try db.rows("SELECT * FROM status_event WHERE kind = ? AND record_id = ? ORDER BY id", kind.id.rawValue, id).map {
            StatusEvent(kind: $0.string("kind") ?? "", recordID: $0.int64("record_id") ?? 0, action: $0.string("action") ?? "",
                        from: $0.string("from_status"), to: $0.string("to_status") ?? "", at: $0.string("at"),
                        actor: $0.string("actor") ?? "", recordedAt: $0.string("recorded_at") ?? "")
        }
    }
}
