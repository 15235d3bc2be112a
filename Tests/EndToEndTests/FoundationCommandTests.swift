import DRCCore
import SQLiteDB
import Foundation
import Testing

@Suite struct FoundationCommandTests {
    @Test func initThenMigrateStatus() throws {
        try withTemporaryFolder { folder throws in
            let created = try drc(["init", "--db", "records.sqlite"], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout.contains("Created records.sqlite at schema version"))
            let status = try drc(["--db", "records.sqlite", "migrate", "--status"], in: folder)
            #expect(status.status == 0)
            #expect(status.stdout.contains("create_units_and_vendors"))
            #expect(status.stdout.contains("applied"))
            #expect(status.stdout.contains("0 pending"))
            let again = try drc(["migrate", "--db", "records.sqlite"], in: folder)
            #expect(again.stdout.contains("up to date"))
        }
    }

    @Test func aMissingDatabaseIsAClearErrorAndCreatesNothing() throws {
        try withTemporaryFolder { folder throws in
            let result = try drc(["migrate", "--status", "--db", "typo.sqlite"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("there is no database at typo.sqlite"))
            #expect(!result.stderr.contains("Fatal"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/typo.sqlite"))
        }
    }

    @Test func initRefusesToOverwrite() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["init", "--db", "a.sqlite"], in: folder).status == 0)
            let again = try drc(["init", "--db", "a.sqlite"], in: folder)
            #expect(again.status == 1)
            #expect(again.stderr.contains("already exists"))
        }
    }

    @Test func theDatabaseComesFromTheEnvironmentOrTheUserDefault() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["init"], in: folder, environment: ["DRC_DB": folder + "/env.sqlite"]).status == 0)
            #expect(FileManager.default.fileExists(atPath: folder + "/env.sqlite"))
            let help = try drc(["--help"], in: folder, environment: ["XDG_DATA_HOME": folder + "/data"])
            #expect(help.stdout.contains(folder + "/data/drc/drc.sqlite"))
            #expect(try drc(["init"], in: folder, environment: ["XDG_DATA_HOME": folder + "/data"]).status == 0)
            #expect(FileManager.default.fileExists(atPath: folder + "/data/drc/drc.sqlite"))
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        try withTemporaryFolder { folder throws in
            try Data("hello".utf8).write(to: URL(fileURLWithPath: folder + "/x.sqlite"))
            let result = try drc(["migrate", "--status", "--db", "x.sqlite"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("is not a drc database"))
        }
    }
}

@Suite struct MigrateCommandTests {
    @Test func anOlderDatabaseIsMigratedAfterABackup() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/old.sqlite"
            let db = try Connection(path: path, mode: .create)
            try Migrator(migrations: Array(MigrationRegistry.all.prefix(2))).migrate(db)
            let refused = try drc(["vendor", "list", "--db", "old.sqlite"], in: folder)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("needs \(MigrationRegistry.all.count - 2) schema migrations"))
            #expect(refused.stderr.contains("Run `drc migrate`"))
            let status = try drc(["migrate", "--status", "--db", "old.sqlite", "--format", "csv"], in: folder)
            #expect(status.stdout.contains("1,create_units_and_vendors,applied,"))
            #expect(status.stdout.contains("3,create_work_orders,pending,\n"))
            let migrated = try drc(["migrate", "--db", "old.sqlite"], in: folder)
            #expect(migrated.status == 0, "\(migrated.stderr)")
            #expect(migrated.stdout.contains("Backed up the database to old.sqlite.backup-"))
            #expect(migrated.stdout.contains("Applied migration 3: create_work_orders"))
            let backups = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("old.sqlite.backup-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
            #expect(backups.count == 1)
            // The backup is the database as it was: still at version 2.
            let backup = try Connection(path: folder + "/" + backups[0], mode: .readOnly)
            #expect(try backup.scalar("SELECT max(version) FROM schema_migrations") == .integer(2))
            #expect(try drc(["vendor", "list", "--db", "old.sqlite"], in: folder).status == 0)
        }
    }

    @Test func aDatabaseFromANewerDrcIsRefused() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["init", "--db", "new.sqlite"], in: folder).status == 0)
            let db = try Connection(path: folder + "/new.sqlite")
            try db.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 'now')")
            let result = try drc(["vendor", "list", "--db", "new.sqlite"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("newer than this drc supports"))
        }
    }
}

@Suite struct ProgressTests {
    /// On a terminal, a long import shows its progress on standard error; piped, it does not.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) to give drc a terminal"))
    func progressShowsOnlyOnATerminal() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            #expect(try drc(["export", "orders", "--db", "d.sqlite", "-o", "o.csv"], in: folder).status == 0)
            #expect(try drc(["init", "--db", "e.sqlite"], in: folder).status == 0)
            for kind in ["units", "vendors", "categories", "projects"] {
                #expect(try drc(["export", kind, "--db", "d.sqlite", "-o", "\(kind).csv"], in: folder).status == 0)
                #expect(try drc(["import", kind, "\(kind).csv", "--db", "e.sqlite"], in: folder).status == 0)
            }
            let command = "\(drcBinary.path) import orders o.csv --db e.sqlite"
            let onTerminal = try drc(["/usr/bin/script", "-qec", command, "/dev/null"], in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(onTerminal.status == 0)
            #expect(onTerminal.stdout.contains("Read 9424 rows ("), "\(onTerminal.stdout)")
            #expect(onTerminal.stdout.contains("9424 rows read, 9424 written, 0 rejected"))
            let piped = try drc(["import", "orders", "o.csv", "--db", "e.sqlite", "--dry-run"], in: folder)
            #expect(!piped.stderr.contains("rows/s"))
            let quiet = try drc(["/usr/bin/script", "-qec", command + " --quiet --dry-run", "/dev/null"], in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(!quiet.stdout.contains("rows/s"))
        }
    }
}
