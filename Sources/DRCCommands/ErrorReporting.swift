import ArgumentParser
import DRCCore
import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

extension Drc {
    /// Parses and runs a command. Domain errors print as one plain line on standard error with
    /// exit status 1; usage errors keep swift-argument-parser's message and status 64.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let error as DRCError {
            report(error.description + hint(for: error))
        } catch let error as SQLiteError {
            report("the database reported an error: \(error.message)")
        } catch {
            exit(withError: error)
        }
    }

    private static func report(_ message: String) -> Never {
        var standardError = StandardError()
        print("drc: error: \(message)", to: &standardError)
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

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
