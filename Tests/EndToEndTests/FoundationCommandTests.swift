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
