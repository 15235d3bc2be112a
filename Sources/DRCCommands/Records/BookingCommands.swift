import ArgumentParser
import DRCCore

extension Drc {
    struct BookingCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "booking", abstract: Speech.say("入账：记账凭证及其所入账的支付。", "Bookings (入账): bookkeeping vouchers and the payments they book."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .booking }
        typealias Amounts = WanOption
    }
}
