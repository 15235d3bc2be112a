import Foundation
import Testing

/// An empty `--db` or `DRC_DB` used to fall back to the per-user database silently: records
/// went where the clerk did not ask. Both are refused, and the per-user database is untouched.
@Suite struct EmptyDatabasePathTests {
    /// A per-user database (under HOME, which the test run sets to the folder) with one vendor.
    func perUserDatabase(_ folder: String) throws -> String {
        #expect(try drc(["init"], in: folder).status == 0)
        #expect(try drc(["vendor", "add", "--name", "私人供应商"], in: folder).status == 0)
        let path = folder + "/.local/share/drc/drc.sqlite"
        #expect(FileManager.default.fileExists(atPath: path))
        return path
    }

    @Test(arguments: [
        ["--db", "", "vendor", "list"], ["vendor", "list", "--db", ""], ["vendor", "add", "--name", "x", "--db", ""],
        ["init", "--db", ""], ["demo", "--db", ""], ["migrate", "--db", ""], ["backup", "copy.sqlite", "--db", ""],
    ])
    func anEmptyDbOptionIsAUsageError(arguments: [String]) throws {
        try withTemporaryFolder { folder throws in
            let perUser = try perUserDatabase(folder)
            let before = try ReliabilityTests.fingerprint(perUser)
            let result = try drc(arguments, in: folder)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--db is empty; give the database file"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(try ReliabilityTests.fingerprint(perUser) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".local"])
        }
    }

    @Test(arguments: [["vendor", "list"], ["vendor", "add", "--name", "x"], ["init"], ["migrate"]])
    func anEmptyDrcDbIsRefused(arguments: [String]) throws {
        try withTemporaryFolder { folder throws in
            let perUser = try perUserDatabase(folder)
            let before = try ReliabilityTests.fingerprint(perUser)
            let result = try drc(arguments, in: folder, environment: ["DRC_DB": ""])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr == "drc: error: the environment variable DRC_DB is set but empty; put the database file in it, "
                    + "or unset it to use the per-user database\n")
            #expect(result.stdout.isEmpty)
            #expect(try ReliabilityTests.fingerprint(perUser) == before)
        }
    }

    @Test func anUnsetDrcDbStillMeansThePerUserDatabase() throws {
        try withTemporaryFolder { folder throws in
            _ = try perUserDatabase(folder)
            #expect(try drc(["vendor", "list", "--format", "csv"], in: folder).stdout.contains("私人供应商"))
        }
    }
}
