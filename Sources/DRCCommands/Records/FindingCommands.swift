import ArgumentParser
import DRCCore

extension Drc {
    struct FindingCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "finding", abstract: "The evaluation's words by section: duties, organisation, assets, problems, recommendations, data notes.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .finding }
    }
}
