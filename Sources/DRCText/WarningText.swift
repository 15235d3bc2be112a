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
        case .likelyDuplicate(let id, let other, let ticket, let opened, let minutes):
            let zhTicket = ticket.map { "，工单号 \($0)" } ?? ""
            let enTicket = ticket.map { ", ticket \($0)" } ?? ""
            return say("工单 #\(id) 可能与工单 #\(other)（\(opened) 报修\(zhTicket)）重复：同一供应商、同一报修单位，报修时间相差 \(minutes) 分钟，摘要相近；已录入，如确是重复，请删除其中一条",
                       "work order #\(id) may repeat work order #\(other) (opened \(opened)\(enTicket)): the same vendor and unit, opened \(minutes) minutes apart, with a summary alike; it was added, and if it is the same call, remove one of them")
        }
    }
}
