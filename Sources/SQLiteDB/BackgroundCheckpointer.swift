import CSQLite
import Dispatch
import Synchronization

/// Copies the write-ahead log back into the database on a connection of its own, so that no
/// write waits for it.
///
/// SQLite checkpoints by itself in the commit that takes the log past a thousand pages: that
/// commit, and every write queued behind it, waits for the checkpoint's two fsyncs. On a
/// virtual disk an fsync now and then takes a quarter of a second (measured: a median of
/// 0.9 ms, the worst 267 ms), which became the web server's slowest order entries. Here the
/// writer's commits only report the log's size; past the threshold this connection runs a
/// passive checkpoint, which copies what no reader still needs while the writer goes on.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// SQLite's own threshold (`SQLITE_DEFAULT_WAL_AUTOCHECKPOINT`).
    static let defaultPages: Int32 = 1000

    private let connection: SerializedConnection
    private let pages: Int32
    /// Whether a checkpoint is queued or running: commits between them queue nothing more.
    private let scheduled = Atomic<Bool>(false)

    init(_ connection: Connection, pages: Int32 = BackgroundCheckpointer.defaultPages) {
        self.connection = SerializedConnection(connection, label: "drc.sqlite.checkpointer")
        self.pages = pages
    }

    /// Takes the checkpoints over from `writer`'s commits (replacing SQLite's automatic
    /// checkpoint, which is itself a log hook). The caller keeps this object alive for as long
    /// as `writer` is open, or calls `release`.
    func watch(_ writer: Connection) {
        sqlite3_wal_hook(writer.handle, { context, _, _, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<BackgroundCheckpointer>.fromOpaque(context).takeUnretainedValue().logGrew(to: pages)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Stops watching `writer`: its commits no longer call this object.
    func release(_ writer: Connection) {
        sqlite3_wal_hook(writer.handle, nil, nil)
    }

    /// After a commit, on the writer's thread: queue a checkpoint when the log is long enough
    /// and none is queued already. Nothing here waits.
    private func logGrew(to logPages: Int32) {
        guard logPages >= pages, scheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        // A passive checkpoint copies what it can while the writer goes on, but under steady
        // writes the writer is always a few frames ahead of it, and the log only starts again
        // from its beginning once a checkpoint has caught up. Past four times the threshold
        // the checkpoint waits for the writer to pause and then catches up (RESTART): one
        // short wait for the writer, mostly the frames already copied, instead of a log that
        // grows without end and slows every read.
        let mode = logPages >= 4 * pages ? SQLITE_CHECKPOINT_RESTART : SQLITE_CHECKPOINT_PASSIVE
        connection.later { db in
            // Busy (another process is checkpointing) or failed: the log stays as it is, correct
            // and readable, and the next commit past the threshold tries again.
            _ = sqlite3_wal_checkpoint_v2(db.handle, nil, mode, nil, nil)
            self.scheduled.store(false, ordering: .releasing)
        }
    }

    /// Waits until every checkpoint queued so far has run.
    func waitUntilIdle() {
        _ = try? connection.sync { _ in }
    }

    /// Runs `body` on the checkpointer's queue before any checkpoint queued after it: lets a
    /// test hold the checkpoints back to see that the writer does not run them.
    func hold(_ body: @escaping @Sendable () -> Void) {
        connection.later { _ in body() }
    }
}
