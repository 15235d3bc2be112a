import Dispatch

/// A connection and the one serial queue that alone uses it. Connections are opened without
/// SQLite's own mutex (`SQLITE_OPEN_NOMUTEX`), so two threads must never use one at the same
/// time; every piece of work on this connection runs on its queue, one after another.
/// That is why it can be `@unchecked Sendable`: the connection is touched only on the queue.
final class SerializedConnection: @unchecked Sendable {
    /// Nil once closed; only touched on the queue.
    private var connection: Connection?
    private let queue: DispatchQueue
    private let marker = DispatchSpecificKey<Bool>()

    init(_ connection: Connection, label: String) {
        self.connection = connection
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: marker, value: true)
    }

    /// True when the caller is running on this connection's queue (inside its work), where
    /// waiting for the queue would wait forever.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }

    /// Runs `body` on the queue and waits for it: for synchronous callers (the command line).
    func sync<T>(_ body: (Connection) throws -> T) throws -> T {
        try queue.sync { try body(try open()) }
    }

    /// Runs `body` on the queue and suspends the caller until it is done, so the caller's
    /// thread (an event loop) is free while SQLite works. Work once started runs to its end.
    func async<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(try self.open()) })
            }
        }
    }

    /// Closes the connection after the work queued before; later work fails (misuse) instead
    /// of touching a closed handle.
    func close() {
        queue.sync { connection = nil }
    }

    private func open() throws -> Connection {
        guard let connection else {
            throw SQLiteError(extendedCode: SQLiteCode.misuse, message: "the database has been closed")
        }
        return connection
    }
}
