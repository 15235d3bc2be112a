import DRCCore
import Foundation
import SQLiteDB
import Testing

/// `drc backup`: dated copies kept N deep, each one checked; `drc backup verify` for any copy;
/// a killed backup's leftovers never block the next one.
@Suite struct BackupCommandTests {
    private func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func datedBackupsAreCheckedAndOnlyTheNewestAreKept() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["init", "--db", "d.sqlite"], in: folder).status == 0)
            #expect(try drc(["vendor", "add", "--name", "湖南美音网络技术有限公司", "--db", "d.sqlite", "--as", "王丽"], in: folder).status == 0)
            try FileManager.default.createDirectory(atPath: folder + "/backups", withIntermediateDirectories: false)
            // Two older dated copies (made with the FILE form), and files that are not drc's to remove.
            for name in ["drc-20200101-020000.sqlite", "drc-20200102-020000.sqlite", "drc-2020.sqlite"] {
                #expect(try drc(["backup", "backups/" + name, "--db", "d.sqlite"], in: folder).status == 0)
            }
            try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/backups/notes.txt"))

            let made = try drc(["backup", "--keep", "2", "backups", "--db", "d.sqlite"], in: folder)
            #expect(made.status == 0, "\(made.stderr)")
            let kept = try names(in: folder + "/backups")
            let new = try #require(kept.first { $0.hasPrefix("drc-2") && !$0.hasPrefix("drc-2020") })
            #expect(new.count == "drc-20261203-153000.sqlite".count)
            #expect(kept == ["drc-2020.sqlite", "drc-20200102-020000.sqlite", new, "notes.txt"].sorted())
            #expect(made.stdout.contains("Backed up d.sqlite to backups/\(new)."))
            #expect(made.stdout.contains("backups/\(new): integrity check ok (schema version"))
            #expect(made.stdout.contains("  vendors "))
            #expect(made.stdout.contains(" 1\n"))
            #expect(made.stdout.contains("History: 1 entry; the last, #1: "))
            #expect(made.stdout.contains(", 王丽, insert vendor #1."))
            #expect(made.stdout.contains("Removed the older backup backups/drc-20200101-020000.sqlite (keeping 2)."))

            let verified = try drc(["backup", "verify", "backups/" + new], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(verified.status == 0)
            #expect(verified.stdout.contains("backups/\(new)：完整性检查通过"))
            #expect(verified.stdout.contains("  供应商 "))
            #expect(verified.stdout.contains("王丽，新增供应商 #1。"))

            let notFolder = try drc(["backup", "--keep", "2", "d.sqlite", "--db", "d.sqlite"], in: folder)
            #expect(notFolder.status == 1)
            #expect(notFolder.stderr.contains("d.sqlite is not a folder"))
            let zero = try drc(["backup", "--keep", "0", "backups", "--db", "d.sqlite"], in: folder)
            #expect(zero.status != 0)
            #expect(zero.stderr.contains("--keep 0"))
            #expect(try names(in: folder + "/backups").count == 4)
        }
    }

    /// A backup killed part-way leaves its partial file (an SQLite file): the next backup to
    /// that name goes ahead and removes it; a partial whose backup is still running is left alone.
    @Test func aKilledBackupsPartialDoesNotBlockTheNext() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            let database = try Data(contentsOf: URL(fileURLWithPath: folder + "/d.sqlite"))
            // A process that has ended, for the partial of a backup that is no longer running.
            let gone = Process()
            gone.executableURL = URL(fileURLWithPath: "/bin/true")
            try gone.run()
            gone.waitUntilExit()
            let running = ProcessInfo.processInfo.processIdentifier
            for name in ["copy.sqlite.drc-partial", "copy.sqlite.drc-partial-\(gone.processIdentifier)",
                         "copy.sqlite.drc-partial-\(gone.processIdentifier)-journal", "copy.sqlite.drc-partial-\(running)"] {
                try database.write(to: URL(fileURLWithPath: folder + "/" + name))
            }
            let made = try drc(["backup", "copy.sqlite", "--db", "d.sqlite"], in: folder)
            #expect(made.status == 0, "\(made.stderr)")
            #expect(made.stdout.contains("copy.sqlite: integrity check ok"))
            #expect(try names(in: folder).filter { $0.hasPrefix("copy.sqlite") } == ["copy.sqlite", "copy.sqlite.drc-partial-\(running)"])
        }
    }

    @Test func verifyRefusesADamagedCopyAndChangesNothing() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            #expect(try drc(["backup", "good.sqlite", "--db", "d.sqlite"], in: folder).status == 0)
            let good = try drc(["backup", "verify", "good.sqlite"], in: folder)
            #expect(good.status == 0, "\(good.stderr)")
            #expect(good.stdout.contains("  work orders "))

            // Pages 3 to 12 overwritten: the header (and so the drc mark) is intact.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/good.sqlite"))
            let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
            bytes.replaceSubrange(pageSize * 2..<pageSize * 12, with: Data(repeating: 0xA5, count: pageSize * 10))
            try bytes.write(to: URL(fileURLWithPath: folder + "/bad.sqlite"))
            let bad = try drc(["backup", "verify", "bad.sqlite"], in: folder)
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("the backup bad.sqlite is damaged and cannot be restored from (integrity check: "), "\(bad.stderr)")
            #expect(bad.stdout.contains("bad.sqlite: the integrity check found problems:"))
            #expect(!bad.stderr.contains("Fatal"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/bad.sqlite")) == bytes)

            // Damage only the integrity check sees: an index whose definition no longer matches its
            // entries; every page reads and every count still comes out.
            try FileManager.default.copyItem(atPath: folder + "/good.sqlite", toPath: folder + "/skewed.sqlite")
            do {
                let db = try Connection(path: folder + "/skewed.sqlite", mode: .readWrite, writeAheadLog: false)
                try db.execute("PRAGMA writable_schema = ON")
                try db.run("UPDATE sqlite_master SET sql = 'CREATE INDEX history_record ON history (actor, at)' WHERE name = 'history_record'")
            }
            let skewed = try drc(["backup", "verify", "skewed.sqlite"], in: folder)
            #expect(skewed.status == 1, "\(skewed.stdout)")
            #expect(skewed.stdout.contains("history_record"), "\(skewed.stdout)")

            let chinese = try drc(["backup", "verify", "bad.sqlite"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(chinese.status == 1)
            #expect(chinese.stderr.contains("备份 bad.sqlite 已损坏，不能用来恢复"))

            try Data("not a database".utf8).write(to: URL(fileURLWithPath: folder + "/text.sqlite"))
            let text = try drc(["backup", "verify", "text.sqlite"], in: folder)
            #expect(text.status == 1)
            #expect(text.stderr.contains("text.sqlite"))
            let missing = try drc(["backup", "verify", "none.sqlite"], in: folder)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("there is no database at none.sqlite"))
        }
    }

    /// An upgrade backs up before it migrates, with the new drc: a database an older drc left
    /// (made here at schema 20, as drc before sessions left it, with a vendor and its history) is
    /// copied and checked, the original untouched; `serve` and the other commands still ask for
    /// `drc migrate` first.
    @Test func aDatabaseAnOlderDrcLeftIsBackedUpBeforeItsMigration() throws {
        try withTemporaryFolder { folder in
            do {
                let db = try Connection(path: folder + "/d.sqlite", mode: .create, writeAheadLog: false)
                _ = try Migrator(migrations: MigrationRegistry.all.filter { $0.version <= 20 }).migrate(db)
                try db.execute("INSERT INTO vendor (name) VALUES ('湖南美音网络技术有限公司')")
                try db.execute("""
                    INSERT INTO history (at, actor, action, kind, record_id, new_values)
                    VALUES ('2021-03-02T09:00:00+08:00', '王丽', 'insert', 'vendor', 1, '{"name":"湖南美音网络技术有限公司"}')
                    """)
            }
            let pending = MigrationRegistry.all.filter { $0.version > 20 }.count
            let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/d.sqlite"))
            #expect(try drc(["vendor", "list", "--db", "d.sqlite"], in: folder).stderr.contains("needs \(pending) schema migrations"))
            try FileManager.default.createDirectory(atPath: folder + "/backups", withIntermediateDirectories: false)

            let made = try drc(["backup", "--keep", "3", "backups", "--db", "d.sqlite"], in: folder)
            #expect(made.status == 0, "\(made.stderr)")
            #expect(made.stdout.contains("integrity check ok (schema version 20)"))
            #expect(made.stdout.contains(", 王丽, insert vendor #1."))
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/d.sqlite")) == before)
            // Nothing written beside it (a read-only reader may leave SQLite's -wal and -shm).
            #expect(try names(in: folder).filter { $0.hasPrefix("d.sqlite") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == ["d.sqlite"])

            let migrated = try drc(["migrate", "--db", "d.sqlite"], in: folder)
            #expect(migrated.status == 0, "\(migrated.stderr)")
            #expect(migrated.stdout.contains("Applied migration 21: web_sessions"))
            #expect(try drc(["vendor", "list", "--db", "d.sqlite"], in: folder).status == 0)
        }
    }

    /// `backup --keep` names each copy afresh, so a killed run's partial (with the -wal and -shm
    /// SQLite made beside it) is not this run's name: it is cleared by being a dated backup's
    /// partial whose process has ended. A running backup's partial, and other files, stay.
    @Test func aKilledDatedBackupLeavesNothingOnceTheNextHasRun() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            try FileManager.default.createDirectory(atPath: folder + "/backups", withIntermediateDirectories: false)
            let gone = Process()
            gone.executableURL = URL(fileURLWithPath: "/bin/true")
            try gone.run()
            gone.waitUntilExit()
            let running = ProcessInfo.processInfo.processIdentifier
            let killed = "drc-20261202-020000.sqlite.drc-partial-\(gone.processIdentifier)"
            let kept = ["drc-20261202-020000.sqlite.drc-partial-\(running)", "notes.sqlite.drc-partial-\(gone.processIdentifier)", "notes.txt"]
            for name in [killed, killed + "-wal", killed + "-shm"] + kept {
                try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/backups/" + name))
            }
            let made = try drc(["backup", "--keep", "3", "backups", "--db", "d.sqlite"], in: folder)
            #expect(made.status == 0, "\(made.stderr)")
            let left = try names(in: folder + "/backups")
            #expect(left.filter { $0.contains("partial") || !$0.hasPrefix("drc-") } == kept.sorted())
            #expect(left.filter { $0.hasPrefix("drc-") && !$0.contains("partial") }.count == 1)
        }
    }
}
