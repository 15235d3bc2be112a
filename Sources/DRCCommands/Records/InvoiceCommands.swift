import ArgumentParser
import DRCCore

extension Drc {
    struct InvoiceCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "invoice", abstract: Speech.say("发票：供应商开具的发票。", "Invoices (发票) from vendors."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .invoice }
        typealias Amounts = WanOption
    }
}
