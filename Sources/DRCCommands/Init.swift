import ArgumentParser
import DRCCore

extension Drc {
    struct Init: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Speech.say("新建一个空数据库，结构为最新版本。", "Create a new, empty database at the latest schema version."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let path = try root.global.databasePath()
            try DatabaseLocation.createParentFolders(of: path)
            let store = try Store(path: path, access: .create)
            let status = try Migrator().status(of: store.db)
            Console.line(Speech.say("已新建 \(path)，结构版本 \(status.currentVersion)。", "Created \(path) at schema version \(status.currentVersion)."))
        }
    }
}
