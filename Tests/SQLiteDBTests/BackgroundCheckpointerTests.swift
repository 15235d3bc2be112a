import Dispatch
import Foundation
@testable import SQLiteDB
import Testing

/// A pool's writer never checkpoints the log itself: its checkpointer does, on its own
/// connection, once the log passes the threshold.
@Suite struct BackgroundCheckpointerTests {
    /// Each write adds about 100 pages (100 rows of 4000 bytes, a page each).
    func writeHundredPages(_ pool: DatabasePool) throws {
        try pool.write { db in try db.run("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO t (b) SELECT randomblob(4000) FROM n") }
    }

    func logPages(_ path: String) -> Int {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return bytes / 4096
    }

    @Test func theWriterLeavesTheCheckpointsToTheCheckpointer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlitedb-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        try Connection(path: path, mode: .create).execute("CREATE TABLE t (b BLOB)")
        let pool = try DatabasePool(readerCount: 1, openWriter: { try Connection(path: path) },
                                    openReader: { try Connection(path: path, mode: .readOnly) })

        // Held back, the checkpointer runs nothing: 25 writes of ~100 pages grow the log past
        // 2,000 pages, where SQLite's own checkpoint in the writer would have kept it near 1,000.
        let gate = DispatchSemaphore(value: 0)
        pool.checkpointer.hold { gate.wait() }
        for _ in 0..<25 { try writeHundredPages(pool) }
        #expect(logPages(path) > 2_000, "the writer checkpointed: \(logPages(path)) pages of log")

        // Let go, it checkpoints; the log then starts again from its beginning, so further
        // writes grow it no more.
        gate.signal()
        pool.checkpointer.waitUntilIdle()
        let grown = logPages(path)
        for _ in 0..<25 {
            try writeHundredPages(pool)
            pool.checkpointer.waitUntilIdle()
        }
        #expect(logPages(path) <= grown, "the log kept growing: \(grown) → \(logPages(path)) pages")
        #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t") } == .integer(5_000))
    }
}
