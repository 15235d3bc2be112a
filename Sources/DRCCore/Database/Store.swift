import SQLiteDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records database: one SQLite file, opened under the rules that keep records safe. Only
/// `create` makes a new file, so a mistyped path never scatters records into an empty one.
public final class Store {
    public let db: Connection
    public let path: String
    /// Where every stamp of this store's changes reads the time.
    public let clock: Clock

    public enum Access: Sendable {
        /// An existing database whose schema is current, for reading and writing.
        case readWrite
        /// An existing database whose schema is current, opened read-only.
        case readOnly
        /// An existing database whatever its schema version (for `migrate`).
        case anyVersion
        /// An existing database whatever its schema version, opened read-only: `backup` copies
        /// a database an older drc left, so an upgrade is backed up before it migrates.
        case readOnlyAnyVersion
        /// A new database file; an existing file is refused.
        case create
    }

    /// Marks a file as drc's (`PRAGMA application_id`, the bytes "DRC1"), set by migration 5.
    public static let applicationID: Int64 = 0x4452_4331

    public init(path: String, access: Access = .readWrite, clock: Clock = .system) throws {
        self.path = path
        self.clock = clock
        if access == .create {
            // Anything at the path, a dangling link included, is left alone.
            guard !Store.entryExists(path) else { throw DRCError.databaseExists(path: path) }
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else { throw DRCError.databaseMissing(path: path) }
            // A pipe would make every read wait forever; a device or folder is not a database.
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw DRCError.notARegularFile(path: path) }
        }
        do {
            switch access {
            case .create: db = try Connection(path: path, mode: .create)
            case .readOnly, .readOnlyAnyVersion: db = try Connection(path: path, mode: .readOnly)
            // Left in its journal mode until it is known to be drc's, so another program's
            // file is not changed by a look at it.
            case .readWrite, .anyVersion: db = try Connection(path: path, mode: .readWrite, writeAheadLog: false)
            }
        } catch let error as SQLiteError {
            throw Store.openError(error, path: path)
        }
        switch access {
        case .create:
            try Migrator().migrate(db, now: clock.now().stamp)
        case .readWrite, .readOnly:
            try Store.checkBelongsToDrc(db, path: path)
            let status = try Migrator().status(of: db)
            if !status.pending.isEmpty { throw DRCError.pendingMigrations(count: status.pending.count) }
            if access == .readWrite { try db.enableWriteAheadLog() }
        case .anyVersion:
            try Store.checkBelongsToDrc(db, path: path)
            try db.enableWriteAheadLog()
        case .readOnlyAnyVersion:
            try Store.checkBelongsToDrc(db, path: path)
        }
    }

    /// A store around a connection already opened by `init(path:access:clock:)` (a
    /// `DatabaseService`'s writer or one of its readers), so the service's connections are
    /// checked by the same rules and the repositories take it as they take any store.
    init(opened db: Connection, path: String, clock: Clock) {
        self.db = db
        self.path = path
        self.clock = clock
    }

    /// A drc database carries drc's application id, or (made before migration 5) drc's
    /// migration table with drc's first migration. Anything else is another program's file.
    static func checkBelongsToDrc(_ db: Connection, path: String) throws {
        let mark = try db.scalar("PRAGMA application_id")?.int64 ?? 0
        if mark == applicationID { return }
        // Another program's table of the same name may have other columns: a failing look is a no.
        if mark == 0, let first = MigrationRegistry.all.first,
           (try? db.scalar("SELECT name FROM schema_migrations WHERE version = 1"))??.string == first.name {
            return
        }
        throw DRCError.notDrcDatabase(path: path)
    }

    static func openError(_ error: SQLiteError, path: String) -> DRCError {
        switch error.primaryCode {
        case SQLiteCode.notADatabase, SQLiteCode.corrupt:
            return .notADatabase(path: path)
        case SQLiteCode.readOnly:
            return .cannotOpen(path: path, reason: .readOnlyLocation)
        case SQLiteCode.cantOpen, SQLiteCode.permission:
            return .cannotOpen(path: path, reason: .permissionDenied)
        default:
            return .cannotOpen(path: path, reason: .sqlite(error.message))
        }
    }

    public static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// True when something is at the path, a link to nothing included.
    public static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// True for a regular file, or a link to one.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
