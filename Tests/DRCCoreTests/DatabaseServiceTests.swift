import Dispatch
import DRCCore
import Foundation
import SQLiteDB
import Testing

/// A fresh drc database with a vendor, a category and two 2020 work orders, made and closed
/// by a `Store` (as `drc init` would), then opened by a service.
private func withService(readers: Int = 3, _ body: (DatabaseService, String) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-service-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try makeDatabase(in: folder.path)
    try await body(try DatabaseService(path: path, readers: readers), path)
}

/// The database `withService` opens; its store is closed when this returns.
private func makeDatabase(in folder: String) throws -> String {
    let path = folder + "/drc.sqlite"
    let store = try Store(path: path, access: .create)
    _ = try RecordRepository(store: store, kind: .vendor, actor: "test").add(["name": "湖南美音网络技术有限公司"])
    _ = try RecordRepository(store: store, kind: .category, actor: "test").add(["name": "全区网络故障"])
    for _ in 0..<2 { try addOrder(store) }
    return path
}

@discardableResult
private func addOrder(_ store: Store, actor: String = "王丽") throws -> Int64 {
    try RecordRepository(store: store, kind: .order, actor: actor)
        .add(["vendor": "美音", "category": "全区网络故障", "opened": "2020-03-01 08:00"])
}

/// The 2020 total of `WorkOrderTotals` and the number of orders `list` shows: two readers'
/// questions that must agree with each other and with the last commit.
private func ordersSeen(_ store: Store) throws -> [Int] {
    let totals = try WorkOrderTotals.compute(store.db, year: 2020, by: [])
    let total = Int(totals.footer.first?.last?.text ?? "") ?? -1
    let listed = try RecordRepository(store: store, kind: .order, actor: "test").list().rows.count
    return [total, listed]
}

/// What happened, in the order it happened, from any thread.
private final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func note(_ event: String) { lock.withLock { list.append(event) } }
    var all: [String] { lock.withLock { list } }
}

