import ArgumentParser
import DRCCore
import DRCText
import SQLiteDB

extension Drc {
    struct History: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("查看修改历史：全部，或某一条记录的（`drc history order 42`）。",
                                     "Show the history of changes: all of it, or of one record (`drc history order 42`)."),
                discussion: Speech.say("删除的记录，其原值保留在这里：`drc history vendor 3 --format json` 可完整取回。",
                                       "A deleted record's values stay here: `drc history vendor 3 --format json` gives them back whole."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("记录类型：\(KindNames.either(KindNames.all))。", "The kind of record: \(KindNames.either(KindNames.all)).")))
        var kind: String?
        @Argument(help: ArgumentHelp(Speech.say("记录编号。", "The record's id."))) var id: Int64?
        @Option(help: ArgumentHelp(Speech.say("只显示最近这么多条修改（表格默认显示 1000 条）。",
                                              "Show only the latest this many changes (a table shows 1000 unless told otherwise).")))
        var limit: Int?
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
            output.print(try HistoryTable.table(entries, json: output.format == .json, db: store.db))
            if cut {
                Console.line(Speech.say("只显示最近 1000 条修改；还有更多：请用 --limit N，或用 --format csv 查看全部。",
                                        "The latest 1000 changes; there are more: use --limit N, or --format csv for all."))
            }
        }
    }
}

/// The history as a table: headings, actions and kinds as words; the changes in one column in
/// the run's language (JSON has the old and new values as they are kept, and English keys).
enum HistoryTable {
    static func table(_ entries: [HistoryLog.Entry], json: Bool, db: Connection) throws -> ResultTable {
        let headings = [Term(zh: "编号", en: "id"), Term(zh: "时间", en: "at"), Term(zh: "操作人", en: "actor"),
                        Term(zh: "操作", en: "action"), Term(zh: "记录类型", en: "kind"), Term(zh: "记录编号", en: "record")]
        var table = json
            ? ResultTable(columns: ["id", "at", "actor", "action", "kind", "record", "old", "new", "note"])
            : ResultTable(columns: ["id", "at", "actor", "action", "kind", "record", "changes"],
                          headings: headings + [Term(zh: "变更内容", en: "changes")])
        for entry in entries {
            var row: [ResultTable.Cell] = [.init(entry.id), .text(entry.at), .text(entry.actor), word(entry.action, HistoryText.action),
                                           word(entry.kind, HistoryText.kind), .init(entry.recordID)]
            if json {
                row += [entry.oldValues.map { .json($0) } ?? .null, entry.newValues.map { .json($0) } ?? .null, .init(entry.note)]
            } else {
                var changes = HistoryText.summary(try HistoryLog.summary(entry, using: db), in: Speech.language)
                if let note = entry.note, entry.action != "batch" {
                    let said = HistoryText.note(HistoryNote(stored: note), in: Speech.language)
                    changes = (Speech.language == .zh ? "【\(said)】" : "[\(said)] ") + changes
                }
                row.append(.text(changes))
            }
            table.rows.append(row)
        }
        return table
    }

    private static func word(_ key: String, _ term: (String) -> Term?) -> ResultTable.Cell {
        term(key).map { .word(key: key, $0) } ?? .text(key)
    }
}
