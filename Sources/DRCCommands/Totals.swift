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
        let choices = D.allCases.map(\.rawValue).joined(separator: ", ")
        guard let dimension = D(rawValue: name) else {
            throw ValidationError(Speech.say("--by：“\(name)”不是可选项，可选：\(choices)",
                                             "--by: \"\(name)\" is not one of: \(choices)"))
        }
        guard !dimensions.contains(dimension) else {
            throw ValidationError(Speech.say("--by：“\(name)”给了不止一次；每项只写一次",
                                             "--by: \"\(name)\" is given more than once; name each dimension once"))
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("按供应商、服务类别、项目、报修单位、月份或状态统计一年的工单数。",
                                     "Count a year's work orders by vendor, category, project, unit, month or status."),
                discussion: Speech.say("""
                    没有报修时间的工单计入“未知月份”。已取消的工单不计入，除非给出 --include-cancelled。
                    """, """
                    Orders without an opened date count under "unknown month". Cancelled orders are left out \
                    unless --include-cancelled is given.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("统计维度，逗号分隔：vendor（供应商）、category（服务类别）、project（项目）、unit（报修单位）、month（月份）、status（状态）；默认 vendor。",
                                              "Dimensions, comma-separated: vendor, category, project, unit, month, status (default: vendor).")))
        var by: String?
        @Flag(help: ArgumentHelp(Speech.say("已取消的工单也计入。", "Count cancelled orders too."))) var includeCancelled = false
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
}
