import ArgumentParser
import DRCCore

extension Drc {
    struct IndicatorCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "indicator", abstract: "Performance indicators (绩效指标) of projects and of the unit.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .indicator }

        struct Fields: FieldOptions {
            @Option(help: "The year measured.") var year: String?
            @Option(help: "The unit, for a whole-unit indicator.") var unit: String?
            @Option(help: "The project measured.") var project: String?
            @Option(help: "Level-1 indicator: 产出指标, 效益指标, 满意度指标 …") var level1: String?
            @Option(help: "Level-2 indicator: 数量指标, 质量指标 …") var level2: String?
            @Option(help: "What is measured, e.g. 服务次数.") var name: String?
            @Option(name: .customLong("target-op"), help: ">=, <=, = or qualitative.") var targetOp: String?
            @Option(help: "The target value.") var target: String?
            @Option(help: "The actual value, a number.") var actual: String?
            @Option(help: "exact, or lower when the source says \"over N\".") var bound: String?
            @Option(name: .customLong("actual-text"), help: "The actual result in words.") var actualText: String?
            @Option(help: "Unit of measure: 次, 条, 元 …") var measure: String?
            @Option(name: .customLong("counts-orders"), help: "yes when the actual counts work orders.") var countsOrders: String?
            @Option(help: "The vendor whose work orders are counted.") var vendor: String?
            @Option(help: "The category of work orders counted.") var category: String?

            var values: [String: String] {
                Self.collect([("year", year), ("unit", unit), ("project", project), ("level1", level1), ("level2", level2),
                              ("name", name), ("target-op", targetOp), ("target", target), ("actual", actual),
                              ("bound", bound), ("actual-text", actualText), ("measure", measure),
                              ("counts-orders", countsOrders), ("vendor", vendor), ("category", category)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only this year.") var year: String?
            @Option(help: "Only this project.") var project: String?
            @Option(help: "Only this unit's whole-unit indicators.") var unit: String?
            var values: [String: String] { Self.collect([("year", year), ("project", project), ("unit", unit)]) }
        }
    }
}
