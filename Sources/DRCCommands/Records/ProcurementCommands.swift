import ArgumentParser
import DRCCore

extension Drc {
    struct ProcurementCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "procurement", abstract: Speech.say("采购：采购了什么、用何种方式、由谁中标。", "Purchases (采购): what was bought, by which method, and whom it was awarded to."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .procurement }
        typealias Amounts = WanOption
    }
}