@Suite struct DatabaseServiceTests {
    @Test func readersSeeTheLastCommitWhileAWriteIsOpen() async throws {
        try await withService { service, _ in
            let (inside, signal) = AsyncStream<Void>.makeStream()
            let release = DispatchSemaphore(value: 0)
            let write = Task {
                try await service.write { store in
                    for _ in 0..<3 { try addOrder(store) }
                    try WorkOrderLifecycle(store: store, actor: "王丽").apply(.solve, to: 1)
                    signal.yield()
                    // Held open until the readers are done; the limit only keeps a broken
                    // service from hanging the test (its readers would then see the commit).
                    _ = release.wait(timeout: .now() + 10)
                }
            }
            for await _ in inside { break }
            let seen = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<8 {
                    group.addTask { try await service.read { store in try ordersSeen(store) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(seen == Array(repeating: [2, 2], count: 8))
            let status = try await service.read { store in try RecordRepository(store: store, kind: .order, actor: "test").row(1).string("status") }
            #expect(status == "new")
            release.signal()
            try await write.value
            let after = try await service.read { store in try ordersSeen(store) }
            #expect(after == [5, 5])
        }
    }

    /// Many requests writing at once, and a command in another connection (another clerk's
    /// `drc order add`) writing beside them: every record lands, none meets "database is locked".
    @Test func concurrentWritesAllLand() async throws {
        try await withService { service, path in
            let clerk = Task.detached {
                let store = try Store(path: path)
                return try (0..<10).map { _ in try addOrder(store, actor: "李明") }
            }
            let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<30 {
                    group.addTask { try await service.write { store in try addOrder(store) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let clerkIDs = try await clerk.value
            #expect(Set(ids + clerkIDs).count == 40)
            let seen = try await service.read { store in try ordersSeen(store) }
            #expect(seen == [42, 42])
            let inserts = try await service.read { store in
                try store.db.scalar("SELECT count(*) FROM history WHERE kind = 'order' AND action = 'insert'")?.int64
            }
            #expect(inserts == 42)
        }
    }

    /// A write asked for while another is open starts only after that one has finished,
    /// even with threads free to run it (they would share, and corrupt, one connection).
    @Test func aWriteWaitsForTheOneBeforeIt() async throws {
        try await withService { service, _ in
            let (inside, signal) = AsyncStream<Void>.makeStream()
            let release = DispatchSemaphore(value: 0)
            let events = Events()
            let first = Task {
                try await service.write { store in
                    events.note("first in")
                    try addOrder(store)
                    signal.yield()
                    _ = release.wait(timeout: .now() + 10)
                    events.note("first out")
                }
            }
            for await _ in inside { break }
            let second = Task {
                try await service.write { store in
                    events.note("second in")
                    try addOrder(store)
                }
            }
            // Time for the second to start, were it not kept waiting.
            try await Task.sleep(for: .milliseconds(300))
            release.signal()
            try await first.value
            try await second.value
            #expect(events.all == ["first in", "first out", "second in"])
            #expect(try await service.read { store in try ordersSeen(store) } == [4, 4])
        }
    }

    /// The command line's form: synchronous calls, and a write that fails keeps nothing.
    @Test func aWriteIsAllOrNothing() throws {
        try withTemporaryFolder { folder throws in
            let service = try DatabaseService(path: try makeDatabase(in: folder))
            #expect(throws: DRCError.notFound(kind: .vendor, reference: "无此公司")) {
                try service.write { store in
                    _ = try RecordRepository(store: store, kind: .vendor, actor: "王丽").add(["name": "长沙仕贤计算机有限公司"])
                    try addOrder(store)
                    _ = try RecordRepository(store: store, kind: .order, actor: "王丽")
                        .add(["vendor": "无此公司", "category": "全区网络故障", "opened": "2020-03-01 08:00"])
                }
            }
            let vendors = try service.read { store in try RecordRepository(store: store, kind: .vendor, actor: "test").count() }
            #expect(vendors == 1)
            #expect(try service.read { store in try ordersSeen(store) } == [2, 2])
        }
    }

    @Test func aReadThatWritesIsRefusedAndChangesNothing() async throws {
        try await withService { service, _ in
            let error = await #expect(throws: SQLiteError.self) {
                try await service.read { store in try addOrder(store) }
            }
            #expect(error?.primaryCode == SQLiteCode.readOnly)
            let seen = try await service.read { store in try ordersSeen(store) }
            #expect(seen == [2, 2])
        }
    }

    /// Saved means saved: the web's writer and the command line's store both sync every commit
    /// (FULL; NORMAL may lose a committed transaction to a power cut), and both are in WAL.
    @Test func everyWritingConnectionSyncsEachCommit() async throws {
        try await withService { service, path in
            let served = try await service.write { store in
                [try store.db.scalar("PRAGMA synchronous"), try store.db.scalar("PRAGMA journal_mode")]
            }
            #expect(served == [.integer(2), .text("wal")])
            let store = try Store(path: path, access: .readWrite)
            #expect(try store.db.scalar("PRAGMA synchronous") == .integer(2))
            let created = try Store(path: path + ".new", access: .create)
            #expect(try created.db.scalar("PRAGMA synchronous") == .integer(2))
        }
    }

    /// The service opens files as `Store` does, with the same errors.
    @Test func opensOnlyWhatAStoreOpens() throws {
        try withTemporaryFolder { folder throws in
            let missing = folder + "/missing.sqlite"
            #expect(throws: DRCError.databaseMissing(path: missing)) { _ = try DatabaseService(path: missing) }
            #expect(!Store.entryExists(missing))
            #expect(throws: DRCError.notARegularFile(path: folder)) { _ = try DatabaseService(path: folder) }

            let other = folder + "/other.sqlite"
            try Connection(path: other, mode: .create, writeAheadLog: false).execute("CREATE TABLE notes (body TEXT)")
            #expect(throws: DRCError.notDrcDatabase(path: other)) { _ = try DatabaseService(path: other) }
            let journal = try Connection(path: other, mode: .readOnly).scalar("PRAGMA journal_mode")?.string
            #expect(journal == "delete")

            let text = folder + "/notes.sqlite"
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
            #expect(throws: DRCError.notADatabase(path: text)) { _ = try DatabaseService(path: text) }

            let old = folder + "/old.sqlite"
            try Migrator(migrations: Array(MigrationRegistry.all.prefix(1))).migrate(Connection(path: old, mode: .create))
            #expect(throws: DRCError.pendingMigrations(count: MigrationRegistry.all.count - 1)) { _ = try DatabaseService(path: old) }
        }
    }
}
