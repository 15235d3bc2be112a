#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the database lives when the user names none: `$DRC_DB`, else
/// `$XDG_DATA_HOME/drc/drc.sqlite`, else `~/.local/share/drc/drc.sqlite`.
public enum DatabaseLocation {
    /// An empty path, given or in `DRC_DB`, is refused rather than passed over: SQLite would
    /// open a private temporary database for "", and falling back to the per-user database
    /// would put records where the clerk did not ask (a script's unset variable looks like this).
    public static func resolve(explicit: String?) throws -> String {
        if let explicit {
            guard !explicit.isEmpty else {
                throw DRCError.invalid(field: "database path", value: explicit, reason: .emptyPath)
            }
            return explicit
        }
        if let fromEnvironment = Environment.value("DRC_DB") {
            guard !fromEnvironment.isEmpty else { throw DRCError.emptyDatabaseVariable(name: "DRC_DB") }
            return fromEnvironment
        }
        return defaultPath()
    }

    public static func defaultPath() -> String {
        if let data = Environment.value("XDG_DATA_HOME"), data.hasPrefix("/") {
            return data + "/drc/drc.sqlite"
        }
        let home = Environment.value("HOME") ?? "."
        return home + "/.local/share/drc/drc.sqlite"
    }

    /// Creates the folders above `path` when they are missing (only `init` and `demo` do this).
    public static func createParentFolders(of path: String) throws {
        var folder = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            folder += (index == 0 ? "" : "/") + part
            guard !folder.isEmpty, !part.isEmpty else { continue }
            if !Store.fileExists(folder) && mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw DRCError.cannotOpen(path: path, reason: .cannotCreateFolder(folder))
            }
        }
    }
}

/// Who makes a change: `--as NAME`, else `$DRC_USER`, else the login name.
public enum Actor {
    public static func resolve(explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let user = Environment.value("DRC_USER"), !user.isEmpty { return user }
        if let login = Environment.value("USER") ?? Environment.value("LOGNAME"), !login.isEmpty { return login }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

public enum Environment {
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
