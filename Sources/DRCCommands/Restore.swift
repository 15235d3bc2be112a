import ArgumentParser
import DRCCore

extension Drc {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a deleted record back from its history, with its id and links (`drc restore vendor 4`).",
            discussion: "Refused, with the reason, when the record exists, was never deleted, refers to a record that is gone, or another record has taken its unique name or code.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The kind of record: \(KindNames.either(KindNames.all)).") var kind: String
        @Argument(help: "The deleted record's id.") var id: Int64

        func validate() throws {
            _ = try KindNames.kind(kind)
        }

        func run() throws {
            let kind = try KindNames.kind(kind)
            let store = try root.global.openStore()
            let repository = RecordRepository(store: store, kind: kind, actor: root.global.actorName)
            try repository.restore(id)
            Console.line("Restored \(kind.name) #\(id)\(RecordText.title(of: id, in: repository)).")
        }
    }
}
