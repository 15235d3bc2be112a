import Foundation
import SQLiteDB
import Testing

/// The reliability suite: many clerks at once, processes killed mid-write, hostile input,
/// read-only SQL, backups under load, damaged files and full disks. Fast by default; set
/// DRC_RELIABILITY_LONG=1 to run it bigger.
@Suite(.serialized) struct ReliabilityTests {
    static let long = ProcessInfo.processInfo.environment["DRC_RELIABILITY_LONG"] == "1"

    /// A database with generated reference data (and `orders.csv` of `rows` orders beside it).
    func prepared(_ folder: String, rows: Int) throws -> (db: String, orders: String) {
        let data = folder + "/data"
        let gen = Process()
        gen.executableURL = drcBinary.deletingLastPathComponent().appendingPathComponent("drc-gen")
        gen.arguments = [data, "--rows", String(rows), "--seed", "7"]
        try gen.run()
        gen.waitUntilExit()
        #expect(gen.terminationStatus == 0)
        let db = folder + "/r.sqlite"
        #expect(try drc(["init", "--db", db], in: folder).status == 0)
        for kind in ["units", "vendors", "categories", "projects"] {
            #expect(try drc(["import", kind, "data/\(kind).csv", "--db", db], in: folder).status == 0)
        }
        return (db, data + "/orders.csv")
    }

    /// Everything the database holds, as one text: equal fingerprints mean nothing changed.
    static func fingerprint(_ path: String) throws -> String {
        let db = try Connection(path: path, mode: .readOnly)
        var text = ""
        for table in ["unit", "vendor", "project", "project_vendor", "category", "budget_line", "work_order", "indicator", "finding", "history", "status_event"] {
            for row in try db.rows("SELECT * FROM \(table)") { text += table + ":" + row.values.map { "\($0)" }.joined(separator: "|") + "\n" }
        }
        return text
    }

    static func integrity(_ path: String) throws -> String {
        try Connection(path: path, mode: .readOnly).scalar("PRAGMA integrity_check")?.string ?? "?"
    }

    static func count(_ path: String, _ sql: String) throws -> Int64 {
        try Connection(path: path, mode: .readOnly).scalar(sql)?.int64 ?? -1
    }

    // MARK: Concurrent clerks

    @Test func concurrentClerksLoseNothing() throws {
        let clerks = 4, orders = Self.long ? 1000 : 250
        try withTemporaryFolder { folder throws in
            let (db, _) = try prepared(folder, rows: 0)
            let binary = drcBinary.path
            // Each clerk is a shell loop of whole `drc order add` processes; two readers total meanwhile.
            var processes: [Process] = []
            for clerk in 1...clerks {
                let script = """
                    for j in $(seq 1 \(orders)); do
                      "\(binary)" --db "\(db)" order add --vendor 湖南美音网络技术有限公司 --category 全区网络故障 \
                        --opened "2020-03-02 14:05" --summary "clerk-\(clerk)-$j" > /dev/null 2>> err-\(clerk).txt || echo "failed $j" >> err-\(clerk).txt
                    done
                    """
                processes.append(try shell(script, in: folder))
            }
            let readers = (1...2).map { reader in
                """
                while [ ! -f done ]; do "\(binary)" --db "\(db)" totals --year 2020 > /dev/null 2>> read-\(reader).txt || echo "read failed" >> read-\(reader).txt; done
                """
            }
            let readerProcesses = try readers.map { try shell($0, in: folder) }
            for process in processes { process.waitUntilExit() }
            _ = FileManager.default.createFile(atPath: folder + "/done", contents: nil)
            for process in readerProcesses { process.waitUntilExit() }
            var errors = ""
            for name in (1...clerks).map({ "err-\($0).txt" }) + ["read-1.txt", "read-2.txt"] {
                errors += (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            }
            #expect(errors.isEmpty, "\(errors.prefix(2000))")
            #expect(!errors.contains("locked"))
            #expect(try Self.count(db, "SELECT count(*) FROM work_order") == Int64(clerks * orders))
            #expect(try Self.count(db, "SELECT count(DISTINCT summary) FROM work_order") == Int64(clerks * orders))
            #expect(try Self.integrity(db) == "ok")
            Self.report("concurrent clerks: \(clerks) processes × \(orders) orders held, 2 readers, no lock errors")
        }
    }

    // MARK: Killed mid-write

    @Test func anImportKilledAtAnyMomentIsAllOrNothing() throws {
        let trials = Self.long ? 60 : 20
        // Seeded, so every run kills at the same moments.
        var random = SeededGenerator(seed: 20200303)
        try withTemporaryFolder { folder throws in
            let (db, orders) = try prepared(folder, rows: 20_000)
            var expected: Int64 = 0
            var completed = 0
            for trial in 0..<trials {
                let process = Process()
                process.executableURL = drcBinary
                process.arguments = ["--db", db, "import", "orders", orders, "--quiet"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 0...(trial % 4 == 3 ? 1_500_000 : 600_000), using: &random))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(try Self.integrity(db) == "ok", "trial \(trial)")
                let count = try Self.count(db, "SELECT count(*) FROM work_order")
                #expect(count == expected || count == expected + 20_000, "trial \(trial): \(count) orders, expected \(expected) or \(expected + 20_000)")
                if count == expected + 20_000 { completed += 1 }
                expected = count
                // The next command works without repair.
                #expect(try drc(["totals", "--year", "2020", "--db", db], in: folder).status == 0)
            }
            Self.report("killed imports: \(trials) trials survived (\(completed) had finished before the kill)")
        }
    }

