import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// Copies of the database, made with SQLite's online backup so other writers may go on.
public enum MaintenanceTasks {
    /// Writes a consistent copy of the database to `destination`, which must not exist yet.
    /// The copy is made under a temporary name of this process's own (`NAME.drc-partial-PID`)
    /// and renamed when whole, so a failed backup leaves no file that looks like one, and a
    /// partial left by a killed run neither blocks this one nor stays: those whose process is
    /// gone are removed first. `OutputPath` checks both names, so neither can be the database
    /// or one of its files (a -wal or -journal that does not exist yet).
    public static func backup(_ store: Store, to destination: String) throws {
        guard !Store.fileExists(destination) else { throw DRCError.databaseExists(path: destination) }
        try OutputPath.check(destination, database: store.path)
        removeStalePartials(of: destination)
        let partial = destination + partialMark + String(getpid())
        for suffix in companions { try OutputPath.check(partial + suffix, database: store.path) }
        do {
            try copy(store, to: partial)
            guard rename(partial, destination) == 0 else {
                throw DRCError.storage(.backupNotMoved(destination: destination, errno: errno))
            }
        } catch {
            for suffix in companions { unlink(partial + suffix) }
            if let error = error as? SQLiteError {
                throw DRCError.storage(.backupFailed(destination: destination, message: error.message))
            }
            throw error
        }
    }

    static let companions = ["", "-wal", "-shm", "-journal"]
    static let partialMark = ".drc-partial-"

    /// Removes the partial copies of `destination` whose backup is no longer running: those
    /// named with a process id that no longer exists, and the unnumbered `.drc-partial` that
    /// earlier versions used. A partial of a backup still running is left alone.
    static func removeStalePartials(of destination: String) {
        let (folder, name) = OutputPath.split(destination) ?? (".", destination)
        removeStalePartials(in: folder) { $0 == name }
    }

    /// Removes, in `folder`, the partial copies (with their -wal, -shm and -journal) of the names
    /// `owned` accepts, when the backup that wrote them is no longer running. A dated backup is
    /// named afresh each time, so `backup --keep` clears the partials of every dated name: a
    /// backup killed yesterday leaves nothing behind once today's has run.
    public static func removeStalePartials(in folder: String, of owned: (String) -> Bool) {
        guard let entries = directoryEntries(folder) else { return }
        let legacyMark = ".drc-partial"
        for entry in entries {
            var base = Substring(entry)
            for suffix in ["-wal", "-shm", "-journal"] where base.hasSuffix(suffix) { base = base.dropLast(suffix.count) }
            let stale: Bool
            if base.hasSuffix(legacyMark) {
                stale = owned(String(base.dropLast(legacyMark.count)))
            } else if let dash = base.lastIndex(of: "-"), let pid = Int32(base[base.index(after: dash)...]),
                      base[..<dash].hasSuffix(legacyMark), owned(String(base[..<dash].dropLast(legacyMark.count))) {
                stale = kill(pid, 0) != 0 && errno == ESRCH
            } else {
                stale = false
            }
            if stale { unlink(folder + "/" + entry) }
        }
    }

    /// The names in `folder`, or nil when it cannot be read.
    static func directoryEntries(_ folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The copy itself; the connection to it closes (checkpointing its WAL) on return.
    private static func copy(_ store: Store, to path: String) throws {
        let copy = try Connection(path: path, mode: .create)
        try store.db.backup(to: copy)
        try copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        // One self-contained file: a copy opened read-only (to check it) leaves no -wal or
        // -shm beside it; drc switches it back to WAL when it is restored and opened.
        _ = try copy.scalar("PRAGMA journal_mode = DELETE")
    }

    /// Removes a backup and its companion files (a migration that changed nothing needs none).
    public static func removeBackup(_ path: String) {
        for suffix in companions { unlink(path + suffix) }
    }

    /// Backs up before a migration, beside the database, to a name that is not taken yet.
    public static func backupBeforeMigrating(_ store: Store) throws -> String {
        let stamp = store.clock.now().digits
        var destination = "\(store.path).backup-\(stamp)"
        var attempt = 1
        while Store.fileExists(destination) {
            attempt += 1
            destination = "\(store.path).backup-\(stamp)-\(attempt)"
        }
        try backup(store, to: destination)
        return destination
    }
}
