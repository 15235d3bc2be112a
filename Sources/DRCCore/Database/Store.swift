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

    public enum Access: Sendable {
        /// An existing database whose schema is current, for reading and writing.
        case readWrite
        /// An existing database whose schema is current, opened read-only.
        case readOnly
        /// An existing database whatever its schema version (for `migrate`).
        case anyVersion
        /// A new database file; an existing file is refused.
        case create
    }

    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        let exists = Store.fileExists(path)
        switch access {
        case .create where exists:
            throw DRCError.databaseExists(path: path)
        case .readWrite, .readOnly, .anyVersion:
            guard exists else { throw DRCError.databaseMissing(path: path) }
        default:
            break
        }
        do {
            switch access {
            case .create: db = try Connection(path: path, mode: .create)
            case .readOnly: db = try Connection(path: path, mode: .readOnly)
            case .readWrite, .anyVersion: db = try Connection(path: path, mode: .readWrite)
            }
        } catch let error as SQLiteError {
            throw Store.openError(error, path: path)
        }
        switch access {
        case .create:
            try Migrator().migrate(db)
        case .readWrite, .readOnly:
            let status = try Migrator().status(of: db)
            if !status.pending.isEmpty { throw DRCError.pendingMigrations(count: status.pending.count) }
        case .anyVersion:
            break
        }
    }

    static func openError(_ error: SQLiteError, path: String) -> DRCError {
        switch error.primaryCode {
        case SQLiteCode.notADatabase, SQLiteCode.corrupt:
            return .notADatabase(path: path)
        case SQLiteCode.readOnly:
            return .cannotOpen(path: path, reason: "the file or its folder is read-only")
        case SQLiteCode.cantOpen, SQLiteCode.permission:
            return .cannotOpen(path: path, reason: "permission denied or the folder does not exist")
        default:
            return .cannotOpen(path: path, reason: error.message)
        }
    }

    public static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
