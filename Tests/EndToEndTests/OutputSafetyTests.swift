import Foundation
import Testing

/// No output option can overwrite the database: not export -o, report -o, import --rejects or
/// backup; not the file itself, a link to it, its -wal or -journal, or another drc database.
@Suite struct OutputSafetyTests {
    /// Every output option, as the arguments that write to `target`.
    static let commands: [(name: String, arguments: @Sendable (String) -> [String])] = [
        ("export -o", { ["export", "vendors", "-o", $0] }),
        ("report -o", { ["report", "--year", "2020", "-o", $0] }),
        ("import --rejects", { ["import", "vendors", "bad.csv", "--skip-bad", "--rejects", $0] }),
        ("backup", { ["backup", $0] }),
    ]
    static let targets = ["d.sqlite", "./d.sqlite", "link-to-db.csv", "d.sqlite-wal", "d.sqlite-journal", "other.sqlite"]

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Runs every command against every target; returns how many were refused as they must be.
    static func tryEveryOutputOnTheDatabase(in folder: String) throws -> Int {
        #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
        #expect(try drc(["init", "--db", "other.sqlite"], in: folder).status == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link-to-db.csv", withDestinationPath: "d.sqlite")
        try Data("name,active\n新公司,yes\n坏公司,maybe\n".utf8).write(to: URL(fileURLWithPath: folder + "/bad.csv"))
        var refused = 0
        for (name, arguments) in commands {
            for target in targets {
                let database = bytes(folder + "/d.sqlite"), other = bytes(folder + "/other.sqlite")
                let vendors = try drc(["sql", "SELECT count(*) FROM vendor", "--db", "d.sqlite", "--format", "csv"], in: folder).stdout
                let result = try drc(arguments(target) + ["--db", "d.sqlite"], in: folder)
                #expect(result.status == 1, "\(name) \(target): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix("drc: error: "), "\(name) \(target): \(result.stderr)")
                #expect(result.stderr.contains("nothing was written") || result.stderr.contains("already exists"),
                        "\(name) \(target): \(result.stderr)")
                #expect(bytes(folder + "/d.sqlite") == database, "\(name) \(target) changed the database")
                #expect(bytes(folder + "/other.sqlite") == other, "\(name) \(target) changed the other database")
                #expect(try drc(["sql", "SELECT count(*) FROM vendor", "--db", "d.sqlite", "--format", "csv"], in: folder).stdout == vendors)
                #expect(!FileManager.default.fileExists(atPath: folder + "/d.sqlite-journal"), "\(name) \(target)")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".drc-") }
                #expect(leftovers.isEmpty, "\(name) \(target) left \(leftovers)")
                if result.status == 1 && bytes(folder + "/d.sqlite") == database { refused += 1 }
            }
        }
        #expect(try drc(["check", "--db", "d.sqlite"], in: folder).status != 64)
        return refused
    }

    @Test func noOutputOptionOverwritesTheDatabase() throws {
        try withTemporaryFolder { folder throws in
            let refused = try Self.tryEveryOutputOnTheDatabase(in: folder)
            #expect(refused == Self.commands.count * Self.targets.count)
        }
    }

    @Test func theMessageNamesWhatThePathIs() throws {
        try withTemporaryFolder { folder throws in
            #expect(try drc(["demo", "--db", "d.sqlite"], in: folder).status == 0)
            #expect(try drc(["init", "--db", "other.sqlite"], in: folder).status == 0)
            let cases = [("d.sqlite", "d.sqlite is the database d.sqlite itself; nothing was written"),
                         ("d.sqlite-wal", "d.sqlite-wal is one of the database's own files"),
                         ("other.sqlite", "other.sqlite is a SQLite database; drc never writes an output over a database"),
                         (".", ". is a folder"), ("no/such/out.csv", "the folder of no/such/out.csv does not exist")]
            for (target, message) in cases {
                let result = try drc(["export", "vendors", "-o", target, "--db", "d.sqlite"], in: folder)
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(target): \(result.stderr)")
            }
            // An ordinary file is replaced, whole, as before; the report goes through the same sink.
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/out.md"))
            #expect(try drc(["report", "--year", "2020", "-o", "out.md", "--db", "d.sqlite"], in: folder).status == 0)
            #expect(try String(contentsOfFile: folder + "/out.md", encoding: .utf8).hasPrefix("#"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".drc-") }.isEmpty)
        }
    }
}
