import SQLiteDB

/// Copies of the database, made with SQLite's online backup so other writers may go on.
public enum MaintenanceTasks {
    /// Writes a consistent copy of the database to `destination`, which must not exist yet.
    public static func backup(_ store: Store, to destination: String) throws {
        guard !Store.fileExists(destination) else { throw DRCError.databaseExists(path: destination) }
        do {
            let copy = try Connection(path: destination, mode: .create)
            try store.db.backup(to: copy)
        } catch let error as SQLiteError {
            throw DRCError.storage("the backup to \(destination) failed: \(error.message)")
        }
    }

    /// Backs up before a migration, beside the database, to a name that is not taken yet.
    public static func backupBeforeMigrating(_ store: Store) throws -> String {
        let stamp = Clock.timestamp().filter { $0.isNumber }
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
