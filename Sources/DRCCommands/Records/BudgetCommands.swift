import ArgumentParser
import DRCCore

extension Drc {
    struct BudgetCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "budget", abstract: Speech.say("预算科目：按分类记录的预算数和决算数。", "Budget lines (预算/决算): budget and final amounts by classification."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self,
                              BudgetTotalsCommand.self])
        }
        static var kind: RecordKind { .budget }
        typealias Amounts = WanOption
    }
}
