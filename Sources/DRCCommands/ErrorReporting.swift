import ArgumentParser
import DRCCore
import DRCText
import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

extension Drc {
    /// Parses and runs a command. Domain errors print as one plain line on standard error with
    /// exit status 1; usage errors keep swift-argument-parser's message and status 64.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        // A file-size limit (ulimit -f) should fail a write with an error, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        // Chosen before parsing: help is rendered while the arguments are parsed.
        let given = arguments ?? Array(CommandLine.arguments.dropFirst())
        // The record commands' field sections take time to lay out; only help shows them.
        Speech.showsHelp = given.first == "help" || given.contains { $0 == "-h" || $0 == "--help" }
        Speech.language = LanguageChoice.choose(arguments: given,
                                                environment: Self.localeEnvironment())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let error as DRCError {
            report(Speech.messages.error(error) + hint(for: error))
        } catch let error as SQLiteError {
            report(Speech.messages.storage(error))
        } catch {
            // swift-argument-parser's messages echo what was typed (an unknown option, a bad
            // value), so they are escaped like every other error; help and version are drc's
            // own text and print as they are.
            let code = exitCode(for: error)
            let message = Speech.language == .zh ? ParserMessageText.chinese(fullMessage(for: error)) : fullMessage(for: error)
            if code.rawValue == 0 {
                if !message.isEmpty { Console.exact(message + "\n") }
            } else if !message.isEmpty {
                Console.error(message)
            }
            Glibc.exit(code.rawValue)
        }
    }

    /// The locale variables, which choose the language when `--lang` is not given.
    static func localeEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// Every `drc: error:` line (`drc: 错误：` in Chinese): escaped, so the values it quotes
    /// cannot drive the terminal.
    private static func report(_ message: String) -> Never {
        Console.error(errorLine(message))
        Glibc.exit(1)
    }

    /// An error line in the chosen language, for commands that report an error and go on
    /// (an import's row errors) as well as for `report`.
    static func errorLine(_ message: String) -> String {
        Speech.say("drc: 错误：\(message)", "drc: error: \(message)")
    }

    /// What the user can do next, in command-line words the core does not know.
    private static func hint(for error: DRCError) -> String {
        switch error {
        case .databaseMissing:
            return Speech.say("。\n用 `drc init --db PATH` 新建一个（或用 `drc demo` 建一个带示例数据的），或者用 --db 指定正确的文件。",
                              ".\nCreate one with `drc init --db PATH` (or `drc demo` for a seeded example), or name the right file with --db.")
        case .pendingMigrations:
            return Speech.say("。\n请运行 `drc migrate` 把它升级到最新（升级前会先备份数据库）。",
                              ".\nRun `drc migrate` to bring it up to date (it backs the database up first).")
        case .invalid("header", _, .unknownColumn), .invalid("header", _, .unknownColumns):
            return Speech.say("。\n供应商自己的列名可用 --map '列名=字段' 对应到字段，不需要的列用 --ignore 列名 跳过。",
                              ".\nMap a vendor's own column names to fields with --map 'column=field', or skip columns with --ignore COLUMN.")
        case .reportOverErrors(let year, _):
            return Speech.say("。\n用 `drc check --year \(year)` 查看并改正；不加 --strict 时报告照常生成，并提示这些错误。",
                              ".\nSee and correct them with `drc check --year \(year)`; without --strict the report is written with a warning.")
        default:
            return ""
        }
    }
}
