import ArgumentParser
import DRCCore

extension Drc {
    struct FindingCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "finding", abstract: "The evaluation's words by section: duties, organisation, assets, problems, recommendations, data notes.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .finding }

        struct Fields: FieldOptions {
            @Option(help: "The year evaluated.") var year: String?
            @Option(help: "The unit evaluated.") var unit: String?
            @Option(help: "duties, organisation, assets, problem, recommendation or data.") var section: String?
            @Option(help: "The text.") var text: String?
            @Option(help: "Where it comes from.") var source: String?
            var values: [String: String] {
                Self.collect([("year", year), ("unit", unit), ("section", section), ("text", text), ("source", source)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only this year.") var year: String?
            @Option(help: "Only this unit.") var unit: String?
            @Option(help: "Only this section.") var section: String?
            var values: [String: String] { Self.collect([("year", year), ("unit", unit), ("section", section)]) }
        }
    }
}
