import ArgumentParser
import DRCCore
import DRCText

extension Drc {
    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("核对数字：明细与总额、工单数与绩效指标、采购闭环的疑点，并列出数据说明。",
                                     "Reconcile the figures: breakdowns against totals, work-order counts against indicators, the procurement loop's 疑点, data notes."),
                discussion: Speech.say("""
                    有错误时退出状态为 1；提示、疑点和说明不算失败。疑点是需要核实的事项，不是结论：                    每项列出规则编号、所依据的法规和涉及的记录；阈值和期限见 drc rule list，工作日历见 drc calendar list。
                    """, """
                    Exit status 1 when there is an error; warnings, 疑点 and notes do not fail it. A 疑点 is a point to                     verify, not a verdict: each names its rule code, the law behind it and the rows involved; thresholds                     and day limits are in drc rule list, the working-day calendar in drc calendar list.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("只核对该年度。", "Only this year."))) var year: Int64?
        @Option(help: ArgumentHelp(Speech.say("计算逾期天数的日期（默认今天），如 2022-03-31。",
                                              "The day overdue ages are counted to (default: today), e.g. 2022-03-31."))) var on: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try AsOfDay.parse(on)
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let asOf = try AsOfDay.parse(on) ?? AsOfDay.today(store)
            let findings = try Reconciliation.check(store.db, year: year, asOf: asOf)
            CheckOutput.print(findings, with: output.renderer)
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }
}

/// `check`'s findings printed: the table in the run's language (JSON keeps the English, its keys
/// and values being for programs), then the counts and, when there are 疑点, what they are not.
enum CheckOutput {
    static func print(_ findings: [Reconciliation.Finding], with output: Renderer) {
        output.print(CheckTable.table(findings, in: output.format == .json ? .en : Speech.language, structured: output.format == .json))
        if output.format == .table {
            let count = { (severity: Reconciliation.Severity) in findings.filter { $0.severity == severity }.count }
            Console.line(Speech.say("错误 \(count(.error)) 项，提示 \(count(.warning)) 项，说明 \(count(.note)) 项。",
                                    "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes."))
            if count(.doubt) > 0 {
                Console.line(Speech.say("疑点 \(count(.doubt)) 项：", "\(count(.doubt)) doubts (疑点): ") + Speech.say(DoubtText.caveat.zh, DoubtText.caveat.en))
            }
        }
    }
}
