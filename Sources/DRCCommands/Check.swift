import ArgumentParser
import DRCCore
import DRCText

extension Drc {
    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("核对数字：明细与总额、工单数与绩效指标，并列出数据说明。",
                                     "Reconcile the figures: breakdowns against totals, work-order counts against indicators, data notes."),
                discussion: Speech.say("有错误时退出状态为 1；提示和说明不算失败。",
                                       "Exit status 1 when there is an error; warnings and notes do not fail it."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("只核对该年度。", "Only this year."))) var year: Int64?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let findings = try Reconciliation.check(store.db, year: year)
            CheckOutput.print(findings, with: output.renderer)
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }
}

/// `check`'s findings as a table: the severity a word, the finding in the run's language (JSON
/// keeps the English, its keys and values being for programs).
enum CheckOutput {
    static func table(_ findings: [Reconciliation.Finding], in language: Language) -> ResultTable {
        var table = ResultTable(columns: ["severity", "year", "subject", "finding"],
                                headings: [Term(zh: "级别", en: "severity"), Term(zh: "年度", en: "year"),
                                           Term(zh: "对象", en: "subject"), Term(zh: "发现", en: "finding")])
        for finding in findings {
            table.rows.append([.word(key: finding.severity.rawValue, FindingText.severity(finding.severity)), .init(finding.year),
                               .text(FindingText.subject(finding.subject, in: language)),
                               .text(FindingText.issue(finding.issue, in: language))])
        }
        return table
    }

    static func print(_ findings: [Reconciliation.Finding], with output: Renderer) {
        output.print(table(findings, in: output.format == .json ? .en : Speech.language))
        if output.format == .table {
            let count = { (severity: Reconciliation.Severity) in findings.filter { $0.severity == severity }.count }
            Console.line(Speech.say("错误 \(count(.error)) 项，提示 \(count(.warning)) 项，说明 \(count(.note)) 项。",
                                    "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes."))
        }
    }
}
