import ArgumentParser
import DRCCore

extension Drc {
    struct VendorCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "vendor", abstract: Speech.say("在本中心项目下提供服务的供应商。", "Vendors (供应商) who give services under the centre's projects."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .vendor }
    }
}
