import ArgumentParser
import DRCCore

extension Drc {
    /// `drc sla`: each vendor's monthly 考核 score from its orders' service levels.
    struct Sla: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "sla",
                abstract: Speech.say("运维考核：各供应商每月得分（100 分减去各次超时的扣分，最低 0 分）。",
                                     "Each vendor's monthly 考核 score: 100 points less the deductions for breaches, at least 0."),
                discussion: Speech.say("""
                    每张工单按其服务级别策略（drc sla-policy）考核响应、到场和修复用时；超过时限为一次超时，扣该策略该项的分值。\
                    月份按报修时间；没有报修时间的工单不计入。已取消的工单不计入。--detail 列出每一次超时。
                    """, """
                    Each order's response, arrival and fix minutes are held against its service-level policy (drc sla-policy); \
                    each measure over its limit is a breach and costs that policy's points for it. Months go by the opened date; \
                    orders without one are in no month. Cancelled orders are left out. --detail lists every breach.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("只看该供应商。", "Only this vendor."))) var vendor: String?
        @Option(help: ArgumentHelp(Speech.say("考核周期：month（按月，默认）。", "The period: month (the default).")))
        var by: String = "month"
        @Flag(help: ArgumentHelp(Speech.say("列出每一次超时（工单、考核项、用时、时限、扣分）。", "List every breach (order, measure, minutes, limit, points).")))
        var detail = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard by == "month" else {
                throw ValidationError(Speech.say("--by：“\(by)”不是可选项，可选：month", "--by: \"\(by)\" is not one of: month"))
            }
            guard (1949...2999).contains(year) else {
                throw ValidationError(Speech.say("--year：“\(year)”不是年度", "--year: \"\(year)\" is not a year"))
            }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let vendorID = try vendor.map { try store.resolve($0, to: .vendor) }
            let assessment = try ServiceAssessment(store.db, year: year, vendorID: vendorID)
            output.print(detail ? assessment.breachTable() : assessment.table())
        }
    }
}
