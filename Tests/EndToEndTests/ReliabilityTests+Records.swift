import DRCCore
import Foundation
import SQLiteDB
import Testing

extension ReliabilityTests {
    // MARK: History, ids and restore

    /// Random adds, edits (links included), deletes and restores of vendors and projects: every
    /// id is new, a restore brings back exactly what the deletion took, and a restore that
    /// would conflict is refused and changes nothing.
    @Test func historyGivesBackEveryDeletedRecordExactly() throws {
        let steps = Self.long ? 3000 : 400
        var random = SeededGenerator(seed: 20_201_231)
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/h.sqlite", access: .create)
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "clerk")
            let projects = RecordRepository(store: store, kind: .project, actor: "clerk")
            var issued: Set<Int64> = []
            var deleted: [(RecordRepository, Int64, String)] = []
            var restored = 0, refused = 0, conflicts = 0
            for step in 0..<steps {
                let live = try store.db.rows("SELECT id FROM vendor").compactMap { $0[0].int64 }
                let liveProjects = try store.db.rows("SELECT id FROM project").compactMap { $0[0].int64 }
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1:
                    let id = try vendors.add(["name": "供应商\(Int.random(in: 0..<40, using: &random))-\(step)"])
                    #expect(issued.insert(id).inserted, "vendor id \(id) was issued twice")
                case 2 where !live.isEmpty:
                    let names = (0..<Int.random(in: 0...3, using: &random)).map { _ in "#\(live.randomElement(using: &random)!)" }
                    let id = try projects.add(["name": "项目\(step)", "vendors": names.joined(separator: ",")])
                    #expect(issued.insert(id + 1_000_000).inserted, "project id \(id) was issued twice")
                case 3 where !liveProjects.isEmpty && !live.isEmpty:
                    let id = liveProjects.randomElement(using: &random)!
                    _ = try projects.edit(id, set: ["vendors": "#\(live.randomElement(using: &random)!)"])
                case 4:
                    let (repository, ids) = Bool.random(using: &random) ? (projects, liveProjects) : (vendors, live)
                    guard let id = ids.randomElement(using: &random),
                          let snapshot = try HistoryLog.snapshot(store.db, kind: repository.kind, id: id) else { continue }
                    do {
                        try repository.delete(id)
                        deleted.append((repository, id, snapshot))
                    } catch DRCError.deleteRefused {
                        refused += 1
                    }
                case 5 where !deleted.isEmpty:
                    let (repository, id, snapshot) = deleted.remove(at: Int.random(in: 0..<deleted.count, using: &random))
                    let before = try Self.fingerprint(store.path)
                    do {
                        try repository.restore(id)
                        #expect(try HistoryLog.snapshot(store.db, kind: repository.kind, id: id) == snapshot)
                        restored += 1
                    } catch DRCError.restoreRefused(_, _, let reason) {
                        // A vendor of the project is gone: refused, and nothing changed.
                        guard case .missingReference = reason else {
                            Issue.record("unexpected refusal \(reason)")
                            continue
                        }
                        #expect(try Self.fingerprint(store.path) == before)
                        conflicts += 1
                    }
                default:
                    continue
                }
            }
            #expect(restored > 0)
            Self.report("history: \(steps) random changes, \(issued.count) ids issued and none reused, "
                        + "\(restored) deleted records restored exactly, \(conflicts) restores refused (a link gone), "
                        + "\(refused) deletes refused (still referred to)")
        }
    }

    // MARK: Failing commands change nothing

    /// Commands that fail part-way over several records leave the database as it was.
    @Test func aCommandThatFailsChangesNothing() throws {
        try withTemporaryFolder { folder throws in
            let (db, _) = try prepared(folder, rows: 0)
            for _ in 1...3 {
                #expect(try drc(["order", "add", "--vendor", "湖南美音网络技术有限公司", "--category", "全区网络故障",
                                 "--opened", "2020-03-02 14:05", "--db", db], in: folder).status == 0)
            }
            let attempts: [[String]] = [
                ["order", "solve", "1", "2", "999999"],
                ["order", "solve", "1", "1"],
                ["order", "close", "1", "2"],
                ["order", "cancel", "3", "0"],
                ["restore", "vendor", "1"],
                ["restore", "order", "77"],
                ["vendor", "rm", "1"],
            ]
            let before = try Self.fingerprint(db)
            var failed = 0
            for arguments in attempts {
                let result = try drc(arguments + ["--db", db], in: folder)
                if result.status == 0 { continue }
                failed += 1
                #expect(result.stderr.hasPrefix("drc: error: "), "\(arguments): \(result.stderr)")
                #expect(try Self.fingerprint(db) == before, "\(arguments) changed the database")
            }
            #expect(failed == attempts.count)
            Self.report("failing commands: \(failed) refused part-way, none changed the database")
        }
    }

    // MARK: Odd database files

    /// Pipes, devices, folders, other programs' databases, empty and random files: each is
    /// refused at once with a plain message, left byte for byte, and nothing appears beside it.
    @Test func oddDatabaseFilesAreRefusedAndLeftAlone() throws {
        try withTemporaryFolder { folder throws in
            var random = SeededGenerator(seed: 8)
            #expect(mkfifo(folder + "/fifo.sqlite", 0o600) == 0)
            #expect(symlink("/dev/null", folder + "/null.sqlite") == 0)
            #expect(symlink("/dev/zero", folder + "/zero.sqlite") == 0)
            try FileManager.default.createDirectory(atPath: folder + "/folder.sqlite", withIntermediateDirectories: false)
            _ = FileManager.default.createFile(atPath: folder + "/empty.sqlite", contents: Data())
            _ = FileManager.default.createFile(atPath: folder + "/random.sqlite",
                                           contents: Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }))
            do {
                let other = try Connection(path: folder + "/other.sqlite", mode: .create, writeAheadLog: false)
                try other.execute("CREATE TABLE schema_migrations (version); CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')")
            }
            do {
                let marked = try Connection(path: folder + "/marked.sqlite", mode: .create, writeAheadLog: false)
                try marked.execute("PRAGMA application_id = 42; CREATE TABLE t (x)")
            }
            let names = ["fifo.sqlite", "null.sqlite", "zero.sqlite", "folder.sqlite", "empty.sqlite", "random.sqlite",
                         "other.sqlite", "marked.sqlite"]
            let regular = names.filter { Store.isRegularFile(folder + "/" + $0) }
            var contents: [String: Data] = [:]
            for name in regular { contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
            let listing = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let commands: [[String]] = [["vendor", "list"], ["migrate"], ["migrate", "--status"], ["vendor", "add", "--name", "美音"],
                                        ["sql", "SELECT 1"], ["export", "vendors"], ["backup", "copy.sqlite"]]
            var tried = 0
            for name in names {
                for command in commands {
                    tried += 1
                    let result = try drc(command + ["--db", name], in: folder, timeout: 20)
                    #expect(result.status == 1, "\(name) \(command): \(result.status) \(result.stderr)")
                    #expect(result.stderr.hasPrefix("drc: error: \(name) "), "\(name) \(command): \(result.stderr)")
                    #expect(result.stderr.split(separator: "\n").count <= 2)
                }
            }
            for name in regular {
                #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) == contents[name], "\(name) changed")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == listing)
            Self.report("odd database files: \(names.count) files × \(commands.count) commands = \(tried) refused plainly, "
                        + "each left as it was, nothing created beside them")
        }
    }
}
