import ArgumentParser
import DRCCore

extension Drc {
    struct SQL: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "sql",
                abstract: Speech.say("在数据库上执行一条只读 SQL 查询（SELECT …）。", "Run one read-only SQL query (SELECT …) on the database."),
                discussion: Speech.say("""
                    数据库以只读方式打开，查询只能读取：写入、ATTACH、PRAGMA 设置和第二条语句都会被拒绝。\
                    查询超过 --timeout 秒即停止，且生成的字符串或二进制数据不得超过 64 MiB。
                    """, """
                    The database is opened read-only and the query may only read: writes, ATTACH, PRAGMA settings \
                    and second statements are refused. A query is stopped after --timeout seconds, and may build \
                    no string or blob larger than 64 MiB.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("查询语句，如 \"SELECT name FROM vendor\"。", "The query, e.g. \"SELECT name FROM vendor\"."))) var query: String
        @Option(help: ArgumentHelp(Speech.say("查询超过这么多秒即停止（默认 \(Int(ReadOnlyQuery.Limits.standard.seconds)) 秒）。",
                                              "Stop the query after this many seconds (default: \(Int(ReadOnlyQuery.Limits.standard.seconds)))."),
                                   valueName: "seconds"))
        var timeout: Double?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let timeout, !(timeout > 0 && timeout <= 3600) {
                throw ValidationError(Speech.say("--timeout 须大于 0 且不超过 3600 秒", "--timeout must be more than 0 and at most 3600 seconds"))
            }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            var limits = ReadOnlyQuery.Limits.standard
            if let timeout { limits.seconds = timeout }
            let query = try ReadOnlyQuery(store, self.query, limits: limits)
            switch output.format {
            case .table:
                // A table is for reading: the first 1000 rows, and a word if there are more.
                var table = ResultTable(columns: query.columns)
                var more = false
                try query.forEachRow { row in
                    guard table.rows.count < 1000 else { more = true; return false }
                    table.rows.append(row)
                    return true
                }
                output.print(table)
                if more {
                    Console.line(Speech.say("只显示前 1000 行；还有更多：请在查询中加 LIMIT，或用 --format csv。",
                                            "The first 1000 rows; there are more: add LIMIT to the query, or use --format csv."))
                }
            case .csv, .json:
                // Streamed row by row, whatever the size.
                let sink = OutputSink()
                let cells = CSVCellWriter()
                let keys = query.columns.map { JSONText.string($0) + ":" }
                var count = 0
                if output.format == .csv { try cells.row(query.columns, to: sink) } else { try sink.write("[") }
                try query.forEachRow { row in
                    if output.format == .csv {
                        for (index, cell) in row.enumerated() {
                            if index > 0 { try sink.write(0x2C) }
                            try cells.cell(cell.text, to: sink)
                        }
                        try cells.endRow(sink)
                    } else {
                        try sink.write((count == 0 ? "\n  {" : ",\n  {")
                            + zip(keys, row).map { $0 + JSONText.value($1) }.joined(separator: ",") + "}")
                    }
                    count += 1
                    return true
                }
                if output.format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
                try sink.finish()
            }
        }
    }

    struct Backup: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Speech.say("把数据库完整一致地复制到新文件，其他人可以照常写入。",
                                                      "Copy the database to a new file, consistently, while others may keep writing."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("新文件；决不覆盖已有文件。", "The new file; an existing file is never overwritten."))) var file: String

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            try MaintenanceTasks.backup(store, to: file)
            Console.line(Speech.say("已将 \(store.path) 备份到 \(file)。", "Backed up \(store.path) to \(file)."))
        }
    }
}
