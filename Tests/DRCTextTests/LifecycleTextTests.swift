import DRCCore
import DRCText
import Testing

/// The status commands' help is read from the transition table: every move the table allows is
/// said, and nothing else.
@Suite struct LifecycleTextTests {
    @Test func theMovesAreTheTablesOwn() {
        #expect(LifecycleText.moves(.reopen, in: .zh) == "已解决或已关闭 → 已分配；已取消 → 新建")
        #expect(LifecycleText.moves(.assign, in: .en) == "new or pending → assigned")
        #expect(LifecycleText.abstract(.close, in: .en) == "Close work orders, stamping the time (solved → closed).")
        for action in WorkOrderStatus.Action.allCases {
            let said = LifecycleText.moves(action, in: .en)
            for status in WorkOrderStatus.allCases {
                let mentioned = said.contains(status.rawValue)
                let moves = status.after(action) != nil
                let reached = WorkOrderStatus.allCases.contains { $0.after(action) == status }
                #expect(mentioned == (moves || reached), "\(action): \(status) in “\(said)”")
            }
        }
    }
}
