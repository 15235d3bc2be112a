import ArgumentParser
import DRCCore

extension Drc {
    struct CategoryCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "category", abstract: "Work-order categories (服务类别).",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .category }
    }
}
