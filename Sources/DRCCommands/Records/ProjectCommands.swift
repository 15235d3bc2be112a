import ArgumentParser
import DRCCore

extension Drc {
    struct ProjectCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "project", abstract: "Projects (项目) the centre runs and the vendors serving them.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .project }
    }
}
