import SQLiteDB

/// Computes each order's service levels and stores them with the order (migration 17), in
/// the caller's transaction, whenever something they depend on changes: the order itself or
/// its status events, a policy, the calendar.
///
/// The times: opened is the order's; responded is its own field, else the time of its first
/// `assign` event; arrived is its own field only (a remote fix has none); restored is its own
/// field, else the solved time. Each measure counts, on its policy's clock, the minutes from
/// opened to that time, less the minutes the order was pending (from a move to 待定 until the
/// next status event). A time without its minute (a date alone, an event whose time is
/// unknown) leaves the measure unknown: NULL, never 0. Without a policy the limits are
/// unknown and the clock runs round the clock.
public struct ServiceLevelRecorder {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// One order (after it is added, edited or moved through its lifecycle; nothing if it is gone).
    public func refresh(order id: Int64) throws {
        try refresh(where: "id = ?", [.integer(id)])
    }

    /// Orders created by an import (the ids above `counter`) that have anything to measure.
    public func refresh(ids: ClosedRange<Int64>) throws {
        try refresh(where: "(length(opened_at) = 16 OR priority IS NOT NULL)", [], within: ids)
    }

    /// Every order a policy can hold for (after a policy is added, edited or removed).
    public func refreshPrioritised() throws {
        try refresh(where: "(priority IS NOT NULL OR sla_policy_id IS NOT NULL)", [], within: try allIDs())
    }

    /// Every order whose policy counts working hours (after the calendar changes).
    public func refreshWorkingHours() throws {
        try refresh(where: "sla_policy_id IN (SELECT id FROM sla_policy WHERE hours IS NOT NULL)", [], within: try allIDs())
    }

    private struct Outcome: Equatable {
        var minutes: [ServiceMeasure: Int64] = [:]
        var limits: [ServiceMeasure: Int64] = [:]
        var policy: Int64?
    }

    /// The ids of every order, or nil when there are none.
    private func allIDs() throws -> ClosedRange<Int64>? {
        guard let row = try db.rows("SELECT min(id), max(id) FROM work_order").first, let first = row[0].int64, let last = row[1].int64 else { return nil }
        return first...last
    }

    /// The orders matching `condition` among the ids `within`, a window of ids at a time, so
    /// that a million imported orders never sit in memory at once.
    private func refresh(where condition: String, _ parameters: [SQLiteValue], within ids: ClosedRange<Int64>?) throws {
        guard let ids else { return }
        var context: Context?
        var start = ids.lowerBound
        while start <= ids.upperBound {
            let end = min(ids.upperBound, start + 9_999)
            try refresh(where: "id BETWEEN ? AND ? AND \(condition)", [.integer(start), .integer(end)] + parameters, context: &context)
            start = end + 1
        }
    }

    private func refresh(where condition: String, _ parameters: [SQLiteValue]) throws {
        var context: Context?
        try refresh(where: condition, parameters, context: &context)
    }

    /// What every order's computation reads, loaded once per refresh.
    private struct Context {
        let book: ServicePolicyBook
        let calendar: WorkingDays
        let events: Statement
        let update: Statement
    }

    private func refresh(where condition: String, _ parameters: [SQLiteValue], context: inout Context?) throws {
        let measures = ServiceMeasure.allCases
        let stored = measures.flatMap { [$0.minutesColumn, $0.limitColumn] } + ["sla_policy_id"]
        let written = measures.flatMap { [$0.minutesColumn, $0.limitColumn, $0.metColumn] } + ["sla_policy_id"]
        let rows: [Row]
        do {
            rows = try db.rows("""
                SELECT id, priority, contract_id, vendor_id, category_id, opened_at, responded_at, arrived_at, restored_at, solved_at,
                       \(stored.joined(separator: ", ")) FROM work_order WHERE \(condition)
                """, parameters)
        } catch let error as SQLiteError {
            // A database before migration 17 (one being migrated) has no service levels to keep.
            if try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sla_policy'")?.int64 == 0 { return }
            throw error
        }
        guard !rows.isEmpty else { return }
        if context == nil {
            context = Context(
                book: try ServicePolicyBook.load(db), calendar: try WorkingDays.load(db),
                events: try db.prepare("SELECT action, from_status, to_status, at FROM status_event WHERE kind = 'order' AND record_id = ? ORDER BY id"),
                update: try db.prepare("UPDATE work_order SET \(written.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"))
        }
        guard let context else { return }
        let book = context.book, calendar = context.calendar, events = context.events, update = context.update
        for row in rows {
            guard let id = row.int64("id") else { continue }
            var outcome = Outcome()
            let policy = book.policy(priority: row.string("priority").flatMap(ServicePriority.init(rawValue:)),
                                     contract: row.int64("contract_id"), vendor: row.int64("vendor_id"), category: row.int64("category_id"))
            if let policy {
                outcome.policy = policy.id
                outcome.limits = policy.limits
            }
            if let opened = ServiceClock.minute(row.string("opened_at")) {
                events.reset()
                try events.bind([.integer(id)])
                var firstAssign: String?? = .none
                var pauses: [ServiceClock.Pause] = []
                var pausedAt: Int64?
                var pausesKnown = true
                var pending = false
                while try events.step() {
                    let at = events.value(at: 3).string
                    if pending {
                        // The next event ends the pause, at its time.
                        if let start = pausedAt, let end = ServiceClock.minute(at) { pauses.append(.init(start: start, end: end)) } else { pausesKnown = false }
                        pending = false
                    }
                    if events.value(at: 0).string == WorkOrderStatus.Action.assign.rawValue, firstAssign == nil { firstAssign = .some(at) }
                    if events.value(at: 2).string == WorkOrderStatus.pending.rawValue {
                        pending = true
                        pausedAt = ServiceClock.minute(at)
                    }
                }
                if pending {
                    if let start = pausedAt { pauses.append(.init(start: start, end: nil)) } else { pausesKnown = false }
                }
                if pausesKnown {
                    let clock = ServiceClock(hours: policy?.hours, calendar: calendar)
                    let responded = row.string("responded_at").map { ServiceClock.minute($0) } ?? firstAssign.flatMap { ServiceClock.minute($0) }
                    let restored = row.string("restored_at").map { ServiceClock.minute($0) } ?? ServiceClock.minute(row.string("solved_at"))
                    let ends: [ServiceMeasure: Int64?] = [.response: responded, .arrival: ServiceClock.minute(row.string("arrived_at")), .fix: restored]
                    for measure in measures {
                        if let end = ends[measure] ?? nil { outcome.minutes[measure] = clock.elapsed(from: opened, to: end, pauses: pauses) }
                    }
                }
            }
            var current = Outcome(policy: row.int64("sla_policy_id"))
            for measure in measures {
                current.minutes[measure] = row.int64(measure.minutesColumn)
                current.limits[measure] = row.int64(measure.limitColumn)
            }
            guard current != outcome else { continue }
            var values: [SQLiteValue] = []
            for measure in measures {
                let minutes = outcome.minutes[measure], limit = outcome.limits[measure]
                values.append(minutes.map { .integer($0) } ?? .null)
                values.append(limit.map { .integer($0) } ?? .null)
                if let minutes, let limit { values.append(.integer(minutes <= limit ? 1 : 0)) } else { values.append(.null) }
            }
            values.append(outcome.policy.map { .integer($0) } ?? .null)
            update.reset()
            try update.bind(values + [.integer(id)])
            _ = try update.step()
        }
    }
}
