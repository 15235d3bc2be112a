import ArgumentParser
import DRCCore

extension Drc {
    struct BudgetCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "budget", abstract: "Budget lines (预算/决算): budget and final amounts by classification.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self,
                          BudgetTotalsCommand.self])
        static var kind: RecordKind { .budget }
        typealias Amounts = WanOption

        struct Fields: FieldOptions {
            @Option(help: "Budget year.") var year: String?
            @Option(help: "The unit whose budget it is.") var unit: String?
            @Option(help: "basic (基本支出), project (项目支出) or sangong (三公经费).") var kind: String?
            @Option(help: "The line's name, e.g. 人员基本工资.") var name: String?
            @Option(name: .customLong("functional-code"), help: "Functional classification code.") var functionalCode: String?
            @Option(name: .customLong("functional-name"), help: "Functional classification name.") var functionalName: String?
            @Option(name: .customLong("economic-code"), help: "Economic classification code, e.g. 30101.") var economicCode: String?
            @Option(name: .customLong("economic-name"), help: "Economic classification name, e.g. 基本工资.") var economicName: String?
            @Option(help: "Budget amount: 1234.56, 1,234.56, ¥1,234.56 or 113.03万.") var budget: String?
            @Option(help: "Final amount (决算), same forms.") var final: String?
            @Option(help: "The id of the line this one is part of (其中).") var parent: String?
            @Option(help: "How this line's parts are listed: none, partial or complete.") var breakdown: String?
            @Option(help: "A note on the figure.") var note: String?

            var values: [String: String] {
                Self.collect([("year", year), ("unit", unit), ("kind", kind), ("name", name),
                              ("functional-code", functionalCode), ("functional-name", functionalName),
                              ("economic-code", economicCode), ("economic-name", economicName), ("budget", budget),
                              ("final", final), ("parent", parent), ("breakdown", breakdown), ("note", note)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only this year.") var year: String?
            @Option(help: "Only this unit.") var unit: String?
            @Option(help: "Only basic, project or sangong lines.") var kind: String?
            @Option(help: "Only the parts of this line.") var parent: String?
            var values: [String: String] { Self.collect([("year", year), ("unit", unit), ("kind", kind), ("parent", parent)]) }
        }
    }
}
