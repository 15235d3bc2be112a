import DRCCore
import Foundation
import SQLiteDB
import Testing

@Suite struct MigratorTests {
    private func connection(_ folder: String) throws -> Connection {
        try Connection(path: folder + "/m.sqlite", mode: .create)
    }

    @Test func aFreshDatabaseReachesTheLatestVersion() throws {
        try withTemporaryFolder { folder throws in
            let db = try connection(folder)
            let applied = try Migrator().migrate(db)
            #expect(applied == MigrationRegistry.all)
            let status = try Migrator().status(of: db)
            #expect(status.pending.isEmpty)
            #expect(status.currentVersion == MigrationRegistry.all.last?.version)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'work_order'") == .integer(1))
        }
    }

    @Test func runningAgainAppliesNothing() throws {
        try withTemporaryFolder { folder throws in
            let db = try connection(folder)
            try Migrator().migrate(db)
            #expect(try Migrator().migrate(db).isEmpty)
            #expect(try db.scalar("SELECT count(*) FROM schema_migrations") == .integer(Int64(MigrationRegistry.all.count)))
        }
    }

    @Test func aFailingMigrationRollsBackWholly() throws {
        try withTemporaryFolder { folder throws in
            let db = try connection(folder)
            let good = Migration(version: 1, name: "good", sql: "CREATE TABLE a (x);")
            let bad = Migration(version: 2, name: "bad", sql: "CREATE TABLE b (y); INSERT INTO a VALUES (1); INSERT INTO nowhere VALUES (2);")
            let error = #expect(throws: DRCError.self) { try Migrator(migrations: [good, bad]).migrate(db) }
            guard case .migrationFailed(let version, let name, _) = error else {
                Issue.record("expected migrationFailed, got \(String(describing: error))")
                return
            }
            #expect(version == 2 && name == "bad")
            #expect(try Migrator(migrations: [good, bad]).status(of: db).currentVersion == 1)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == .integer(0))
            #expect(try db.scalar("SELECT count(*) FROM a") == .integer(0))
        }
    }

    @Test func anEditedMigrationIsRefused() throws {
        try withTemporaryFolder { folder throws in
            let db = try connection(folder)
            try Migrator(migrations: [Migration(version: 1, name: "one", sql: "CREATE TABLE a (x);")]).migrate(db)
            let edited = Migrator(migrations: [Migration(version: 1, name: "one", sql: "CREATE TABLE a (x, y);")])
            #expect(throws: DRCError.migrationEdited(version: 1, name: "one")) { try edited.status(of: db) }
            #expect(throws: DRCError.migrationEdited(version: 1, name: "one")) { try edited.migrate(db) }
        }
    }

    @Test func aDatabaseNewerThanTheBinaryIsRefused() throws {
        try withTemporaryFolder { folder throws in
            let db = try connection(folder)
            let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x);")
            let two = Migration(version: 2, name: "two", sql: "CREATE TABLE b (x);")
            try Migrator(migrations: [one, two]).migrate(db)
            #expect(throws: DRCError.databaseTooNew(databaseVersion: 2, supportedVersion: 1)) {
                try Migrator(migrations: [one]).status(of: db)
            }
        }
    }

    @Test func theRegistryMatchesTheMigrationsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: projectRoot.appendingPathComponent("migrations").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(MigrationRegistry.all.map(\.fileName) == files)
        for migration in MigrationRegistry.all {
            let onDisk = try String(contentsOf: projectRoot.appendingPathComponent("migrations/\(migration.fileName)"), encoding: .utf8)
            #expect(onDisk == migration.sql, "embedded \(migration.fileName) differs from the file")
        }
        let versions = MigrationRegistry.all.map(\.version)
        // Numbers are assigned per branch, so gaps are allowed (9 and 10 land from other work).
        #expect(versions == versions.sorted() && Set(versions).count == versions.count && versions.first == 1,
                "versions increase from 1, each once")
    }

    @Test func fileNamesParse() {
        #expect(Migration(fileName: "V0012__add_x.sql", contents: [])?.version == 12)
        #expect(Migration(fileName: "V0012__add_x.sql", contents: [])?.name == "add_x")
        #expect(Migration(fileName: "0012_add_x.sql", contents: []) == nil)
        #expect(Migration(fileName: "V__x.sql", contents: []) == nil)
        #expect(Migration(fileName: "V12__x.txt", contents: []) == nil)
    }
}

@Suite struct StoreTests {
    @Test func onlyCreateMakesAFile() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/missing.sqlite"
            #expect(throws: DRCError.databaseMissing(path: path)) { _ = try Store(path: path) }
            #expect(throws: DRCError.databaseMissing(path: path)) { _ = try Store(path: path, access: .readOnly) }
            #expect(!FileManager.default.fileExists(atPath: path))
            _ = try Store(path: path, access: .create)
            #expect(throws: DRCError.databaseExists(path: path)) { _ = try Store(path: path, access: .create) }
        }
    }

    @Test func pendingMigrationsAreReported() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/old.sqlite"
            let db = try Connection(path: path, mode: .create)
            try Migrator(migrations: Array(MigrationRegistry.all.prefix(1))).migrate(db)
            let pending = MigrationRegistry.all.count - 1
            #expect(throws: DRCError.pendingMigrations(count: pending)) { _ = try Store(path: path) }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).count == pending)
            _ = try Store(path: path)
        }
    }

    @Test func aFileThatIsNotADatabaseIsReportedPlainly() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/notes.sqlite"
            try Data("这不是数据库\n".utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: DRCError.notADatabase(path: path)) { _ = try Store(path: path) }
        }
    }
}