    /// `import --skip-bad` killed at any moment: rows are never committed without their rejects
    /// file, and a rejects file that is there is complete. (The rejects file is moved into place
    /// just before COMMIT, so a kill may leave a rejects file with no rows, never the reverse.)
    @Test func aKilledSkipBadImportNeverCommitsRowsWithoutTheirRejects() throws {
        let trials = Self.long ? 40 : 12
        try withTemporaryFolder { folder throws in
            let (db, orders) = try prepared(folder, rows: 20_000)
            // Every 400th order names a vendor that does not exist: 50 bad rows through the file.
            var lines = try String(contentsOfFile: orders, encoding: .utf8).components(separatedBy: "\n")
            var bad = 0
            for index in stride(from: 1, to: lines.count, by: 400) {
                // The first line of a record (a year, then the vendor), not a quoted field's second line.
                guard lines[index].prefix(4).allSatisfy(\.isNumber), lines[index].dropFirst(4).hasPrefix(",长沙测试") else { continue }
                lines[index] = "\(lines[index].prefix(4)),无此公司\(lines[index].dropFirst(5))"
                bad += 1
            }
            try lines.joined(separator: "\n").write(toFile: folder + "/mixed.csv", atomically: true, encoding: .utf8)
            let good = Int64(20_000 - bad)
            // The rejects a whole run writes, from a dry run (which commits nothing).
            let dry = try drc(["import", "orders", "mixed.csv", "--dry-run", "--skip-bad", "--rejects", "expected.csv", "--db", db], in: folder)
            #expect(dry.status == 0, "\(dry.stderr)")
            let expected = try Data(contentsOf: URL(fileURLWithPath: folder + "/expected.csv"))
            #expect(String(decoding: expected, as: UTF8.self).components(separatedBy: ",无此公司").count == bad + 1)
            var count: Int64 = 0
            var committed = 0, rejectsWithoutRows = 0
            for trial in 0..<trials {
                let rejects = folder + "/rejects-\(trial).csv"
                let process = Process()
                process.executableURL = drcBinary
                process.arguments = ["--db", db, "import", "orders", folder + "/mixed.csv", "--skip-bad", "--rejects", rejects, "--quiet"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 0...(trial % 3 == 2 ? 1_500_000 : 700_000)))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(try Self.integrity(db) == "ok", "trial \(trial)")
                let now = try Self.count(db, "SELECT count(*) FROM work_order")
                #expect(now == count || now == count + good, "trial \(trial): \(now) orders, expected \(count) or \(count + good)")
                let file = FileManager.default.contents(atPath: rejects)
                if now == count + good {
                    committed += 1
                    #expect(file == expected, "trial \(trial): rows committed but the rejects file is \(file == nil ? "missing" : "incomplete")")
                } else if let file {
                    // Killed between the rename and COMMIT: a whole rejects file, no rows.
                    rejectsWithoutRows += 1
                    #expect(file == expected, "trial \(trial): a rejects file that is not whole")
                }
                count = now
                #expect(try drc(["totals", "--year", "2020", "--db", db], in: folder).status == 0)
            }
            Self.report("killed --skip-bad imports: \(trials) trials, \(committed) committed each with its whole rejects file, "
                        + "\(rejectsWithoutRows) left a rejects file and no rows, none left rows without rejects")
        }
    }

    // MARK: Outputs never overwrite the database

    @Test func noOutputOverwritesTheDatabase() throws {
        try withTemporaryFolder { folder throws in
            let refused = try OutputSafetyTests.tryEveryOutputOnTheDatabase(in: folder)
            let attempts = OutputSafetyTests.commands.count * OutputSafetyTests.targets.count
            #expect(refused == attempts)
            Self.report("output refusals: \(refused) of \(attempts) attempts to write over the database, a link to it, "
                        + "its -wal/-journal or another database refused, every database byte-for-byte unchanged")
        }
    }

    // MARK: Hostile input

    @Test func hostileInputNeverCrashesAndChangesNothingWhenRefused() throws {
        try withTemporaryFolder { folder throws in
            let (db, _) = try prepared(folder, rows: 0)
            let header = "year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source\n"
            let good = "2020,湖南美音网络技术有限公司,,全区网络故障,,new,2020-03-02 14:05,,,ok,,t\n"
            var files: [(String, [UInt8])] = [
                ("unterminated quote", Array((header + "2020,\"湖南美音,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("quote inside a field", Array((header + "2020,湖南\"美音,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("text after a closing quote", Array((header + "2020,\"湖南\"x,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("NUL byte", Array(header.utf8) + Array("2020,湖南美音网络技术有限公司,,全区网络故障,,new,,,,a".utf8) + [0] + Array("b,,t\n".utf8)),
                ("invalid UTF-8", Array(header.utf8) + [0x32, 0x30, 0x32, 0x30, 0x2C, 0xFF, 0xFE, 0x0A]),
                ("invalid UTF-8 in the header", [0x76, 0x65, 0xFF, 0x2C, 0xB3, 0xA4, 0x0A] + Array(good.utf8)),
                ("1 MB field", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,new,,,," + String(repeating: "长", count: 350_000) + ",,t\n").utf8)),
                ("10,000 columns", Array(((0..<10_000).map { "c\($0)" }.joined(separator: ",") + "\n").utf8)),
                ("20,000 columns", Array(((0..<20_000).map { "c\($0)" }.joined(separator: ",") + "\n").utf8)),
                ("wrong header", Array("名称,数量\n美音,1\n".utf8)),
                ("duplicate header", Array("vendor,vendor,category,year\n美音,美音,全区网络故障,2020\n".utf8)),
                ("header only", Array(header.utf8)),
                ("empty file", []),
                ("only a BOM", [0xEF, 0xBB, 0xBF]),
                ("ragged rows", Array((header + "2020,湖南美音网络技术有限公司\n").utf8)),
                ("SQL in a name", Array((header + "2020,x'); DROP TABLE work_order; --,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("shell metacharacters", Array((header + "2020,$(rm -rf /);`id`|&>,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("formula cells", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,new,,,,=cmd|' /C calc'!A0,+1,t\n").utf8)),
                ("impossible date 2020-13-45", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,new,2020-13-45,,,x,,t\n").utf8)),
                ("impossible date 2020-02-30", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,new,2020-02-30,,,x,,t\n").utf8)),
                ("year 1e309", Array((header + "1e309,湖南美音网络技术有限公司,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("enormous year", Array((header + "99999999999999999999999999,湖南美音网络技术有限公司,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("negative year", Array((header + "-2020,湖南美音网络技术有限公司,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("emoji and right-to-left text", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,new,,,,👩‍💻 مرحبا \u{202E}txt.exe,,t\n").utf8)),
                ("CR-only line ends", Array((header + good).replacingOccurrences(of: "\n", with: "\r").utf8)),
                ("blank lines everywhere", Array(("\n\n" + header + "\n\n" + good + "\n\n\n").utf8)),
                ("good row then bad row", Array((header + good + "2020,nobody,,全区网络故障,,new,,,,x,,t\n").utf8)),
                ("unknown status", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,完成了,,,,x,,t\n").utf8)),
                ("closed before opened", Array((header + "2020,湖南美音网络技术有限公司,,全区网络故障,,closed,2020-03-02,,2020-03-01,x,,t\n").utf8)),
            ]
            // A thousand random byte strings, with quotes, commas and line breaks likely.
            // Seeded, so every run tries the same corpus and a failure can be replayed.
            var random = SeededGenerator(seed: 20201231)
            let alphabet: [UInt8] = Array("\",\n\r2020-长a".utf8) + [0, 0xFF, 0xC3]
            for index in 0..<(Self.long ? 1000 : 100) {
                files.append(("random bytes \(index)", Array(header.utf8) + (0..<Int.random(in: 1...300, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            }
            var cases = 0, refused = 0
            var accepted: [String] = []
            for (name, bytes) in files {
                let path = folder + "/hostile.csv"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                for kind in ["orders", "vendors"] {
                    let before = try Self.fingerprint(db)
                    let result = try drc(["import", kind, path, "--db", db], in: folder)
                    cases += 1
                    try Self.expectClean(result, "\(name) (\(kind))")
                    if result.status != 0 {
                        refused += 1
                        #expect(try Self.fingerprint(db) == before, "\(name) (\(kind)) was refused but changed the database")
                    } else {
                        accepted.append("\(name) (\(kind))")
                    }
                }
            }
            // Bad command arguments.
            let arguments: [[String]] = [
                ["order", "add", "--vendor", "美音", "--category", "全区网络故障", "--year", "1e309"],
                ["order", "add", "--vendor", "美音", "--category", "全区网络故障", "--year", "99999999999999999999"],
                ["order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2020-13-45"],
                ["order", "add", "--vendor", "'; DROP TABLE vendor; --", "--category", "全区网络故障", "--year", "2020"],
                ["order", "add", "--vendor", "%", "--category", "_", "--year", "2020"],
                ["budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "x", "--final", "1e309"],
                ["budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "x", "--final", "12.345"],
                ["budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "x", "--final", "99999999999999999999"],
                ["unit", "add", "--name", "x", "--staff", "99999999999999999999999"],
                ["unit", "add", "--name", ""],
                ["vendor", "add", "--name", "   "],
                ["order", "show", "99999999999999999999"],
                ["order", "close", "-1"],
                ["order", "close", "999999"],
                ["totals", "--year", "abc"],
                ["totals", "--year", "2020", "--by", "colour"],
                ["history", "spaceship", "1"],
                ["export", "orders", "--year", "2020", "-o", "/nonexistent/folder/out.csv"],
                ["import", "orders", "/nonexistent.csv"],
                ["import", "orders", folder],
                ["sql", "DROP TABLE work_order"],
                ["vendor", "edit", "1", "--name", "👩‍💻\u{202E}"],
                ["report", "--year", "1900"],
            ]
            for argument in arguments {
                let before = try Self.fingerprint(db)
                let result = try drc(argument + ["--db", db], in: folder)
                cases += 1
                #expect(result.status == 0 || result.status == 1 || result.status == 64, "\(argument): status \(result.status)")
                try Self.expectClean(result, "\(argument)")
                if result.status != 0 {
                    refused += 1
                    #expect(try Self.fingerprint(db) == before, "\(argument) was refused but changed the database")
                } else {
                    accepted.append(argument.prefix(3).joined(separator: " "))
                }
            }
            #expect(try Self.integrity(db) == "ok")
            Self.report("hostile input: \(cases) cases tried, \(refused) refused cleanly, none crashed; accepted: "
                        + accepted.joined(separator: "; "))
        }
    }

    /// Exit 0 or 1 (64 for usage), never a signal, a Swift runtime failure or a stack trace.
    static func expectClean(_ result: RunResult, _ name: String) throws {
        #expect([0, 1, 64].contains(result.status), "\(name): status \(result.status) \(result.stderr.prefix(300))")
        for marker in ["Fatal error", "Stack dump", "Swift runtime failure", "Segmentation", "Illegal instruction", "Current stack trace", "AddressSanitizer"] {
            #expect(!result.stderr.contains(marker), "\(name): \(result.stderr.prefix(500))")
        }
        if result.status != 0 { #expect(!result.stderr.isEmpty, "\(name) failed silently") }
        // Data errors speak drc's own words, never a Swift type's description.
        if result.status == 1 { #expect(result.stderr.contains("drc:"), "\(name): \(result.stderr.prefix(300))") }
    }

    // MARK: Read-only SQL

    @Test func sqlCannotChangeTheDatabase() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            let db = folder + "/d.sqlite"
            let before = try Self.fingerprint(db)
            let attempts = [
                "DELETE FROM vendor", "UPDATE work_order SET year = 1999", "INSERT INTO vendor (name) VALUES ('x')",
                "DROP TABLE work_order", "CREATE TABLE x (y)", "ATTACH 'evil.sqlite' AS evil", "ATTACH ':memory:' AS m",
                "PRAGMA query_only = OFF", "PRAGMA journal_mode = DELETE", "PRAGMA writable_schema = ON", "VACUUM",
                "SELECT 1; DELETE FROM vendor", "DELETE FROM vendor; SELECT 1", "REINDEX", "ANALYZE",
                "WITH x AS (SELECT 1) DELETE FROM vendor", "SELECT load_extension('/tmp/x')", "BEGIN; DELETE FROM vendor; COMMIT",
                "CREATE TEMP TABLE t AS SELECT * FROM vendor", "SAVEPOINT a", "DETACH main",
            ]
            for sql in attempts {
                let result = try drc(["sql", sql, "--db", "d.sqlite"], in: folder)
                #expect(result.status == 1, "\(sql) was allowed")
                try Self.expectClean(result, sql)
            }
            #expect(try Self.fingerprint(db) == before)
            #expect(!FileManager.default.fileExists(atPath: folder + "/evil.sqlite"))
            let read = try drc(["sql", "SELECT count(*) AS n FROM work_order", "--db", "d.sqlite", "--format", "csv"], in: folder)
            #expect(read.stdout == "n\n9424\n")
            // Large results stream in csv; a table stops at 1000 rows and says so.
            let all = try drc(["sql", "SELECT id, summary FROM work_order", "--db", "d.sqlite", "--format", "csv"], in: folder)
            #expect(all.stdout.split(separator: "\n").count == 9425)
            let table = try drc(["sql", "SELECT id FROM work_order", "--db", "d.sqlite"], in: folder)
            #expect(table.stdout.hasSuffix("The first 1000 rows; there are more: add LIMIT to the query, or use --format csv.\n"))
            Self.report("read-only SQL: \(attempts.count) write attempts refused")
        }
    }

    // MARK: Backups, damaged files

    @Test func backupUnderLoadIsConsistent() throws {
        try withTemporaryFolder { folder throws in
            let (db, _) = try prepared(folder, rows: 0)
            let writer = try shell("""
                for j in $(seq 1 150); do "\(drcBinary.path)" --db "\(db)" order add --vendor 湖南美音网络技术有限公司 \
                  --category 全区网络故障 --year 2020 --summary "w$j" > /dev/null || echo failed >> werr.txt; done
                """, in: folder)
            usleep(300_000)
            for index in 1...3 {
                let result = try drc(["backup", "copy-\(index).sqlite", "--db", db], in: folder)
                #expect(result.status == 0, "\(result.stderr)")
                let copy = folder + "/copy-\(index).sqlite"
                #expect(try Self.integrity(copy) == "ok")
                // The copy is one moment of the database: every order in it has its history row.
                #expect(try Self.count(copy, "SELECT count(*) FROM work_order")
                        == Self.count(copy, "SELECT count(*) FROM history WHERE kind = 'order' AND action = 'insert'"))
                #expect(try drc(["totals", "--year", "2020", "--db", "copy-\(index).sqlite"], in: folder).status == 0)
                usleep(200_000)
            }
            writer.waitUntilExit()
            #expect(!FileManager.default.fileExists(atPath: folder + "/werr.txt"))
            #expect(try Self.count(db, "SELECT count(*) FROM work_order") == 150)
            let again = try drc(["backup", "copy-1.sqlite", "--db", db], in: folder)
            #expect(again.status == 1)
            #expect(again.stderr.contains("already exists"))
        }
    }

    @Test func damagedAndUnreadableFilesGiveClearErrors() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            // Truncated: half the file gone.
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/d.sqlite"))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: folder + "/half.sqlite"))
            let truncated = try drc(["totals", "--year", "2020", "--db", "half.sqlite"], in: folder)
            #expect(truncated.status == 1)
            try Self.expectClean(truncated, "truncated")
            #expect(truncated.stderr.contains("damaged") || truncated.stderr.contains("not a drc database"), "\(truncated.stderr)")
            // Not a database at all.
            try Data(repeating: 0x41, count: 10_000).write(to: URL(fileURLWithPath: folder + "/text.sqlite"))
            let text = try drc(["vendor", "list", "--db", "text.sqlite"], in: folder)
            #expect(text.status == 1)
            #expect(text.stderr.contains("is not a drc database"))
        }
    }

    /// Read-only on disk, for a user who may not write it: the test drops from root to nobody
    /// (root may write anything), so it runs only as root with setpriv.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and setpriv to run drc as a user who may not write the file"))
    func aReadOnlyDatabaseIsAClearError() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            try shell("chmod 444 d.sqlite*", in: folder).waitUntilExit()
            let readOnly = try drc(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", drcBinary.path,
                                    "order", "add", "--vendor", "美音", "--category", "全区网络故障", "--year", "2020", "--db", "d.sqlite"],
                                   in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(readOnly.status == 1, "\(readOnly.stderr)")
            try Self.expectClean(readOnly, "read-only")
            #expect(readOnly.stderr.contains("read-only") || readOnly.stderr.contains("cannot open"), "\(readOnly.stderr)")
        }
    }

    @Test func aFullDiskLeavesThePreviousStateIntact() throws {
        try withTemporaryFolder { folder throws in
            let (db, orders) = try prepared(folder, rows: 20_000)
            let before = try Self.fingerprint(db)
            // A 1 MB file-size limit: the 4 MB import cannot fit.
            let process = try shell("""
                ulimit -f 1024; exec "\(drcBinary.path)" --db "\(db)" import orders "\(orders)" > out.txt 2> err.txt
                """, in: folder)
            process.waitUntilExit()
            let stderr = (try? String(contentsOfFile: folder + "/err.txt", encoding: .utf8)) ?? ""
            #expect(process.terminationReason == .exit, "killed by a signal: \(stderr)")
            #expect(process.terminationStatus == 1, "\(stderr)")
            #expect(stderr.contains("disk"), "\(stderr)")
            #expect(!stderr.contains("Fatal error"))
            #expect(try Self.integrity(db) == "ok")
            #expect(try Self.fingerprint(db) == before)
            // Space again: the same import goes through.
            #expect(try drc(["import", "orders", orders, "--db", db], in: folder).status == 0)
            #expect(try Self.count(db, "SELECT count(*) FROM work_order") == 20_000)
        }
    }

    // MARK: Sums of money at the ceiling

    /// Seeded amounts up to the ceiling add up exactly in every report; amounts beyond it
    /// (written straight into the file, as a drc without the ceiling allowed) make budget
    /// totals, check and report fail with the overflow message, never a trap.
    @Test func sumsOfMoneyNeverTrap() throws {
        let lines = Self.long ? 200 : 40
        var random = SeededGenerator(seed: 10)
        try withTemporaryFolder { folder throws in
            let db = folder + "/m.sqlite"
            #expect(try drc(["init", "--db", db], in: folder).status == 0)
            #expect(try drc(["unit", "add", "--name", "中心", "--db", db], in: folder).status == 0)
            var csv = "year,unit,kind,name,budget,final\n"
            var budget: Int64 = 0, final: Int64 = 0
            for line in 0..<lines {
                let kind = Bool.random(using: &random) || line == 0 ? "basic" : "project"
                let amounts = (0..<2).map { _ in Int64.random(in: 0...100_000_000_000_000, using: &random) }
                budget += amounts[0]
                final += amounts[1]
                csv += "2020,中心,\(kind),第\(line)项,\(Self.yuan(amounts[0])),\(Self.yuan(amounts[1]))\n"
            }
            try csv.write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
            #expect(try drc(["import", "budgets", "b.csv", "--db", db], in: folder).status == 0)
            let totals = try drc(["budget", "totals", "--year", "2020", "--db", db], in: folder)
            // The footer: total, basic + project, 年初预算数, 全年预算数 (none adjusted: the same), its
            // source, 全年执行数, 执行率.
            let footer = totals.stdout.split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) } ?? []
            #expect(footer.filter { $0 == Self.yuan(budget) }.count == 2 && footer.contains(Self.yuan(final)), "\(totals.stdout.suffix(300))")
            var exact = 0
            for command in [["budget", "totals", "--year", "2020"], ["budget", "totals", "--year", "2020", "--by", "kind,economic"],
                            ["check"], ["report", "--year", "2020"]] {
                let result = try drc(command + ["--db", db], in: folder)
                try Self.expectClean(result, "\(command)")
                #expect(result.status == 0, "\(command): \(result.stderr)")
                exact += 1
            }
            // Beyond the ceiling (as a drc without it accepted): each way of overflowing, through
            // each report. A report either does not add those amounts (exit 0) or says the sum
            // is too large; an overflow of the parts must fail all four.
            for part in ["1", "2"] {
                let added = try drc(["budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic",
                                     "--name", "其中\(part)", "--parent", "第0项", "--budget", "1", "--final", "1", "--db", db], in: folder)
                #expect(added.status == 0, "\(added.stderr)")
            }
            let huge = "9223372036854775000"
            let variants = [
                "UPDATE budget_line SET final_fen = \(huge) WHERE parent_id IS NOT NULL",
                "UPDATE budget_line SET budget_fen = \(huge) WHERE parent_id IS NOT NULL",
                "UPDATE budget_line SET final_fen = \(huge) WHERE parent_id IS NULL",
                "UPDATE budget_line SET budget_fen = 9223372036854775807 WHERE id IN (2, 3)",
            ]
            let writer = try Connection(path: db)
            let original = try writer.rows("SELECT id, budget_fen, final_fen FROM budget_line")
            var runs = 0, refused = 0
            for (index, sql) in variants.enumerated() {
                try writer.execute(sql)
                for command in [["budget", "totals", "--year", "2020"], ["budget", "totals", "--year", "2020", "--by", "economic"],
                                ["check"], ["report", "--year", "2020"]] {
                    let result = try drc(command + ["--db", db], in: folder)
                    try Self.expectClean(result, "\(sql) \(command)")
                    runs += 1
                    if result.stderr.hasPrefix("drc: error: the amounts of 2020 add up to more than drc can hold") {
                        refused += 1
                    } else {
                        #expect(index != 0 && result.status != 1 || command == ["check"] && result.status == 1 && !result.stderr.contains("drc: error"),
                                "\(sql) \(command): \(result.status) \(result.stderr)")
                    }
                    if index == 0 { #expect(result.status == 1 && result.stderr.contains("add up to more than drc can hold"), "\(command)") }
                }
                for row in original {
                    try writer.run("UPDATE budget_line SET budget_fen = ?, final_fen = ? WHERE id = ?", [row["budget_fen"], row["final_fen"], row["id"]])
                }
            }
            #expect(refused >= 4)
            Self.report("money sums: \(lines) seeded lines up to 1万亿元 summed exactly through \(exact) reports; "
                        + "\(variants.count) ways past the ceiling × 4 reports: \(refused) of \(runs) runs refused the sum cleanly, the rest "
                        + "did not add those amounts; none trapped")
        }
    }

    static func yuan(_ fen: Int64) -> String {
        let cents = fen % 100
        return "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    // MARK: Control characters on screen

    /// Seeded names built from escape sequences, C0 and C1 controls and bidi overrides go
    /// through every screen output (messages, tables, records, history, errors): no raw control
    /// reaches the terminal, and CSV and JSON give each name back exactly.
    @Test func controlCharactersNeverReachTheScreen() throws {
        let names = Self.long ? 100 : 20
        let pieces = ["\u{1B}[2J", "\u{1B}]0;owned\u{07}", "\u{1B}[1A", "\u{9B}31m", "\u{85}", "\u{07}", "\u{8}", "\u{202E}", "\u{2066}",
                      "\u{2069}", "\u{200F}", "\u{7F}", "\r", "\t", "\n", "\u{1B}P+q\u{1B}\\", "美音", "网络", "abc", "\\", " "]
        var random = SeededGenerator(seed: 2)
        try withTemporaryFolder { folder throws in
            let db = folder + "/t.sqlite"
            #expect(try drc(["init", "--db", db], in: folder).status == 0)
            var outputs = 0, rawFound = 0
            var created: [String] = []
            func screen(_ arguments: [String]) throws -> RunResult {
                let result = try drc(arguments + ["--db", db], in: folder)
                try Self.expectClean(result, "\(arguments)")
                for text in [result.stdout, result.stderr] {
                    outputs += 1
                    let raw = text.unicodeScalars.filter { $0 != "\n" && TerminalSafetyTests.isControl($0) }
                    rawFound += raw.count
                    #expect(raw.isEmpty, "\(arguments.map { $0.debugDescription }): \(text.debugDescription.prefix(300))")
                }
                return result
            }
            for index in 0..<names {
                let name = "v\(index)" + (0..<Int.random(in: 2...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "终"
                let actor = "clerk" + pieces.randomElement(using: &random)!
                let added = try screen(["vendor", "add", "--name", name, "--as", actor, "--note", name])
                #expect(added.status == 0)
                created.append(name)
                _ = try screen(["vendor", "show", String(index + 1)])
                _ = try screen(["vendor", "show", name + "不存在"])
                _ = try screen(["vendor", "edit", String(index + 1), "--note", String(name.reversed()), "--as", actor])
            }
            _ = try screen(["vendor", "list"])
            _ = try screen(["history"])
            _ = try screen(["sql", "SELECT name, note AS \"\u{1B}[5m\" FROM vendor"])
            let json = try drc(["vendor", "list", "--format", "json", "--db", db], in: folder).stdout
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            let trimmed = created.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(parsed.compactMap { $0["name"] as? String } == trimmed)
            let csvNames = try Connection(path: db, mode: .readOnly).rows("SELECT name FROM vendor ORDER BY id").compactMap { $0.string("name") }
            #expect(csvNames == trimmed)
            let csv = try drc(["vendor", "list", "--format", "csv", "--db", db], in: folder).stdout
            let exactInCSV = trimmed.filter { name in csv.contains(name.contains("\"") || name.contains(",") || name.contains("\n") || name.contains("\r")
                ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name) }.count
            #expect(exactInCSV == names)
            Self.report("terminal text: \(names) seeded hostile names through \(outputs) screen outputs, \(rawFound) raw control characters "
                        + "reached them; JSON and CSV gave back \(parsed.count) and \(exactInCSV) of \(names) names exactly")
        }
    }

    // MARK: Runaway queries

    /// Queries that would run for ever or take gigabytes stop at the limit with a message.
    @Test func runawayQueriesAreStopped() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            let endless = [
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x FROM c) SELECT max(x) FROM c",
                "SELECT count(*) FROM work_order AS a, work_order AS b, work_order AS c",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c ORDER BY x DESC LIMIT 1",
            ]
            let huge = [
                "SELECT randomblob(1e9)", "SELECT zeroblob(1e9)", "SELECT length(randomblob(2147483647))",
                "SELECT replace(hex(zeroblob(40000000)), '0', 'ab')",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT length(group_concat(hex(randomblob(400)))) FROM c",
            ]
            var slowest = 0.0
            for sql in endless {
                let started = Date()
                let result = try drc(["sql", sql, "--timeout", "1", "--db", "d.sqlite", "--format", "csv"], in: folder)
                slowest = max(slowest, Date().timeIntervalSince(started))
                try Self.expectClean(result, sql)
                #expect(result.status == 1 && result.stderr.contains("the query was stopped after 1 second"), "\(sql): \(result.stderr)")
            }
            #expect(slowest < 4)
            for sql in huge {
                let result = try drc(["sql", sql, "--db", "d.sqlite", "--format", "csv"], in: folder)
                try Self.expectClean(result, sql)
                #expect(result.status == 1 && result.stderr.contains("needed more than 64 MiB of memory"), "\(sql): \(result.stderr)")
            }
            Self.report("runaway queries: \(endless.count) endless queries stopped at --timeout 1 (slowest exit after "
                        + "\(String(format: "%.2f", slowest)) s), \(huge.count) huge-value queries refused at 64 MiB")
        }
    }

    // MARK: Empty database paths

    /// `--db ''` and an empty `DRC_DB` are refused by every command; the per-user database,
    /// which they used to fall back to, is never touched.
    @Test func emptyDatabasePathsAreRefused() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["init"], in: folder).status == 0)
            let perUser = folder + "/.local/share/drc/drc.sqlite"
            let before = try Self.fingerprint(perUser)
            let commands: [[String]] = [
                ["vendor", "list"], ["vendor", "add", "--name", "x"], ["order", "list"], ["totals", "--year", "2020"],
                ["budget", "totals", "--year", "2020"], ["check"], ["report", "--year", "2020"], ["history"], ["sql", "SELECT 1"],
                ["export", "vendors"], ["import", "vendors", "none.csv"], ["backup", "b.sqlite"], ["migrate"], ["init"], ["seed"],
            ]
            var refused = 0
            for command in commands {
                for (arguments, environment, status) in [(["--db", ""] + command, [String: String](), Int32(64)),
                                                         (command + ["--db", ""], [:], 64), (command, ["DRC_DB": ""], 1)] {
                    let result = try drc(arguments, in: folder, environment: environment)
                    try Self.expectClean(result, "\(arguments) \(environment)")
                    #expect(result.status == status, "\(arguments) \(environment): \(result.status) \(result.stderr)")
                    #expect(result.stderr.contains("--db is empty") || result.stderr.contains("DRC_DB is set but empty"))
                    refused += result.status == status ? 1 : 0
                }
            }
            #expect(try Self.fingerprint(perUser) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".local"])
            Self.report("empty database paths: \(refused) of \(commands.count * 3) runs (\(commands.count) commands × --db '' before, "
                        + "after, DRC_DB='') refused; the per-user database untouched")
        }
    }

    // MARK: Helpers

    /// SplitMix64: the same sequence on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func shell(_ script: String, in folder: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder, "DRC_USER": "clerk", "LANG": "C.UTF-8"]
        try process.run()
        return process
    }

    /// The figures the closing note reports, printed with the test output.
    static func report(_ line: String) {
        print("reliability: \(line)")
    }
}
