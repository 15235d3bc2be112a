import SQLiteDB

/// The statuses of a kind of record that has a lifecycle, and the actions that move between them.
public protocol LifecycleStatus: RawRepresentable, Sendable where RawValue == String {
    associatedtype Action: RawRepresentable, Sendable where Action.RawValue == String
    /// The status `action` leads to from this one, or nil when it is not allowed.
    func after(_ action: Action) -> Self?
}

/// One status change, as the event log keeps it.
public struct StatusEvent: Sendable, Equatable {
    public let kind: String
    public let recordID: Int64
    public let action: String
    public let from: String?
    public let to: String
    /// When it happened, local time: `2021-03-02 14:05` (or a date).
    public let at: String
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
        try db.run(
            """
            INSERT INTO status_event (kind, record_id, action, from_status, to_status, at, actor, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            kind.id.rawValue, id, action.rawValue, current.rawValue, next.rawValue, at, actor, recordedAt.stamp)
        return next
    }

    /// A record's events, oldest first.
    public static func of(_ db: Connection, kind: RecordKind, id: Int64) throws -> [StatusEvent] {
        try db.rows("SELECT * FROM status_event WHERE kind = ? AND record_id = ? ORDER BY id", kind.id.rawValue, id).map {
            StatusEvent(kind: $0.string("kind") ?? "", recordID: $0.int64("record_id") ?? 0, action: $0.string("action") ?? "",
                        from: $0.string("from_status"), to: $0.string("to_status") ?? "", at: $0.string("at") ?? "",
                        actor: $0.string("actor") ?? "", recordedAt: $0.string("recorded_at") ?? "")
        }
    }
}
