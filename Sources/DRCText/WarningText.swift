import DRCCore

extension Messages {
    /// A warning about a change that was made: what to look at twice.
    public func warning(_ warning: DRCWarning) -> String {
        switch warning {
        case .futureYear(let kind, let year, let currentYear):
            return say("\(noun(kind))的年度 \(year) 晚于今年（\(currentYear)）；请确认不是笔误",
                       "the \(noun(kind))'s year \(year) is after the current year \(currentYear); check it is not a slip")
        case .closedOrderEdited(let id):
            return say("工单 \(id) 已关闭；仍然做了修改，历史记录保留了原来的值",
                       "work order \(id) is closed; it was changed anyway, and its history keeps the values it had")
        case .longSolveTime(let id, let opened, let solved):
            return say("工单 \(id) 在报修一年多以后才解决（报修 \(opened)，解决 \(solved)）",
                       "work order \(id) was solved more than one year after it was opened (opened \(opened), solved \(solved))")
        }
    }
}
