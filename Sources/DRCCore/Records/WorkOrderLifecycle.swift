/// Work orders' status actions, typed: each one the repository's `transition` of the order kind,
/// with what was done recorded on a solve and the action noted in the order's history.
public struct WorkOrderLifecycle {
    let repository: RecordRepository

    public init(store: Store, actor: String) {
        repository = RecordRepository(store: store, kind: .order, actor: actor)
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
        let setting = action == .solve ? solution.map { ["solution": $0] } ?? [:] : [:]
        let written = try repository.transition(id, action.rawValue, at: at, setting: setting, note: .action(action))
        guard let status = WorkOrderStatus(rawValue: written.value) else {
            preconditionFailure("the order kind's lifecycle reached \(written.value), which is no WorkOrderStatus")
        }
        return Written(status, warnings: written.warnings)
    }
}
