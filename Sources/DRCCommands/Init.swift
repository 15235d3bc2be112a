import ArgumentParser
import DRCCore

extension Drc {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new, empty database at the latest schema version.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let path = try root.global.databasePath()
            try DatabaseLocation.createParentFolders(of: path)
            let store = try Store(path: path, access: .create)
            let status = try Migrator().status(of: store.db)
            Console.line("Created \(path) at schema version \(status.currentVersion).")
        }
    }
}
