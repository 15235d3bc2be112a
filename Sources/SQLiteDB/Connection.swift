import CSQLite

/// An open SQLite database. One connection is used from one thread at a time.
public final class Connection {
    public enum Mode: Sendable {
        /// Open an existing database for reading and writing; a missing file is an error.
        case readWrite
        /// Open for reading and writing, creating the file when it does not exist.
        case create
        /// Open for reading only: every write fails with `SQLITE_READONLY`.
        case readOnly
    }

    let handle: OpaquePointer
    public let path: String
    public let mode: Mode
    private var cache: [String: Statement] = [:]
    private var savepointDepth = 0
    /// The deadline SQLite's progress handler reads (see `setDeadline`); held here so it lives
    /// as long as the handler may call it.
    var deadline: RunDeadline?

    /// Opens the database defensively: the handle is closed if anything fails, extended result
    /// codes and foreign keys are on, a busy timeout lets concurrent writers wait their turn, and
    /// a file that is not a database fails here rather than at the first query.
    /// With `writeAheadLog` false the journal mode is left as the file has it, so a caller can
    /// look at a file before changing anything in it (`enableWriteAheadLog` switches later).
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 30_000,
                writeAheadLog: Bool = true) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        _ = Connection.libraryConfigured
        var opened: OpaquePointer?
        let rc = sqlite3_open_v2(path, &opened, flags, nil)
        guard rc == SQLITE_OK, let opened else {
            let error = SQLiteError(handle: opened, code: rc, sql: nil)
            sqlite3_close_v2(opened)
            throw error
        }
        self.handle = opened
        self.path = path
        self.mode = mode
        do {
            try setUp(busyTimeoutMilliseconds: busyTimeoutMilliseconds, writeAheadLog: writeAheadLog)
        } catch {
            cache.removeAll()
            sqlite3_close_v2(opened)
            throw error
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Process-wide settings, made once before the library initialises on the first open.
    private static let libraryConfigured: Bool = {
        drc_sqlite_disable_memory_statistics() == SQLITE_OK
    }()

    private func setUp(busyTimeoutMilliseconds: Int32, writeAheadLog: Bool) throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        // Reading the schema proves the file is a database (SQLITE_NOTADB otherwise).
        _ = try scalar("SELECT count(*) FROM sqlite_master")
        try execute("PRAGMA foreign_keys = ON")
        if mode == .readOnly {
            try execute("PRAGMA query_only = ON")
        } else if writeAheadLog {
            try enableWriteAheadLog()
        }
    }

    /// WAL lets readers run beside a writer. FULL sync makes every commit durable: with
    /// NORMAL, SQLite's documentation says a committed transaction may roll back after a power
    /// cut or an operating-system crash, so a caller told "saved" could lose the write. FULL
    /// syncs the log at each commit; a bulk write that is one transaction pays it once.
    public func enableWriteAheadLog() throws {
        _ = try scalar("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = FULL")
    }

    // MARK: Statements

    /// Compiles exactly one statement. Trailing SQL after it is refused, so that a second
    /// statement can never ride along unseen.
    public func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        var trailing = false
        let rc = sql.withCString { start -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(handle, start, -1, 0, &statement, &tail)
            if rc == SQLITE_OK, let tail {
                trailing = !String(cString: tail).allSatisfy { $0.isWhitespace || $0 == ";" }
            }
            return rc
        }
        guard rc == SQLITE_OK else {
            throw SQLiteError(handle: handle, code: rc, sql: sql)
        }
        guard let statement else {
            throw SQLiteError(extendedCode: SQLiteCode.misuse, message: "no SQL statement to prepare", sql: sql)
        }
        if trailing {
            sqlite3_finalize(statement)
            throw SQLiteError(
                extendedCode: SQLiteCode.misuse,
                message: "only one statement may be prepared at a time; found more SQL after the first",
                sql: sql)
        }
        return Statement(handle: statement, connection: handle, sql: sql)
    }

    /// A prepared statement kept for reuse: the same SQL text compiles only once per connection.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Runs a script of several statements one at a time, so an error names the statement
    /// that failed.
    public func execute(_ script: String) throws {
        var bytes = Array(script.utf8CString)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            guard var cursor = UnsafePointer(buffer.baseAddress) else { return }
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                let text = tail.map { sqlText(from: cursor, to: $0) } ?? String(cString: cursor)
                guard rc == SQLITE_OK else {
                    throw SQLiteError(handle: handle, code: rc, sql: text)
                }
                if let statement {
                    defer { sqlite3_finalize(statement) }
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else {
                        throw SQLiteError(handle: handle, code: step, sql: text)
                    }
                }
                guard let tail, tail != cursor else { break }
                cursor = tail
            }
        }
    }

    private func sqlText(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let count = end - start
        return start.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }.trimmingSpaces()
    }

    /// Runs one statement with bound values through the statement cache.
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        try cached(sql).run(values)
    }

    public func run(_ sql: String, _ values: any SQLiteBindable...) throws {
        try cached(sql).run(values.map(\.sqliteValue))
    }

    /// Runs one statement and copies its rows out.
    public func rows(_ sql: String, _ values: [SQLiteValue] = []) throws -> [Row] {
        try cached(sql).rows(values)
    }

    public func rows(_ sql: String, _ values: any SQLiteBindable...) throws -> [Row] {
        try cached(sql).rows(values.map(\.sqliteValue))
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ values: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try cached(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.value(at: 0) : nil
    }

    public func scalar(_ sql: String, _ values: any SQLiteBindable...) throws -> SQLiteValue? {
        try scalar(sql, values.map(\.sqliteValue))
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Transactions

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Writes take the write lock up front (IMMEDIATE), so a busy database makes the caller
    /// wait at BEGIN rather than fail halfway. The first error is the one reported.
    ///
    /// Inside a transaction it becomes a savepoint (as GRDB's `inSavepoint`): its work is
    /// undone alone when it throws, and kept or undone with the outer transaction otherwise,
    /// so repositories can run inside a caller's transaction and one command changes several
    /// records all or nothing.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in a savepoint, which nests inside a transaction or another savepoint.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "drc_savepoint_\(savepointDepth)"
        defer { savepointDepth -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    // MARK: Backup

    /// Copies this database into `destination` with the online backup API, which gives a
    /// consistent snapshot while other connections keep writing.
    public func backup(to destination: Connection) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError(handle: destination.handle, code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw SQLiteError(extendedCode: rc, message: String(cString: sqlite3_errstr(rc)), sql: nil)
        }
        guard finish == SQLITE_OK else {
            throw SQLiteError(handle: destination.handle, code: finish, sql: nil)
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
