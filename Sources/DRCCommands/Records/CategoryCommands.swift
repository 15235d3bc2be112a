import ArgumentParser
import DRCCore

extension Drc {
    struct CategoryCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "category", abstract: Speech.say("工单的服务类别。", "Work-order categories (服务类别)."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .category }
    }
}
