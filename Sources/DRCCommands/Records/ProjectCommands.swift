import ArgumentParser
import DRCCore

extension Drc {
    struct ProjectCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "project", abstract: "Projects (项目) the centre runs and the vendors serving them.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .project }

        struct Fields: FieldOptions {
            @Option(help: "Project name.") var name: String?
            @Option(help: "Project code.") var code: String?
            @Option(help: "The unit that owns it.") var unit: String?
            @Option(name: .customLong("first-year"), help: "First year.") var firstYear: String?
            @Option(name: .customLong("last-year"), help: "Last year.") var lastYear: String?
            @Option(help: "What it delivers.") var description: String?
            @Option(help: "Vendors serving it, separated by commas (replaces the list).") var vendors: String?

            var values: [String: String] {
                Self.collect([("name", name), ("code", code), ("unit", unit), ("first-year", firstYear),
                              ("last-year", lastYear), ("description", description), ("vendors", vendors)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only projects running in this year.") var year: String?
            @Option(help: "Only projects of this unit.") var unit: String?
            @Option(help: "Only projects served by this vendor.") var vendor: String?
            var values: [String: String] { Self.collect([("year", year), ("unit", unit), ("vendor", vendor)]) }
        }
    }
}
