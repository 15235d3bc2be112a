/// One database shared by many callers at once (the web server's requests, or a command):
/// one writer connection whose work runs one piece at a time, and a few read-only reader
/// connections beside it (GRDB's `DatabasePool` is the model). In WAL mode a reader sees the
/// last committed state while a write is in progress, so reads never wait for writes.
///
/// Writes are serialized inside the process, so they never meet each other at SQLite's lock;
/// another process's writer is waited for by each connection's busy timeout.
///
/// Each call comes in two forms: a synchronous one for the command line, and an `async` one
/// that suspends its caller while the SQLite work runs on the connection's own queue, so an
/// event loop is never blocked.
public final class DatabasePool: Sendable {
    private let writer: SerializedConnection
    private let readers: ReaderPool

    /// Opens the writer, then `readerCount` readers. Readers must be opened read-only, so a
    /// read can never write; the writer should be in WAL mode for readers to run beside it
    /// (without WAL they are still correct, and wait for the writer's commits instead).
    public init(readerCount: Int, openWriter: () throws -> Connection, openReader: () throws -> Connection) throws {
        guard readerCount >= 1 else {
            throw SQLiteError(extendedCode: SQLiteCode.misuse, message: "a database pool needs at least one reader")
        }
        writer = SerializedConnection(try openWriter(), label: "drc.sqlite.writer")
        var readers: [SerializedConnection] = []
        for index in 1...readerCount {
            let reader = try openReader()
            guard reader.mode == .readOnly else {
                throw SQLiteError(extendedCode: SQLiteCode.misuse, message: "a pool's readers must be opened read-only")
            }
            readers.append(SerializedConnection(reader, label: "drc.sqlite.reader.\(index)"))
        }
        self.readers = ReaderPool(readers)
    }

    /// Closes every connection once the work already queued on it is done: the readers first,
    /// then the writer, so the last to close can checkpoint the WAL and remove it (a read-only
    /// connection cannot). Calls after this fail with SQLite's misuse error.
    public func close() {
        for reader in readers.all { reader.close() }
        writer.close()
    }

    // MARK: Synchronous

    /// Runs `body` in one IMMEDIATE transaction on the writer, after every write before it:
    /// committed when it returns, rolled back when it throws. Transactions inside it nest as
    /// savepoints.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try refuseReentry()
        return try writer.sync { db in try db.transaction(.immediate) { try body(db) } }
    }

    /// Runs `body` on a free reader in one read transaction, so all its queries see the same
    /// committed state.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try refuseReentry()
        let reader = readers.acquireWaiting()
        defer { readers.release(reader) }
        return try reader.sync { db in try db.transaction(.deferred) { try body(db) } }
    }

    // MARK: Asynchronous

    /// `write`, suspending the caller instead of blocking its thread.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await writer.async { db in try db.transaction(.immediate) { try body(db) } }
    }

    /// `read`, suspending the caller (while it waits for a free reader, too) instead of
    /// blocking its thread.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let reader = await readers.acquire()
        defer { readers.release(reader) }
        return try await reader.async { db in try db.transaction(.deferred) { try body(db) } }
    }

    /// A synchronous call from inside the pool's own work would wait for itself (a write
    /// inside a write) or for readers its caller holds; it is refused instead of hanging.
    private func refuseReentry() throws {
        if writer.isCurrent || readers.all.contains(where: \.isCurrent) {
            throw SQLiteError(extendedCode: SQLiteCode.misuse,
                              message: "a database pool cannot be used synchronously from inside its own work")
        }
    }
}
