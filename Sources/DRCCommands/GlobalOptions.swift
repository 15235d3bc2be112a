import ArgumentParser
import DRCCore

/// Options every command shares. The root declares them, so `drc --db x.sqlite order list`
/// and `drc order list --db x.sqlite` both work; each leaf command declares them too, with
/// `@OptionGroup var global`, so its own help shows them (swift-argument-parser hands the
/// leaf the value the root decoded: `global` and `root.global` are the same).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $DRC_DB, else the per-user database).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is making the change, for the history (default: $DRC_USER, else the login name).", valueName: "name"))
    var actor: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("输出语言 / The language of messages and help: zh or en (default: the locale's).",
                                                          valueName: "zh|en"))
    var language: String?

    /// `--db ''` is a usage error (exit 64): the option was given without a file, like a
    /// missing value. An empty `DRC_DB` is not an argument, so the core refuses it (exit 1).
    func validate() throws {
        if let language, Language(rawValue: language.lowercased()) == nil {
            throw ValidationError("--lang \"\(language)\": use zh (中文) or en (English)")
        }
        if db?.isEmpty == true {
            throw ValidationError("--db is empty; give the database file (or leave --db out to use $DRC_DB or the per-user database)")
        }
    }

    func databasePath() throws -> String { try DatabaseLocation.resolve(explicit: db) }

    var actorName: String { Actor.resolve(explicit: actor) }

    /// Opens the database for the command: it must exist and its schema must be current.
    func openStore(readOnly: Bool = false) throws -> Store {
        try Store(path: databasePath(), access: readOnly ? .readOnly : .readWrite)
    }
}
