import SQLiteDB

/// The records database shared by many callers at once: the web server's requests from async
/// handlers, or a command synchronously. One writer takes writes one at a time (so they never
/// meet at SQLite's lock, and other processes are waited for by the busy timeout), and a few
/// read-only readers see the last committed state while a write is in progress.
///
/// Every connection is opened as `Store` opens one (a regular file, drc's mark, no pending
/// migrations, WAL), and each call hands its closure a `Store`, so repositories, the lifecycle,
/// the importer and the reports work through the service unchanged.
public final class DatabaseService: Sendable {
    public let path: String
    /// Where every stamp of the service's changes reads the time.
    public let clock: Clock
    private let pool: DatabasePool

    /// Four readers by default: enough for a small office's web pages to read while one
    /// writes, few enough that opening the service stays quick.
    public init(path: String, readers: Int = 4, clock: Clock = .system) throws {
        self.path = path
        self.clock = clock
        // The writer opens first: it switches the file to WAL, which the readers rely on.
        pool = try DatabasePool(
            readerCount: readers,
            openWriter: { try Store(path: path, access: .readWrite, clock: clock).db },
            openReader: { try Store(path: path, access: .readOnly, clock: clock).db })
    }

    /// Closes the database once the work already begun is done (`drc serve` stopping); the
    /// last connection out checkpoints the WAL, so a clean stop leaves no -wal file.
    public func close() {
        pool.close()
    }

    private func store(_ db: Connection) -> Store {
        Store(opened: db, path: path, clock: clock)
    }

    // MARK: Synchronous (the command line)

    /// Runs `body` as one transaction after every write before it: all of it is kept when it
    /// returns, none of it when it throws.
    public func write<T>(_ body: (Store) throws -> T) throws -> T {
        try pool.write { db in try body(store(db)) }
    }

    /// Runs `body` on a reader; all its queries see one committed state, and any write in it
    /// fails (SQLite's read-only error) without changing anything.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try pool.read { db in try body(store(db)) }
    }

    // MARK: Asynchronous (the web server)

    /// `write`, suspending the caller while the writer works, so an event loop is never blocked.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await pool.write { db in try body(self.store(db)) }
    }

    /// `read`, suspending the caller (also while every reader is busy).
    public func read<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await pool.read { db in try body(self.store(db)) }
    }

    /// Whether a reader answers a trivial query: the health check's question.
    public func answers() async -> Bool {
        (try? await read { store in try store.db.scalar("SELECT 1")?.int64 }) == 1
    }
}
