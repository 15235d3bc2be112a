import ArgumentParser
import DRCCore

extension Drc {
    /// `drc loop`: each contract's place in the closed loop, its age there, and what is missing.
    struct Loop: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("每份合同在闭环中的环节（签订 → 验收 → 开票 → 支付 → 入账）、停留天数和尚缺的环节。",
                                     "Each contract's stage in the loop (signed → accepted → invoiced → paid → booked), its age there in days, and what is missing."),
                discussion: Speech.say("""
                    一个环节在合同金额全部通过它（及之前各环节）时才算到达；“尚缺”列出未到达的环节及差额。\
                    金额与 budget totals、check、report 取自同一本账。
                    """, """
                    A stage is reached when all of the contract's amount has passed it (and every stage before it); \
                    "missing" lists the stages not reached, each with the amount short. The amounts come from the same \
                    ledger as budget totals, check and report.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("只看该年度的合同（采购年度，无采购时为签订年度）。",
                                              "Only the contracts of this year (the purchase's year, else the year signed)."))) var year: Int64?
        @Option(help: ArgumentHelp(Speech.say("只看停在该环节的合同：未签订、已签订、已验收、已开票、已支付、已入账。",
                                              "Only contracts at this stage: unsigned, signed, accepted, invoiced, paid, booked."))) var stage: String?
        @Option(help: ArgumentHelp(Speech.say("只看该供应商（名称或编号）。", "Only this vendor (name or id)."))) var vendor: String?
        @Option(help: ArgumentHelp(Speech.say("计算停留天数的日期（默认今天），如 2022-03-31。",
                                              "The day ages are counted to (default: today), e.g. 2022-03-31."))) var on: String?
        @Flag(help: ArgumentHelp(Speech.say("金额以万元显示（默认为元）。", "Show amounts in 万元 instead of yuan."))) var wan = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try parsedStage()
            _ = try AsOfDay.parse(on)
        }

        func parsedStage() throws -> LoopStatus.Step? {
            guard let stage else { return nil }
            guard let step = LoopStatus.Step.allCases.first(where: { $0.rawValue == stage || $0.term.zh == stage }) else {
                let names = LoopStatus.Step.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(Speech.say("--stage 的值“\(stage)”无效；可用：\(names)", "--stage \"\(stage)\" is not a stage; use one of: \(names)"))
            }
            return step
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let vendorID = try vendor.map { try store.resolve($0, to: .vendor) }
            let asOf = try AsOfDay.parse(on) ?? AsOfDay.today(store)
            let entries = try LoopStatus.compute(store.db, filter: .init(year: year, step: try parsedStage(), vendorID: vendorID), asOf: asOf)
            output.print(LoopStatus.table(entries, amountsInWan: wan))
        }
    }
}

/// The day `loop` and `check` count ages to: `--on DATE`, else today by the store's clock.
enum AsOfDay {
    static func parse(_ text: String?) throws -> Int64? {
        guard let text else { return nil }
        guard case .success(let date) = TimeInput.parse(text), let day = DayNumber.of(date.text) else {
            throw ValidationError(Speech.say("--on 的值“\(text)”不是日期（如 2022-03-31）", "--on \"\(text)\" is not a date (e.g. 2022-03-31)"))
        }
        return day
    }

    static func today(_ store: Store) -> Int64 {
        DayNumber.of(store.clock.now().stamp) ?? 0
    }
}
