import ArgumentParser
import DRCCore

extension Drc {
    /// `drc budget totals`: the 自评表's three figures and 执行率, by kind or by classification.
    struct BudgetTotalsCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "totals",
                abstract: Speech.say("一年的年初预算数、全年预算数、全年执行数和执行率（全年执行数÷全年预算数）：按支出类型（含已列明和未列明部分），或按分类汇总。",
                                     "A year's start-of-year budget, adjusted budget, spending and execution rate (spent ÷ adjusted budget), by kind (with itemised and unitemised parts) or by classification."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("汇总维度，逗号分隔：kind（支出类型）、economic（经济分类）、functional（功能分类）；默认 kind。",
                                              "Dimensions, comma-separated: kind, economic, functional (default: kind).")))
        var by: String?
        @Flag(help: ArgumentHelp(Speech.say("金额以万元显示（默认为元）。", "Show amounts in 万元 instead of yuan."))) var wan = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try parseDimensions(by, as: BudgetTotals.Dimension.self)
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let dimensions = try parseDimensions(by, as: BudgetTotals.Dimension.self)
            output.print(try BudgetTotals.compute(store.db, year: year, by: dimensions, amountsInWan: wan))
        }
    }
}
