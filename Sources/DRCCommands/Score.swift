import ArgumentParser
import DRCCore

extension Drc {
    /// `drc score`: the self-evaluation sheet (绩效自评表) scored from the indicators.
    struct Score: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("绩效自评表：按分值和默认公式为各指标评分，给出总分和等级。",
                                     "The self-evaluation sheet (自评表): each indicator scored by its weight and the default formulas, with the total and grade."),
                discussion: Speech.say("""
                    正向（>=）：实际值达到指标值得满分，否则按 实际÷指标×分值；反向（<=）：不超过指标值得满分，超过时线性递减，到指标值的两倍为零；\
                    等于（=）：指标值为 0 时实际为 0 得满分，否则同正向；定性：按等级（达成 80%–100%、部分达成 60%–80%、未达成 0–60%）在区间内人工评定（--score-given）。\
                    “900多万条”这样的下限按下限计分，并标明“≥”。等级：优 ≥ 90，良 80–89，中 60–79，差 < 60（分值合计须为 100）。\
                    不给 --project 或 --unit 时列出该年度各项目的总分。
                    """, """
                    >= (正向): full marks when the actual reaches the target, else actual ÷ target × weight; <= (反向): full marks up to the target, \
                    falling linearly to zero at twice the target; = (等于): for a target of 0 full marks when the actual is 0, else as >=; \
                    qualitative (定性): given by hand (--score-given) within its grade's band (achieved 80–100%, partly 60–80%, missed 0–60%). \
                    A lower bound such as 900多万条 scores as that bound, marked ≥. Grades: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 (weights must add up to 100). \
                    Without --project or --unit it lists each set's total for the year.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("该项目的自评表。", "The sheet of this project."))) var project: String?
        @Option(help: ArgumentHelp(Speech.say("该单位整体指标的自评表。", "The sheet of this unit's own indicators."))) var unit: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if project != nil && unit != nil {
                throw ValidationError(Speech.say("--project 和 --unit 只能给一个", "give --project or --unit, not both"))
            }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let projectID = try project.map { try store.resolve($0, to: .project) }
            let unitID = try unit.map { try store.resolve($0, to: .unit) }
            let evaluation = try SelfEvaluation(store.db, year: year, projectID: projectID, unitID: unitID)
            if projectID == nil && unitID == nil {
                output.print(SelfEvaluationTable.summary(evaluation))
            } else if let set = evaluation.sets.first {
                output.print(SelfEvaluationTable.sheet(set))
            } else {
                throw DRCError.nothingToScore(year: year)
            }
        }
    }
}
