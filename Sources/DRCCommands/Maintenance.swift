import ArgumentParser
import DRCCore
import DRCText

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

    /// `drc backup FILE`, `drc backup --keep N DIR` (the default), and `drc backup verify FILE`.
    struct Backup: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("备份数据库（其他人可以照常写入），并检查每个备份；检查任一备份。",
                                     "Back up the database while others may keep writing, checking each copy; check any copy."),
                subcommands: [BackupMake.self, BackupVerify.self],
                defaultSubcommand: BackupMake.self)
        }
    }

    struct BackupMake: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "make",
                abstract: Speech.say("把数据库完整一致地复制到新文件，其他人可以照常写入；复制后检查副本。",
                                     "Copy the database to a new file, consistently, while others may keep writing; then check the copy."),
                discussion: Speech.say("""
                    drc backup 文件：写入这个新文件（决不覆盖已有文件）。
                    drc backup --keep N 文件夹：在文件夹中写入 drc-年月日-时分秒.sqlite（本地时间，按名称排序即按时间排序），\
                    检查无误后删除最旧的、只保留 N 个这样命名的备份；文件夹中的其他文件不动。
                    每个备份都要检查：完整性检查、各类记录的数量、历史的最后一条。被中断的备份不会妨碍下一次。
                    """, """
                    drc backup FILE: writes that new file (an existing file is never overwritten).
                    drc backup --keep N DIR: writes DIR/drc-YYYYMMDD-HHMMSS.sqlite (local time, so names sort by \
                    time), and once it checks out removes the oldest such backups beyond N; no other file is touched.
                    Every backup is checked: integrity, the count of each kind of record, the history's last entry. \
                    A backup that was killed does not block the next one.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("把带日期的备份写进文件夹，只保留最新的这么多个。",
                                              "Write a dated backup into the folder and keep only this many of the newest."),
                                   valueName: "N"))
        var keep: Int?
        @Argument(help: ArgumentHelp(Speech.say("新文件（决不覆盖已有文件）；用 --keep 时为文件夹。",
                                                "The new file (an existing file is never overwritten); with --keep, a folder."),
                                     valueName: "file|dir"))
        var file: String

        func validate() throws {
            if let keep, !(1...10_000).contains(keep) {
                throw ValidationError(Speech.say("--keep \(keep)：应在 1 到 10000 之间", "--keep \(keep): give 1 to 10000"))
            }
        }

        func run() throws {
            // Any schema version: before an upgrade migrates it, a database an older drc left is
            // backed up by the new drc (the copy is checked whatever its version).
            let store = try Store(path: root.global.databasePath(), access: .readOnlyAnyVersion)
            if let keep {
                let outcome = try BackupFolder.backup(store, into: file, keep: keep)
                Console.line(Speech.say("已将 \(store.path) 备份到 \(outcome.report.path)。", "Backed up \(store.path) to \(outcome.report.path)."))
                BackupLines.print(outcome.report)
                for path in outcome.removed {
                    Console.line(Speech.say("已删除较早的备份 \(path)（保留 \(keep) 个）。", "Removed the older backup \(path) (keeping \(keep))."))
                }
            } else {
                try MaintenanceTasks.backup(store, to: file)
                Console.line(Speech.say("已将 \(store.path) 备份到 \(file)。", "Backed up \(store.path) to \(file)."))
                BackupLines.print(try BackupFolder.verified(file))
            }
        }
    }

    struct BackupVerify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "verify",
                abstract: Speech.say("检查一个备份：完整性检查、各类记录的数量、历史的最后一条；损坏时退出码为 1。",
                                     "Check a backup: integrity, the count of each kind of record, the history's last entry; exit 1 if damaged."))
        }

        /// Taken as every command takes them (`--lang` chooses the report's language); the copy
        /// checked is the file named, never the database.
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("要检查的备份文件（不作任何改动）。", "The backup file to check (nothing in it is changed)."),
                                     valueName: "file"))
        var file: String

        func run() throws {
            let report = try BackupCheck.verify(file)
            BackupLines.print(report)
            if !report.isSound {
                throw DRCError.backup(.backupDamaged(path: file, problem: report.problems.first ?? ""))
            }
        }
    }
}

/// A backup's check, as lines for the operator.
enum BackupLines {
    static func print(_ report: BackupReport) {
        guard report.isSound else {
            Console.line(Speech.say("\(report.path)：完整性检查发现问题：", "\(report.path): the integrity check found problems:"))
            for problem in report.problems.prefix(10) { Console.line("  " + problem) }
            if report.problems.count > 10 {
                Console.line(Speech.say("  ……另有 \(report.problems.count - 10) 处", "  … and \(report.problems.count - 10) more"))
            }
            return
        }
        let version = report.schemaVersion.map { String($0) } ?? "?"
        Console.line(Speech.say("\(report.path)：完整性检查通过（结构版本 \(version)）。", "\(report.path): integrity check ok (schema version \(version))."))
        Console.line(Speech.say("记录数：", "Records:"))
        let names = report.counts.map { Speech.language == .zh ? $0.noun.zh : $0.noun.enPlural }
        let width = names.map(DisplayWidth.of).max() ?? 0
        for (name, count) in zip(names, report.counts) {
            Console.line("  " + DisplayWidth.pad(name, to: width) + " " + String(count.count))
        }
        let entries = report.historyCount ?? 0
        if let last = report.lastEntry {
            let action = HistoryText.action(last.action).map { Speech.say($0.zh, $0.en) } ?? last.action
            let kind = HistoryText.kind(last.kind).map { Speech.say($0.zh, $0.en) } ?? last.kind
            let record = last.recordID.map { " #\($0)" } ?? ""
            Console.line(Speech.say("历史：\(entries) 条；最后一条 #\(last.id)：\(last.at)，\(last.actor)，\(action)\(kind)\(record)。",
                                    "History: \(entries) \(entries == 1 ? "entry" : "entries"); the last, #\(last.id): \(last.at), \(last.actor), \(action) \(kind)\(record)."))
        } else {
            Console.line(Speech.say("历史：0 条。", "History: 0 entries."))
        }
    }
}
