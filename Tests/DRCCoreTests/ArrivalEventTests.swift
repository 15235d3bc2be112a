import DRCCore
import SQLiteDB
import Testing

/// A record that arrives past its lifecycle's start (an imported order already solved, an
/// `order add --status closed`) leaves one event saying how it arrived, at its own time for
/// that status when it keeps one, else unknown; a record that starts at the start leaves none.
@Suite struct ArrivalEventTests {
    func importOrders(_ store: Store, _ csv: String, actor: String = "王丽",
                      _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportSummary {
        var options = ImportOptions(sourceName: "orders.csv")
        configure(&options)
        return try Importer(store: store, kind: .order, actor: actor, options: options).run(MemorySource(Array(csv.utf8)))
    }

    func events(_ store: Store) throws -> [StatusEvent] {
        try (1...(store.db.scalar("SELECT max(id) FROM work_order")?.int64 ?? 0)).flatMap {
            try StatusEvents.of(store.db, kind: .order, id: $0)
        }
    }

    @Test func everyImportedOrderPastTheStartLeavesOneEventOfHowItArrived() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create, clock: .frozen(frozenMoment))
            _ = try Fixture(store)
            // An earlier import of new orders takes ids 1–2, so the second batch's range starts at 3.
            _ = try importOrders(store, "vendor,category,opened\n美音,全区网络故障,2021-03-01\n美音,全区网络故障,2021-03-01\n")
            let csv = """
                vendor,category,status,opened,solved,closed
                美音,全区网络故障,new,2021-03-01 08:00,,
                美音,全区网络故障,assigned,2021-03-01 08:00,,
                美音,全区网络故障,pending,2021-03-01 08:00,,
                美音,全区网络故障,solved,2021-03-01 08:00,2021-03-01 11:00,
                美音,全区网络故障,solved,2021-03-01 08:00,,
                美音,全区网络故障,closed,2021-03-01 08:00,2021-03-01 11:00,2021-03-02
                美音,全区网络故障,cancelled,2021-03-01 08:00,,
                美音,全区网络故障,,2021-03-01 08:00,,

                """
            let summary = try importOrders(store, csv, actor: "李强")
            #expect(summary.committed && summary.written == 8)
            let events = try events(store)
            #expect(events.map { "\($0.recordID) \($0.action) \($0.from ?? "∅")→\($0.to) \($0.at ?? "unknown")" } == [
                "4 import ∅→assigned unknown",
                "5 import ∅→pending unknown",
                "6 import ∅→solved 2021-03-01 11:00",
                "7 import ∅→solved unknown",
                "8 import ∅→closed 2021-03-02",
                "9 import ∅→cancelled unknown",
            ])
            #expect(Set(events.map(\.kind)) == ["order"])
            #expect(Set(events.map(\.actor)) == ["李强"])
            #expect(Set(events.map(\.recordedAt)) == [frozenMoment.stamp])
            // The batch's history entry and its events share the moment.
            #expect(try store.db.scalar("SELECT at FROM history WHERE action = 'batch' ORDER BY id DESC LIMIT 1") == .text(frozenMoment.stamp))
        }
    }

    @Test func importingNewOrdersLeavesNoEvents() throws {
        try withStore { store throws in
            _ = try Fixture(store)
            let summary = try importOrders(store, "vendor,category,status,opened\n美音,全区网络故障,new,2021-03-01\n美音,全区网络故障,,2021-03-02\n")
            #expect(summary.written == 2)
            #expect(try store.db.scalar("SELECT count(*) FROM status_event") == .integer(0))
        }
    }

    /// All or nothing: one bad row writes no order and no event; with skip-bad the refused
    /// row has no event and the written ones have theirs.
    @Test func aFailingImportLeavesNoEvents() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create)
            _ = try Fixture(store)
            let csv = "vendor,category,status,opened,closed\n美音,全区网络故障,closed,2021-03-01,2021-03-02\n不存在的公司,全区网络故障,closed,2021-03-01,2021-03-02\n美音,全区网络故障,solved,2021-03-01,\n"
            let failed = try importOrders(store, csv)
            #expect(!failed.committed && failed.rejected == 1)
            #expect(try store.db.scalar("SELECT count(*) FROM status_event") == .integer(0))
            #expect(try store.db.scalar("SELECT count(*) FROM work_order") == .integer(0))
            let dryRun = try importOrders(store, "vendor,category,status,opened\n美音,全区网络故障,closed,2021-03-01\n") { $0.dryRun = true }
            #expect(!dryRun.committed)
            #expect(try store.db.scalar("SELECT count(*) FROM status_event") == .integer(0))
            let skipping = try importOrders(store, csv) {
                $0.skipBad = true
                $0.rejectsPath = folder + "/rejects.csv"
            }
            #expect(skipping.committed && skipping.written == 2 && skipping.rejected == 1)
            let rows = try store.db.rows("SELECT e.record_id, e.to_status, o.status FROM status_event AS e JOIN work_order AS o ON o.id = e.record_id ORDER BY e.id")
            #expect(rows.map { "\($0.int64("record_id") ?? 0) \($0.string("to_status") ?? "") \($0.string("status") ?? "")" } == ["1 closed closed", "2 solved solved"])
        }
    }

    @Test func addingAnOrderPastTheStartLeavesOneEventThroughTheSameCode() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create, clock: .frozen(frozenMoment))
            _ = try Fixture(store)
            let orders = RecordRepository(store: store, kind: .order, actor: "王丽")
            let fresh = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00"])
            #expect(try StatusEvents.of(store.db, kind: .order, id: fresh).isEmpty)
            let closed = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00",
                                          "status": "closed", "closed": "2021-03-01 17:00"])
            #expect(try StatusEvents.of(store.db, kind: .order, id: closed).map {
                "\($0.kind) \($0.recordID) \($0.action) \($0.from ?? "∅")→\($0.to) \($0.at ?? "unknown") \($0.actor) \($0.recordedAt)"
            } == ["order \(closed) add ∅→closed 2021-03-01 17:00 王丽 \(frozenMoment.stamp)"])
            let pending = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00", "status": "pending"])
            #expect(try StatusEvents.of(store.db, kind: .order, id: pending).map { "\($0.action) \($0.to) \($0.at ?? "unknown")" } == ["add pending unknown"])
            // A refused add leaves no event either.
            expectInvalid("status", reason: .notOneOf(WorkOrderStatus.allCases.map(\.term))) { _ = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01", "status": "done"]) }
            #expect(try store.db.scalar("SELECT count(*) FROM status_event") == .integer(2))
            // Later changes follow the arrival in the record's events.
            try WorkOrderLifecycle(store: store, actor: "李强").apply(.reopen, to: closed)
            #expect(try StatusEvents.of(store.db, kind: .order, id: closed).map(\.action) == ["add", "reopen"])
        }
    }

    /// Migration 8 rebuilds the event log so that `at` may be unknown: the events already there
    /// stay, with their ids, and the counter goes on from where it was.
    @Test func theRebuiltEventLogKeepsItsEventsAndItsCounter() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/v6.sqlite"
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: Array(MigrationRegistry.all.prefix(7))).migrate(db)
                try db.execute("""
                    INSERT INTO status_event (kind, record_id, action, from_status, to_status, at, actor, recorded_at) VALUES
                        ('order', 1, 'solve', 'new', 'solved', '2021-03-01 11:00', '王丽', '2021-03-01T11:00:00+08:00'),
                        ('order', 1, 'close', 'solved', 'closed', '2021-03-02', '王丽', '2021-03-02T09:00:00+08:00');
                    UPDATE sqlite_sequence SET seq = 40 WHERE name = 'status_event';
                    """)
            }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 8))
            #expect(try StatusEvents.of(store.db, kind: .order, id: 1).map { "\($0.action) \($0.at ?? "")" } == ["solve 2021-03-01 11:00", "close 2021-03-02"])
            try store.db.execute("INSERT INTO status_event (kind, record_id, action, to_status, at, actor, recorded_at) VALUES ('order', 2, 'import', 'assigned', NULL, 't', 'x')")
            #expect(try store.db.scalar("SELECT max(id) FROM status_event") == .integer(41))
            #expect(throws: SQLiteError.self) {
                try store.db.execute("INSERT INTO status_event (kind, record_id, action, to_status, at, actor, recorded_at) VALUES ('order', 2, 'x', 'new', 'soon', 't', 'x')")
            }
            #expect(try store.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'status_event_record'") == .integer(1))
        }
    }
}
