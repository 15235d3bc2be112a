import DRCCore
import Foundation
import SQLiteDB
import Testing

extension ReliabilityTests {
    // MARK: The database service

    /// A seeded mix of async writes (adds, adds with a solve, writes that fail) and reads
    /// through the service, all at once, while `drc order add` processes write beside it:
    /// every read sees one committed state that includes every write finished before it,
    /// every record lands, a failed write leaves nothing, and no one meets "database is locked".
    @Test func theServiceKeepsReadersConsistentBesideWritersAndCommands() async throws {
        let operations = Self.long ? 1500 : 300, clerkOrders = Self.long ? 200 : 40
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (db, _) = try prepared(folder, rows: 0)
        let binary = drcBinary.path
        let clerks = try (1...2).map { clerk in
            try shell("""
                for j in $(seq 1 \(clerkOrders)); do
                  "\(binary)" --db "\(db)" order add --vendor 湖南美音网络技术有限公司 --category 全区网络故障 \
                    --opened "2020-03-02 14:05" --summary "clerk-\(clerk)-$j" > /dev/null 2>> err-\(clerk).txt || echo "failed $j" >> err-\(clerk).txt
                done
                """, in: folder)
        }

        let service = try DatabaseService(path: db, readers: 3)
        var generator = SeededGenerator(seed: 11)
        let plan = (0..<operations).map { _ in ServiceStep.allCases.randomElement(using: &generator)! }
        let finished = FinishedWrites()
        let outcomes = try await withThrowingTaskGroup(of: ServiceOutcome.self) { group in
            for (index, step) in plan.enumerated() {
                group.addTask { try await Self.run(step, index, on: service, finished: finished) }
            }
            return try await group.reduce(into: [ServiceOutcome]()) { $0.append($1) }
        }
        for clerk in clerks { clerk.waitUntilExit() }

        var errors = ""
        for name in ["err-1.txt", "err-2.txt"] {
            errors += (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
        }
        #expect(errors.isEmpty, "\(errors.prefix(2000))")
        let inconsistent = outcomes.filter { $0 == .inconsistent }.count
        #expect(inconsistent == 0, "reads or rolled-back writes that saw a state no commit made")
        let added = plan.filter { $0 == .add || $0 == .addAndSolve }.count
        #expect(try Self.count(db, "SELECT count(*) FROM work_order WHERE summary LIKE 'service-%'") == Int64(added))
        #expect(try Self.count(db, "SELECT count(*) FROM work_order WHERE summary LIKE 'clerk-%'") == Int64(2 * clerkOrders))
        #expect(try Self.count(db, "SELECT count(*) FROM work_order WHERE summary LIKE 'failed-%'") == 0)
        let solved = plan.filter { $0 == .addAndSolve }.count
        #expect(try Self.count(db, "SELECT count(*) FROM work_order WHERE status = 'solved'") == Int64(solved))
        #expect(try Self.integrity(db) == "ok")
        let reads = plan.filter { $0 == .read }.count
        Self.report("service: \(operations - reads) async writes (\(plan.filter { $0 == .failingWrite }.count) failing) "
            + "and \(reads) reads beside 2 command-line clerks × \(clerkOrders) orders; \(inconsistent) inconsistent, "
            + "\(errors.contains("locked") ? "some" : "no") lock errors")
    }

    enum ServiceStep: CaseIterable, Sendable { case add, addAndSolve, failingWrite, read }
    enum ServiceOutcome: Sendable, Equatable { case written, rolledBack, consistent, inconsistent }
    struct Refused: Error {}

    static func run(_ step: ServiceStep, _ index: Int, on service: DatabaseService, finished: FinishedWrites) async throws -> ServiceOutcome {
        let order = ["vendor": "美音", "category": "全区网络故障", "opened": "2020-03-01 08:00"]
        switch step {
        case .add, .addAndSolve:
            try await service.write { store in
                let id = try RecordRepository(store: store, kind: .order, actor: "web").add(order.merging(["summary": "service-\(index)"]) { $1 })
                if step == .addAndSolve { try WorkOrderLifecycle(store: store, actor: "web").apply(.solve, to: id) }
            }
            finished.add()
            return .written
        case .failingWrite:
            do {
                try await service.write { store in
                    try RecordRepository(store: store, kind: .order, actor: "web").add(order.merging(["summary": "failed-\(index)"]) { $1 })
                    throw Refused()
                }
            } catch is Refused {
                return .rolledBack
            }
            return .inconsistent
        case .read:
            let floor = finished.count
            return try await service.read { store in
                // One snapshot: the rows and their history agree, and every write finished
                // before this read began is in it.
                let rows = try store.db.scalar("SELECT count(*) FROM work_order")?.int64 ?? -1
                let inserts = try store.db.scalar("SELECT count(*) FROM history WHERE kind = 'order' AND action = 'insert'")?.int64 ?? -2
                let mine = try RecordRepository(store: store, kind: .order, actor: "test").list().rows.count
                let fromService = try store.db.scalar("SELECT count(*) FROM work_order WHERE summary LIKE 'service-%'")?.int64 ?? -1
                return rows == inserts && Int64(mine) == rows && fromService >= Int64(floor) ? .consistent : .inconsistent
            }
        }
    }

    /// How many service writes have returned to their callers.
    final class FinishedWrites: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }
}
