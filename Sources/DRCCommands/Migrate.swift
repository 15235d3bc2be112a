import ArgumentParser
import DRCCore

extension Drc {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring an existing database up to the latest schema version, backing it up first.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "List applied and pending migrations; change nothing.")
        var status = false

        func run() throws {
            let store = try Store(path: root.global.databasePath(), access: .anyVersion)
            let migrator = Migrator()
            let current = try migrator.status(of: store.db)
            if status {
                var table = ResultTable(columns: ["version", "name", "state", "applied_at"])
                for applied in current.applied {
                    table.rows.append([.init(applied.version), .text(applied.name), .text("applied"), .text(applied.appliedAt)])
                }
                for pending in current.pending {
                    table.rows.append([.init(pending.version), .text(pending.name), .text("pending"), .null])
                }
                output.print(table)
                if output.format == .table {
                    Console.line("\(current.applied.count) applied, \(current.pending.count) pending.")
                }
                return
            }
            guard !current.pending.isEmpty else {
                Console.line("The database is up to date at schema version \(current.currentVersion).")
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
            Console.line("Backed up the database to \(backup).")
            for migration in applied {
                Console.line("Applied migration \(migration.version): \(migration.name)")
            }
            Console.line("The database is at schema version \(try migrator.status(of: store.db).currentVersion).")
        }
    }
}
