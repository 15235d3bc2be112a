import DRCCore

/// What a work-order action does, read from the transition table itself: the statuses it starts
/// from and where it leads (新建或待定 → 已分配 / new or pending → assigned), so help never
/// drifts from the rules.
public enum LifecycleText {
    /// What an action does, and its moves: 把工单标为已分配（新建或待定 → 已分配）。
    public static func abstract(_ action: WorkOrderStatus.Action, in language: Language) -> String {
        let zh = language == .zh
        let does: String
        switch action {
        case .assign: does = zh ? "把工单标为已分配" : "Mark work orders assigned"
        case .pend: does = zh ? "把工单标为待定" : "Mark work orders pending"
        case .solve: does = zh ? "把工单标为已解决，并记下时间" : "Mark work orders solved, stamping the time"
        case .close: does = zh ? "关闭工单，并记下时间" : "Close work orders, stamping the time"
        case .cancel: does = zh ? "取消尚未解决的工单" : "Cancel work orders not solved yet"
        case .reopen: does = zh ? "重新打开工单" : "Reopen work orders"
        }
        return zh ? "\(does)（\(moves(action, in: language))）。" : "\(does) (\(moves(action, in: language)))."
    }

    public static func moves(_ action: WorkOrderStatus.Action, in language: Language) -> String {
        var targets: [(to: WorkOrderStatus, from: [WorkOrderStatus])] = []
        for status in WorkOrderStatus.allCases {
            guard let next = status.after(action) else { continue }
            if let index = targets.firstIndex(where: { $0.to == next }) {
                targets[index].from.append(status)
            } else {
                targets.append((next, [status]))
            }
        }
        func name(_ status: WorkOrderStatus) -> String { language == .zh ? status.label : status.rawValue }
        func either(_ names: [String]) -> String {
            guard names.count > 1 else { return names.first ?? "" }
            let or = language == .zh ? "或" : " or "
            return names.dropLast().joined(separator: language == .zh ? "、" : ", ") + or + names[names.count - 1]
        }
        return targets.map { "\(either($0.from.map(name))) → \(name($0.to))" }.joined(separator: language == .zh ? "；" : "; ")
    }
}
