import SQLiteDB

/// The life of a work order: new → assigned → pending → solved → closed, with cancel and
/// reopen. Every change goes through `transition`, which refuses the illegal ones.
public enum WorkOrderStatus: String, CaseIterable, Sendable, LifecycleStatus {
    case new, assigned, pending, solved, closed, cancelled

    public var label: String {
        switch self {
        case .new: return "新建"
        case .assigned: return "已分配"
        case .pending: return "待定"
        case .solved: return "已解决"
        case .closed: return "已关闭"
        case .cancelled: return "已取消"
        }
    }

    /// The status as tables show it: 已关闭 / closed.
    public var term: Term { Term(zh: label, en: rawValue, enPlural: rawValue) }

    static let choices = allCases.map { Field.Choice($0.rawValue, $0.label) }

    public static let starting = WorkOrderStatus.new

    /// Solved and closed orders keep when that happened; the other statuses keep no time.
    public var stampColumn: String? {
        switch self {
        case .solved: return "solved_at"
        case .closed: return "closed_at"
        case .new, .assigned, .pending, .cancelled: return nil
        }
    }

    /// What a clerk asks for; `reopen` lands on a status that depends on where it starts.
    public enum Action: String, CaseIterable, Sendable {
        case assign, pend, solve, close, cancel, reopen

        /// The action as history shows it: 关闭 / close.
        public var term: Term {
            let zh: String
            switch self {
            case .assign: zh = "分配"
            case .pend: zh = "设为待定"
            case .solve: zh = "解决"
            case .close: zh = "关闭"
            case .cancel: zh = "取消"
            case .reopen: zh = "重新打开"
            }
            return Term(zh: zh, en: rawValue, enPlural: rawValue)
        }
    }

    /// The status an action leads to from here, or nil when the action is not allowed.
    public func after(_ action: Action) -> WorkOrderStatus? {
        switch (self, action) {
        case (.new, .assign), (.pending, .assign): return .assigned
        case (.new, .pend), (.assigned, .pend): return .pending
        case (.new, .solve), (.assigned, .solve), (.pending, .solve): return .solved
        case (.solved, .close): return .closed
        case (.new, .cancel), (.assigned, .cancel), (.pending, .cancel): return .cancelled
        case (.solved, .reopen), (.closed, .reopen): return .assigned
        case (.cancelled, .reopen): return .new
        default: return nil
        }
    }

    public var allowedActions: [Action] { Action.allCases.filter { after($0) != nil } }
}

/// Moves work orders through their statuses, stamping solved and closed times and writing
/// history, all in one transaction.
public struct WorkOrderLifecycle {
    let db: Connection
    let actor: String
    let clock: Clock

    public init(store: Store, actor: String) {
        db = store.db
        self.actor = actor
        clock = store.clock
    }

    /// Applies `action` to order `id`; `at` (default now) stamps solve and close.
    @discardableResult
    public func apply(_ action: WorkOrderStatus.Action, to id: Int64, at: String? = nil, solution: String? = nil) throws -> WorkOrderStatus {
        try applying(action, to: id, at: at, solution: solution).value
    }

    /// Applies `action` to order `id`; returns the new status and the warnings about it (a
    /// solve more than a year after the opening).
    public func applying(_ action: WorkOrderStatus.Action, to id: Int64, at: String? = nil,
                         solution: String? = nil) throws -> Written<WorkOrderStatus> {
        try db.transaction {
            // One moment for the stamp and its history entry.
            let now = clock.now()
            let repository = RecordRepository(db: db, kind: .order, actor: actor, clock: clock)
            let existing = try repository.row(id)
            let before = try HistoryLog.snapshot(db, kind: .order, id: id)
            guard let current = existing.string("status").flatMap(WorkOrderStatus.init(rawValue:)) else {
                throw DRCError.notFound(kind: .order, reference: "#\(id)")
            }
            var stamp: String?
            if let at {
                switch TimeInput.parse(at) {
                case .success(let date): stamp = date.text
                case .failure(let error): throw DRCError.invalid(field: "at", value: at, reason: error.reason)
                }
            }
            // The change and its event, when it happened: the time given, else now.
            guard let next = try StatusEvents(db: db, actor: actor)
                .transition(kind: .order, id: id, from: current, action, at: stamp ?? now.minute, recordedAt: now) else {
                throw DRCError.illegalTransition(id: id, from: current.rawValue, to: action.rawValue,
                                                 allowed: current.allowedActions.map(\.rawValue))
            }
            var changes: [(String, SQLiteValue)] = [("status", .text(next.rawValue))]
            switch action {
            case .solve:
                changes.append(("solved_at", .text(stamp ?? now.minute)))
                if let solution { changes.append(("solution", .text(solution))) }
            case .close:
                changes.append(("closed_at", .text(stamp ?? now.minute)))
            case .reopen:
                changes += [("solved_at", .null), ("closed_at", .null)]
            case .assign, .pend, .cancel:
                break
            }
            var values: [String: SQLiteValue] = [:]
            for field in RecordKind.order.fields where field.isStored { values[field.column] = existing[field.column] }
            for (column, value) in changes { values[column] = value }
            // The timestamp rules still hold: a close cannot predate the opening.
            var checked = values
            checked["status"] = existing["status"]
            for rule in RecordKind.order.rules { try rule(&checked, existing, db) }
            try db.run("UPDATE work_order SET \(changes.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       changes.map(\.1) + [.integer(id)])
            // The event may answer the order (its first assign) or pause it (pending).
            try RecordKind.order.afterWrite?(db, id)
            try HistoryLog(db: db, actor: actor, at: now).record(
                .update, kind: .order, id: id, old: before, new: try HistoryLog.snapshot(db, kind: .order, id: id),
                note: HistoryNote.action(action).stored)
            let late = action == .solve
                ? WorkOrderRules.longSolve(id: id, opened: values["opened_at"]?.string, solved: values["solved_at"]?.string) : nil
            return Written(next, warnings: late.map { [$0] } ?? [])
        }
    }
}
