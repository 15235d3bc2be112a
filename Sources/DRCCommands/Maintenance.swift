import ArgumentParser
import DRCCore

extension Drc {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query (SELECT …) on the database.",
            discussion: """
                The database is opened read-only and the query may only read: writes, ATTACH, PRAGMA settings \
                and second statements are refused. A query is stopped after --timeout seconds, and may build \
                no string or blob larger than 64 MiB.
                """)

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The query, e.g. \"SELECT name FROM vendor\".") var query: String
        @Option(help: ArgumentHelp("Stop the query after this many seconds (default: \(Int(ReadOnlyQuery.Limits.standard.seconds))).",
                                   valueName: "seconds"))
        var timeout: Double?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let timeout, !(timeout > 0 && timeout <= 3600) {
                throw ValidationError("--timeout must be more than 0 and at most 3600 seconds")
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
                if more { Console.line("The first 1000 rows; there are more: add LIMIT to the query, or use --format csv.") }
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
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a new file, consistently, while others may keep writing.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The new file; an existing file is never overwritten.") var file: String

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            try MaintenanceTasks.backup(store, to: file)
            Console.line("Backed up \(store.path) to \(file).")
        }
    }
}
