import Dispatch
import Foundation
import SQLiteDB
import Testing

/// A pool on a fresh WAL database holding `t(n)` with one row, in its own temporary folder.
private func withPool(readers: Int = 3, _ body: (DatabasePool) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlitedb-pool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pool.sqlite").path
    try await body(try makePool(path, readers: readers))
}

/// The synchronous tests' pool, on the database at `path`.
private func makePool(_ path: String, readers: Int = 3) throws -> DatabasePool {
    let setup = try Connection(path: path, mode: .create)
    try setup.execute("CREATE TABLE t (n INTEGER NOT NULL); INSERT INTO t VALUES (1)")
    return try DatabasePool(readerCount: readers,
                            openWriter: { try Connection(path: path) },
                            openReader: { try Connection(path: path, mode: .readOnly) })
}

/// A database path in a fresh temporary folder, removed afterwards.
private func withTemporaryFolderPath(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlitedb-pool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.appendingPathComponent("pool.sqlite").path)
}

/// Counts how many pieces of work are inside at once, and the most there ever were.
private final class Overlap: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private var most = 0

    func enter() { lock.withLock { inside += 1; most = max(most, inside) } }
    func leave() { lock.withLock { inside -= 1 } }
    var maximum: Int { lock.withLock { most } }
}

@Suite struct DatabasePoolTests {
    @Test func readersSeeTheLastCommitWhileAWriteIsOpen() async throws {
        try await withPool { pool in
            let (inside, signal) = AsyncStream<Void>.makeStream()
            let release = DispatchSemaphore(value: 0)
            let write = Task {
                try await pool.write { db in
                    try db.run("INSERT INTO t VALUES (2)")
                    signal.yield()
                    // Held open until the readers are done; the limit only keeps a broken pool
                    // from hanging the test (its readers would then see the commit and fail).
                    _ = release.wait(timeout: .now() + 10)
                }
            }
            for await _ in inside { break }
            let counts = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 ?? -1 } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 1, count: 6))
            release.signal()
            try await write.value
            #expect(try await pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 } == 2)
        }
    }

    @Test func writesRunOneAtATimeAndAllLand() async throws {
        try await withPool { pool in
            let overlap = Overlap()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await pool.write { db in
                            overlap.enter()
                            defer { overlap.leave() }
                            // Read, pause, write back: two writers inside at once would lose a count.
                            let n = try db.scalar("SELECT n FROM t")?.int64 ?? 0
                            usleep(2_000)
                            try db.run("UPDATE t SET n = ?", n + 1)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(overlap.maximum == 1)
            #expect(try await pool.read { db in try db.scalar("SELECT n FROM t")?.int64 } == 41)
        }
    }

    @Test func aReadCannotWrite() async throws {
        try await withPool { pool in
            let error = await #expect(throws: SQLiteError.self) {
                try await pool.read { db in try db.run("INSERT INTO t VALUES (9)") }
            }
            #expect(error?.primaryCode == SQLiteCode.readOnly)
            let count = try await pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 }
            #expect(count == 1)
        }
    }

    @Test func aWriteThatThrowsLeavesNothing() async throws {
        struct Stop: Error {}
        try await withPool { pool in
            await #expect(throws: Stop.self) {
                try await pool.write { db in
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Stop()
                }
            }
            let count = try await pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 }
            #expect(count == 1)
        }
    }

    /// The command line's form: a read on another thread finishes inside an open write.
    @Test func synchronousReadsRunBesideAnOpenWrite() throws {
        try withTemporaryFolderPath { path in
            let pool = try makePool(path)
            let seen = try pool.write { db -> Int64? in
                try db.run("INSERT INTO t VALUES (2)")
                let done = DispatchSemaphore(value: 0)
                let result = LockedValue<Int64?>(nil)
                DispatchQueue.global().async {
                    result.set(try? pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 })
                    done.signal()
                }
                #expect(done.wait(timeout: .now() + 10) == .success)
                return result.get()
            }
            #expect(seen == 1)
            #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 } == 2)
        }
    }

    /// A read is one snapshot: a commit landing between two of its queries is not seen.
    @Test func aReadSeesOneCommittedState() async throws {
        try await withPool { pool in
            let counts = try await pool.read { db in
                let before = try db.scalar("SELECT count(*) FROM t")?.int64
                // Another writer (another process's, say) commits between the two queries.
                try Connection(path: db.path).run("INSERT INTO t VALUES (2)")
                return [before, try db.scalar("SELECT count(*) FROM t")?.int64]
            }
            #expect(counts == [1, 1])
            let after = try await pool.read { db in try db.scalar("SELECT count(*) FROM t")?.int64 }
            #expect(after == 2)
        }
    }

    @Test func synchronousCallsFromInsideThePoolAreRefused() throws {
        try withTemporaryFolderPath { path in
            let pool = try makePool(path)
            let inWrite = #expect(throws: SQLiteError.self) { try pool.write { _ in try pool.write { _ in } } }
            #expect(inWrite?.primaryCode == SQLiteCode.misuse)
            let inRead = #expect(throws: SQLiteError.self) { try pool.read { _ in try pool.read { _ in } } }
            #expect(inRead?.primaryCode == SQLiteCode.misuse)
        }
    }

    @Test func readersMustBeReadOnlyAndThereMustBeOne() throws {
        try withTemporaryDatabase { path, _ throws in
            let writable = #expect(throws: SQLiteError.self) {
                _ = try DatabasePool(readerCount: 2, openWriter: { try Connection(path: path) },
                                     openReader: { try Connection(path: path) })
            }
            #expect(writable?.primaryCode == SQLiteCode.misuse)
            let none = #expect(throws: SQLiteError.self) {
                _ = try DatabasePool(readerCount: 0, openWriter: { try Connection(path: path) },
                                     openReader: { try Connection(path: path, mode: .readOnly) })
            }
            #expect(none?.primaryCode == SQLiteCode.misuse)
        }
    }
}

/// A value handed between threads under a lock.
private final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
}
