import ArgumentParser
import DRCCore

/// Options every command shares. The root declares them, so `drc --db x.sqlite order list`
/// and `drc order list --db x.sqlite` both work; each leaf command declares them too, with
/// `@OptionGroup var global`, so its own help shows them (swift-argument-parser hands the
/// leaf the value the root decoded: `global` and `root.global` are the same).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Speech.say("数据库文件（默认：$DRC_DB，再不然为本用户的数据库）。", "The database file (default: $DRC_DB, else the per-user database)."), valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(Speech.say("谁在修改，记入历史（默认：$DRC_USER，再不然为登录名）。", "Who is making the change, for the history (default: $DRC_USER, else the login name)."), valueName: "name"))
    var actor: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp(Speech.say("输出和帮助的语言：zh（中文）或 en（英文）；默认按区域设置。", "The language of messages and help: zh or en (default: the locale's)."),
                                                          valueName: "zh|en"))
    var language: String?

    /// `--db ''` is a usage error (exit 64): the option was given without a file, like a
    /// missing value. An empty `DRC_DB` is not an argument, so the core refuses it (exit 1).
    func validate() throws {
        if let language, Language(rawValue: language.lowercased()) == nil {
            throw ValidationError("--lang \"\(language)\": use zh (中文) or en (English)")
        }
        if db?.isEmpty == true {
            throw ValidationError(Speech.say("--db 为空；请给出数据库文件（或不写 --db，使用 $DRC_DB 或本用户的数据库）",
                                             "--db is empty; give the database file (or leave --db out to use $DRC_DB or the per-user database)"))
        }
    }

    func databasePath() throws -> String { try DatabaseLocation.resolve(explicit: db) }

    var actorName: String { Actor.resolve(explicit: actor) }

    /// Opens the database for the command: it must exist and its schema must be current.
    func openStore(readOnly: Bool = false) throws -> Store {
        try Store(path: databasePath(), access: readOnly ? .readOnly : .readWrite)
    }
}
