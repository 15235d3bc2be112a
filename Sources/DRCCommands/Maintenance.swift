import ArgumentParser
import DRCCore

extension Drc {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query (SELECT …) on the database.",
            discussion: "The database is opened read-only and the query may only read: writes, ATTACH, PRAGMA settings and second statements are refused.")

        @ParentCommand var root: Drc
        @Argument(help: "The query, e.g. \"SELECT name FROM vendor\".") var query: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            output.print(try ReadOnlyQuery.run(store, query))
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a new file, consistently, while others may keep writing.")

        @ParentCommand var root: Drc
        @Argument(help: "The new file; an existing file is never overwritten.") var file: String

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            try MaintenanceTasks.backup(store, to: file)
            print("Backed up \(store.path) to \(file).")
        }
    }
}
