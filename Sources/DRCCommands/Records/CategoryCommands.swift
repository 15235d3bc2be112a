import ArgumentParser
import DRCCore

extension Drc {
    struct CategoryCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "category", abstract: "Work-order categories (服务类别).",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .category }

        struct Fields: FieldOptions {
            @Option(help: "Category name, e.g. 全区网络故障.") var name: String?
            @Option(help: "What it covers.") var description: String?
            var values: [String: String] { Self.collect([("name", name), ("description", description)]) }
        }

        typealias Filters = NoFilters
    }
}
