import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// Copies of the database, made with SQLite's online backup so other writers may go on.
public enum MaintenanceTasks {
    /// Writes a consistent copy of the database to `destination`, which must not exist yet.
    /// The copy is made under a temporary name and renamed when whole, so a failed backup
    /// leaves no file that looks like one. `OutputPath` checks both names, so neither can be
    /// the database or one of its files (a -wal or -journal that does not exist yet).
    public static func backup(_ store: Store, to destination: String) throws {
        guard !Store.fileExists(destination) else { throw DRCError.databaseExists(path: destination) }
        let partial = destination + ".drc-partial"
        try OutputPath.check(destination, database: store.path)
        for suffix in ["", "-wal", "-shm", "-journal"] { try OutputPath.check(partial + suffix, database: store.path) }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(partial + suffix) }
        do {
            try copy(store, to: partial)
            guard rename(partial, destination) == 0 else {
                throw DRCError.storage(.backupNotMoved(destination: destination, errno: errno))
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(partial + suffix) }
            if let error = error as? SQLiteError {
                throw DRCError.storage(.backupFailed(destination: destination, message: error.message))
            }
            throw error
        }
    }

    /// The copy itself; the connection to it closes (checkpointing its WAL) on return.
    private static func copy(_ store: Store, to path: String) throws {
        let copy = try Connection(path: path, mode: .create)
        try store.db.backup(to: copy)
        try copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Removes a backup and its companion files (a migration that changed nothing needs none).
    public static func removeBackup(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
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
