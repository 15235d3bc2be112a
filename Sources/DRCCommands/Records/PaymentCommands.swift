import ArgumentParser
import DRCCore

extension Drc {
    struct PaymentCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "payment", abstract: Speech.say("支付：合同项下的付款；已支付的只能冲销更正。", "Payments (支付) under contracts; a paid payment is corrected by a reversing entry."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self, ReverseRecord<Self>.self])
        }
        static var kind: RecordKind { .payment }
        typealias Amounts = WanOption
    }
}
