import ArgumentParser
import DRCCore

extension Drc {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the history of changes: all of it, or of one record (`drc history order 42`).",
            discussion: "A deleted record's values stay here: `drc history vendor 3 --format json` gives them back whole.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The kind of record: \(KindNames.either(KindNames.all)).") var kind: String?
        @Argument(help: "The record's id.") var id: Int64?
        @Option(help: "Show only the latest this many changes (a table shows 1000 unless told otherwise).") var limit: Int?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let kind { _ = try KindNames.kind(kind) }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let kindName = kind.flatMap(RecordKinds.named)?.name
            // A table shows the latest 1000 changes unless told otherwise; csv and json show all.
            let tableLimit = output.format == .table && limit == nil ? 1001 : limit
            var entries = try HistoryLog.entries(store.db, kind: kindName, id: id, limit: tableLimit)
            let cut = output.format == .table && limit == nil && entries.count > 1000
            if cut { entries.removeFirst(entries.count - 1000) }
            var table = ResultTable(columns: output.format == .json
                ? ["id", "at", "actor", "action", "kind", "record", "old", "new", "note"]
                : ["id", "at", "actor", "action", "kind", "record", "changes"])
            for entry in entries {
                var row: [ResultTable.Cell] = [.init(entry.id), .text(entry.at), .text(entry.actor), .text(entry.action),
                                               .text(entry.kind), .init(entry.recordID)]
                if output.format == .json {
                    row += [entry.oldValues.map { .json($0) } ?? .null, entry.newValues.map { .json($0) } ?? .null, .init(entry.note)]
                } else {
                    var changes = try HistoryLog.summary(entry, using: store.db)
                    if let note = entry.note, entry.action != "batch" { changes = "[\(note)] " + changes }
                    row.append(.text(changes))
                }
                table.rows.append(row)
            }
            output.print(table)
            if cut { Console.line("The latest 1000 changes; there are more: use --limit N, or --format csv for all.") }
        }
    }
}
