import ArgumentParser
import DRCCore

extension Drc {
    struct UnitCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "unit", abstract: "Units (单位): the centre, its offices and the units it serves.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .unit }
    }
}
