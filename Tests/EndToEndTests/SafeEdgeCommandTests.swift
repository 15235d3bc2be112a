import DRCCore
import Foundation
import SQLiteDB
import Testing

@Suite struct AllOrNothingCommandTests {
    @Test func aStatusCommandThatFailsForOneOrderChangesNone() throws {
        try withTemporaryFolder { folder throws in
            for arguments in [["init"], ["vendor", "add", "--name", "美音"], ["category", "add", "--name", "网络"],
                              ["order", "add", "--vendor", "美音", "--category", "网络", "--opened", "2021-03-02"],
                              ["order", "add", "--vendor", "美音", "--category", "网络", "--opened", "2021-03-02"]] {
                #expect(try drc(arguments + ["--db", "t.sqlite"], in: folder).status == 0)
            }
            let before = try ReliabilityTests.fingerprint(folder + "/t.sqlite")
            let refused = try drc(["order", "solve", "1", "999999", "--db", "t.sqlite"], in: folder)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("no work order matches \"#999999\""))
            #expect(refused.stdout.isEmpty)
            let illegal = try drc(["order", "close", "1", "2", "--db", "t.sqlite"], in: folder)
            #expect(illegal.status == 1)
            #expect(try ReliabilityTests.fingerprint(folder + "/t.sqlite") == before)
            let solved = try drc(["order", "solve", "1", "2", "--db", "t.sqlite"], in: folder)
            #expect(solved.status == 0)
            #expect(solved.stdout.components(separatedBy: "is now solved").count == 3)
        }
    }
}

@Suite struct RestoreCommandTests {
    @Test func aDeletedVendorComesBackWithItsIdAndADeletedOneIsNeverConfused() throws {
        try withTemporaryFolder { folder throws in
            let environment = ["DRC_USER": "王丽"]
            func run(_ arguments: [String]) throws -> RunResult {
                try drc(arguments + ["--db", "t.sqlite"], in: folder, environment: environment)
            }
            #expect(try run(["init"]).status == 0)
            #expect(try run(["vendor", "add", "--name", "美音"]).status == 0)
            #expect(try run(["vendor", "add", "--name", "仕贤", "--credit-code", "91350100M000100Y43"]).status == 0)
            #expect(try run(["vendor", "rm", "2"]).status == 0)
            let next = try run(["vendor", "add", "--name", "宜泽"])
            #expect(next.stdout.contains("Added vendor #3 宜泽."))
            let history = try run(["history", "vendor", "2", "--format", "csv"])
            #expect(history.stdout.split(separator: "\n").count == 3, "\(history.stdout)")
            let restored = try run(["restore", "vendor", "2"])
            #expect(restored.status == 0, "\(restored.stderr)")
            #expect(restored.stdout == "Restored vendor #2 仕贤.\n")
            let story = try run(["history", "vendor", "2"]).stdout.split(separator: "\n").map(String.init)
            #expect(story.count == 5, "\(story)")
            #expect(story.last?.contains("王丽   insert  vendor       2  [restore] name=仕贤") == true, "\(story)")
            let shown = try run(["vendor", "show", "2", "--format", "json"])
            #expect(shown.stdout.contains("\"credit_code\":\"91350100M000100Y43\""), "\(shown.stdout)")
            let again = try run(["restore", "vendor", "2"])
            #expect(again.status == 1)
            #expect(again.stderr == "drc: error: vendor #2 cannot be restored: it exists; only a deleted record can be restored\n")
            let never = try run(["restore", "vendor", "42"])
            #expect(never.status == 1)
            #expect(never.stderr.contains("the history holds no deletion of it"))
            let unknown = try run(["restore", "widget", "1"])
            #expect(unknown.status == 64)
        }
    }
}

@Suite struct OddDatabaseFileTests {
    @Test func aPipeADeviceAndAFolderAreRefusedAtOnce() throws {
        try withTemporaryFolder { folder throws in
            #expect(mkfifo(folder + "/fifo.sqlite", 0o600) == 0)
            #expect(symlink("/dev/null", folder + "/null.sqlite") == 0)
            for name in ["fifo.sqlite", "null.sqlite"] {
                for arguments in [["vendor", "list"], ["migrate"], ["migrate", "--status"], ["sql", "SELECT 1"]] {
                    // Reading a pipe would wait forever: a hang is killed and fails here.
                    let result = try drc(arguments + ["--db", name], in: folder, timeout: 20)
                    #expect(result.status == 1)
                    #expect(result.stderr == "drc: error: \(name) is not a regular file (a folder, a device, a pipe or a socket); name a database file\n")
                }
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(files == ["fifo.sqlite", "null.sqlite"])
        }
    }

    @Test func anotherProgramsDatabaseIsNeitherMigratedNorChanged() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/other.sqlite"
            do {
                let other = try Connection(path: path, mode: .create, writeAheadLog: false)
                try other.execute("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')")
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for arguments in [["migrate"], ["vendor", "list"], ["vendor", "add", "--name", "美音"], ["export", "vendors"]] {
                let result = try drc(arguments + ["--db", "other.sqlite"], in: folder)
                #expect(result.status == 1)
                #expect(result.stderr.contains("other.sqlite is an SQLite database, but not a drc database"))
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["other.sqlite"])
        }
    }

    @Test func aFailedMigrationLeavesTheFileAsItWasAndNoBackup() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/old.sqlite"
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: Array(MigrationRegistry.all.prefix(4))).migrate(db)
                try db.execute("PRAGMA foreign_keys = OFF")
                try db.execute("INSERT INTO category (id, name) VALUES (1, '网络')")
                try db.execute("INSERT INTO work_order (year, vendor_id, category_id, status, source) VALUES (2020, 99, 1, 'new', 'x')")
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let result = try drc(["migrate", "--db", "old.sqlite"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("migration 5 (ids_never_reused) failed and was rolled back"), "\(result.stderr)")
            #expect(result.stderr.contains("broken reference"))
            #expect(!result.stdout.contains("Backed up"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["old.sqlite"])
        }
    }
}
