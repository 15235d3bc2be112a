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
    public enum Action: String, CaseIterable, Sendable, Codable {
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
