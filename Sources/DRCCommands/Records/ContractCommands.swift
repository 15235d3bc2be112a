import ArgumentParser
import DRCCore

extension Drc {
    struct ContractCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "contract", abstract: Speech.say("合同：与供应商签订的合同及其付款阶段。", "Contracts (合同) with vendors, with their payment stages."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .contract }
        typealias Amounts = WanOption
    }
}
