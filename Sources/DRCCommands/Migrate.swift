import ArgumentParser
import DRCCore

extension Drc {
    struct Migrate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("把已有数据库升级到最新的结构版本，升级前先备份。",
                                     "Bring an existing database up to the latest schema version, backing it up first."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: ArgumentHelp(Speech.say("列出已执行和待执行的升级；不做任何修改。", "List applied and pending migrations; change nothing.")))
        var status = false

        func run() throws {
            let store = try Store(path: root.global.databasePath(), access: .anyVersion)
            let migrator = Migrator()
            let current = try migrator.status(of: store.db)
            if status {
                output.print(MigrationTable.table(current))
                if output.format == .table {
                    Console.line(Speech.say("已执行 \(current.applied.count) 项，待执行 \(current.pending.count) 项。",
                                            "\(current.applied.count) applied, \(current.pending.count) pending."))
                }
                return
            }
            guard !current.pending.isEmpty else {
                Console.line(Speech.say("数据库已是最新，结构版本 \(current.currentVersion)。",
                                        "The database is up to date at schema version \(current.currentVersion)."))
                return
            }
            let backup = try MaintenanceTasks.backupBeforeMigrating(store)
            let applied: [Migration]
            do {
                applied = try migrator.migrate(store.db, now: store.clock.now().stamp)
            } catch {
                // Nothing changed, so the backup of it would only be clutter.
                MaintenanceTasks.removeBackup(backup)
                throw error
            }
            Console.line(Speech.say("已将数据库备份到 \(backup)。", "Backed up the database to \(backup)."))
            for migration in applied {
                Console.line(Speech.say("已执行升级 \(migration.version)：\(migration.name)", "Applied migration \(migration.version): \(migration.name)"))
            }
            let version = try migrator.status(of: store.db).currentVersion
            Console.line(Speech.say("数据库现为结构版本 \(version)。", "The database is at schema version \(version)."))
        }
    }
}

/// `migrate --status` as a table: the state a word (已执行 / applied); a migration's name is
/// the name of its SQL file, shown as it is.
enum MigrationTable {
    static let applied = Term(zh: "已执行", en: "applied")
    static let pending = Term(zh: "待执行", en: "pending")

    static func table(_ status: Migrator.Status) -> ResultTable {
        var table = ResultTable(columns: ["version", "name", "state", "applied_at"],
                                headings: [Term(zh: "版本", en: "version"), Term(zh: "名称", en: "name"),
                                           Term(zh: "状态", en: "state"), Term(zh: "执行时间", en: "applied_at")])
        for migration in status.applied {
            table.rows.append([.init(migration.version), .text(migration.name), .word(key: "applied", applied), .text(migration.appliedAt)])
        }
        for migration in status.pending {
            table.rows.append([.init(migration.version), .text(migration.name), .word(key: "pending", pending), .null])
        }
        return table
    }
}
