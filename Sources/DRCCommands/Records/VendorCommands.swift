import ArgumentParser
import DRCCore

extension Drc {
    struct VendorCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "vendor", abstract: "Vendors (供应商) who give services under the centre's projects.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .vendor }

        struct Fields: FieldOptions {
            @Option(help: "Registered name, e.g. 湖南美音网络技术有限公司.") var name: String?
            @Option(name: .customLong("credit-code"), help: "Unified social credit code (统一社会信用代码), checked.") var creditCode: String?
            @Option(help: "yes or no: whether the vendor takes new work orders (default yes).") var active: String?
            @Option(help: "A note.") var note: String?

            var values: [String: String] {
                Self.collect([("name", name), ("credit-code", creditCode), ("active", active), ("note", note)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "yes or no: only active or only inactive vendors.") var active: String?
            var values: [String: String] { Self.collect([("active", active)]) }
        }
    }
}
