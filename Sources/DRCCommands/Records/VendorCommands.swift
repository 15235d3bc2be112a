import ArgumentParser
import DRCCore

extension Drc {
    struct VendorCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "vendor", abstract: "Vendors (供应商) who give services under the centre's projects.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .vendor }
    }
}
