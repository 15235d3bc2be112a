import ArgumentParser
import DRCCore

extension Drc {
    struct UnitCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "unit", abstract: Speech.say("单位：本中心、其内设机构及其服务的单位。", "Units (单位): the centre, its offices and the units it serves."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .unit }
    }
}
