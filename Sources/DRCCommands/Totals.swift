import ArgumentParser
import DRCCore

extension WorkOrderTotals.Dimension: ExpressibleByArgument {}
extension BudgetTotals.Dimension: ExpressibleByArgument {}

/// `--by a,b,c`: a comma-separated list of dimensions, each checked against its choices and
/// named once (a repeated one would repeat a column and a JSON key).
func parseDimensions<D: RawRepresentable & CaseIterable & Equatable>(_ text: String?, as _: D.Type) throws -> [D] where D.RawValue == String {
    guard let text else { return [] }
    var dimensions: [D] = []
    for part in text.split(separator: ",") {
        let name = part.trimmingCharacters(in: " ")
        guard let dimension = D(rawValue: name) else {
            throw ValidationError("--by: \"\(name)\" is not one of: \(D.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !dimensions.contains(dimension) else {
            throw ValidationError("--by: \"\(name)\" is given more than once; name each dimension once")
        }
        dimensions.append(dimension)
    }
    return dimensions
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension Drc {
    struct Totals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count a year's work orders by vendor, category, project, unit, month or status.",
            discussion: """
                Orders without an opened date count under "unknown month". Cancelled orders are left out \
                unless --include-cancelled is given.
                """)

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year.") var year: Int64
        @Option(help: "Dimensions, comma-separated: vendor, category, project, unit, month, status (default: vendor).")
        var by: String?
        @Flag(help: "Count cancelled orders too.") var includeCancelled = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try parseDimensions(by, as: WorkOrderTotals.Dimension.self)
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let dimensions = try parseDimensions(by, as: WorkOrderTotals.Dimension.self)
            output.print(try WorkOrderTotals.compute(store.db, year: year, by: dimensions, includeCancelled: includeCancelled))
        }
    }

    struct BudgetTotalsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totals",
            abstract: "Budget and final amounts of a year, by kind (with itemised and unitemised parts) or by classification.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year.") var year: Int64
        @Option(help: "Dimensions, comma-separated: kind, economic, functional (default: kind).") var by: String?
        @Flag(help: "Show amounts in 万元 instead of yuan.") var wan = false
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

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconcile the figures: breakdowns against totals, work-order counts against indicators, data notes.",
            discussion: "Exit status 1 when there is an error; warnings and notes do not fail it.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this year.") var year: Int64?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let findings = try Reconciliation.check(store.db, year: year)
            CheckOutput.print(findings, with: output.renderer)
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The year's performance evaluation report, regenerated from the records as Markdown (in Chinese).")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year.") var year: Int64
        @Option(help: "The unit reported on (default: the unit the year's budget belongs to).") var unit: String?
        @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.") var output: String?

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            // The output path is checked first: written to a temporary name, renamed when whole.
            let sink = try output.map { try OutputSink(path: $0, database: store.path) }
            let unitID = try unit.map { try RecordRepository(store: store, kind: .unit).resolve($0) }
            let text = try EvaluationReport(db: store.db, year: year, unitID: unitID).markdown()
            // A file keeps the report exact; on standard output a manager reads it on screen,
            // so control characters in the records are shown escaped (use -o for the exact text).
            if let output, let sink {
                try sink.write(text)
                try sink.finish()
                Console.line("Wrote the \(year) report to \(output).")
            } else {
                Console.text(text)
            }
        }
    }
}

enum CheckOutput {
    static func print(_ findings: [Reconciliation.Finding], with output: Renderer) {
        var table = ResultTable(columns: ["severity", "year", "subject", "finding"])
        for finding in findings {
            table.rows.append([.text(finding.severity.rawValue), .init(finding.year), .text(finding.subject), .text(finding.message)])
        }
        output.print(table)
        if output.format == .table {
            let count = { (severity: Reconciliation.Severity) in findings.filter { $0.severity == severity }.count }
            Console.line("\(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes.")
        }
    }
}
