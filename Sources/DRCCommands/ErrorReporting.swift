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
        Speech.language = LanguageChoice.choose(arguments: arguments ?? Array(CommandLine.arguments.dropFirst()),
                                                environment: Self.localeEnvironment())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let error as DRCError {
            report(error.description + hint(for: error))
        } catch let error as SQLiteError {
            report(describe(error))
        } catch {
            // swift-argument-parser's messages echo what was typed (an unknown option, a bad
            // value), so they are escaped like every other error; help and version are drc's
            // own text and print as they are.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
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

    /// SQLite's failures that reach the user, in words that say what to do.
    static func describe(_ error: SQLiteError) -> String {
        switch error.primaryCode {
        case SQLiteCode.full:
            return "the disk is full (or a file-size limit was reached); nothing of this change was written. Free some space and try again"
        case SQLiteCode.ioError:
            return "the disk reported an error while writing (\(error.message)); nothing of this change was written"
        case SQLiteCode.readOnly:
            return "the database file (or its folder) is read-only; nothing was written. Check its permissions"
        case SQLiteCode.corrupt, SQLiteCode.notADatabase:
            return "the database file is damaged (\(error.message)); restore it from a backup (drc backup makes one)"
        case SQLiteCode.busy, SQLiteCode.locked:
            return "the database stayed busy with another writer for too long; try again"
        default:
            return "the database reported an error: \(error.message)"
        }
    }

    /// Every `drc: error:` line: escaped, so the values it quotes cannot drive the terminal.
    private static func report(_ message: String) -> Never {
        Console.error("drc: error: \(message)")
        Glibc.exit(1)
    }

    /// What the user can do next, in command-line words the core does not know.
    private static func hint(for error: DRCError) -> String {
        switch error {
        case .databaseMissing:
            return ".\nCreate one with `drc init --db PATH` (or `drc demo` for a seeded example), or name the right file with --db."
        case .pendingMigrations:
            return ".\nRun `drc migrate` to bring it up to date (it backs the database up first)."
        default:
            return ""
        }
    }
}
