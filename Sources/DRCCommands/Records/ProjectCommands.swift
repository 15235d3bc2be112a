import ArgumentParser
import DRCCore

extension Drc {
    struct ProjectCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "project", abstract: Speech.say("本中心的项目及为其服务的供应商。", "Projects (项目) the centre runs and the vendors serving them."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .project }
    }
}
