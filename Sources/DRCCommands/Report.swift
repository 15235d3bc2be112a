import ArgumentParser
import DRCCore
import DRCText

extension Drc {
    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("由记录重新生成该年度的部门整体支出绩效评价报告（中文，Markdown 格式）。",
                                     "The year's performance evaluation report, regenerated from the records as Markdown (in Chinese)."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("报告对象单位（默认：该年度预算所属的单位）。",
                                              "The unit reported on (default: the unit the year's budget belongs to).")))
        var unit: String?
        @Option(name: .shortAndLong, help: ArgumentHelp(Speech.say("把报告写入该文件，而不是输出到屏幕。",
                                                                   "Write the report to this file instead of standard output.")))
        var output: String?

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            // The output path is checked first: written to a temporary name, renamed when whole.
            let sink = try output.map { try OutputSink(path: $0, database: store.path) }
            let unitID = try unit.map { try RecordRepository(store: store, kind: .unit).resolve($0) }
            // The report is a Chinese document whatever the language of messages.
            let text = try EvaluationReport(db: store.db, year: year, unitID: unitID, asOf: AsOfDay.today(store))
                .markdown(describing: { FindingText.sentence($0, in: .zh) })
            // A file keeps the report exact; on standard output a manager reads it on screen,
            // so control characters in the records are shown escaped (use -o for the exact text).
            if let output, let sink {
                try sink.write(text)
                try sink.finish()
                Console.line(Speech.say("已将 \(year) 年度报告写入 \(output)。", "Wrote the \(year) report to \(output)."))
            } else {
                Console.text(text)
            }
        }
    }
}
