@testable import DRCCore
import Foundation
import Testing

/// `OutputPath.check`: the one decision on whether an output may be written at a path.
@Suite struct OutputPathTests {
    func problem(_ path: String, _ store: Store, inputs: [String] = []) -> OutputProblem? {
        do {
            try OutputPath.check(path, database: store.path, inputs: inputs)
            return nil
        } catch DRCError.unsafeOutput(_, let problem) {
            return problem
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func theDatabaseIsRefusedHoweverItIsNamed() throws {
        try withStore { store throws in
            let folder = (store.path as NSString).deletingLastPathComponent
            let itself = OutputProblem.isTheDatabase(database: store.path)
            #expect(problem(store.path, store) == itself)
            #expect(problem(folder + "/./drc.sqlite", store) == itself)
            #expect(problem(folder + "//drc.sqlite", store) == itself)
            try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
            #expect(problem(folder + "/sub/../drc.sqlite", store) == itself)
            try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: store.path)
            #expect(problem(folder + "/link.csv", store) == itself)
            #expect(link(store.path, folder + "/hard.csv") == 0)
            #expect(problem(folder + "/hard.csv", store) == itself)
            // A folder linked to the database's folder.
            try FileManager.default.createSymbolicLink(atPath: folder + "/alias", withDestinationPath: folder)
            #expect(problem(folder + "/alias/drc.sqlite", store) == itself)
        }
    }

    @Test func theDatabasesCompanionsAreRefusedEvenBeforeTheyExist() throws {
        try withStore { store throws in
            let companion = OutputProblem.isADatabaseCompanion(database: store.path)
            for suffix in ["-wal", "-shm", "-journal"] {
                #expect(problem(store.path + suffix, store) == companion, "\(suffix)")
            }
            #expect(!FileManager.default.fileExists(atPath: store.path + "-journal"))
        }
    }

    @Test func anySQLiteFileAndTheInputAreRefused() throws {
        try withStore { store throws in
            let folder = (store.path as NSString).deletingLastPathComponent
            _ = try Store(path: folder + "/other.sqlite", access: .create)
            #expect(problem(folder + "/other.sqlite", store) == .isAnotherDatabase)
            // Only the 16-byte header decides, whatever the name.
            try Data(OutputPath.sqliteHeader + [1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/looks.csv"))
            #expect(problem(folder + "/looks.csv", store) == .isAnotherDatabase)
            try Data("SQLite format 3 but text\n".utf8).write(to: URL(fileURLWithPath: folder + "/text.csv"))
            #expect(problem(folder + "/text.csv", store) == nil)
            try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: folder + "/in.csv"))
            #expect(problem(folder + "/in.csv", store, inputs: [folder + "/in.csv"]) == .isTheInput)
            #expect(problem(folder + "/./in.csv", store, inputs: ["in.csv", folder + "/in.csv"]) == .isTheInput)
        }
    }

    @Test func foldersDevicesAndMissingFoldersAreRefusedAndOrdinaryFilesAllowed() throws {
        try withStore { store throws in
            let folder = (store.path as NSString).deletingLastPathComponent
            #expect(problem(folder, store) == .isAFolder)
            #expect(problem(folder + "/", store) == .isAFolder)
            #expect(problem(folder + "/missing/out.csv", store) == .folderMissing)
            #expect(problem("/dev/null", store) == .notARegularFile)
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: folder + "/old.csv"))
            #expect(problem(folder + "/old.csv", store) == nil)
            #expect(problem(folder + "/new.csv", store) == nil)
            #expect(problem(folder + "/drc.sqlite.csv", store) == nil)
        }
    }
}
