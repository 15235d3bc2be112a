import DRCCore
import Foundation
import SQLiteDB
import Testing

/// A fixed moment: 2021-03-02 09:30:15 in Changsha (UTC+8).
let frozenMoment = Moment(secondsSinceEpoch: 1_614_648_615, utcOffsetSeconds: 8 * 3600)

@Suite struct ClockTests {
    @Test func aMomentIsWrittenAsLocalTimeWithItsOffset() {
        #expect(frozenMoment.stamp == "2021-03-02T09:30:15+08:00")
        #expect(frozenMoment.minute == "2021-03-02 09:30")
        #expect(frozenMoment.digits == "20210302093015")
        let west = Moment(secondsSinceEpoch: 0, utcOffsetSeconds: -(5 * 3600 + 30 * 60))
        #expect(west.stamp == "1969-12-31T18:30:00-05:30")
        let leapDay = Moment(secondsSinceEpoch: 951_782_400, utcOffsetSeconds: 0)
        #expect(leapDay.stamp == "2000-02-29T00:00:00+00:00")
    }

    @Test func theSystemClockReadsTheZoneOfTheMachine() {
        let now = Clock.system.now()
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        #expect(now.utcOffsetSeconds == Int(parts.tm_gmtoff))
        #expect(abs(now.secondsSinceEpoch - Int64(seconds)) <= 1)
    }

    @Test func aFrozenClockStampsHistoryAndTransitionsAlike() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create, clock: .frozen(frozenMoment))
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "王丽")
            _ = try vendors.add(["name": "湖南美音网络技术有限公司"])
            _ = try RecordRepository(store: store, kind: .category, actor: "王丽").add(["name": "全区网络故障"])
            let order = try RecordRepository(store: store, kind: .order, actor: "王丽")
                .add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00"])
            try WorkOrderLifecycle(store: store, actor: "王丽").apply(.solve, to: order)
            #expect(try RecordRepository(store: store, kind: .order, actor: "test").row(order).string("solved_at") == "2021-03-02 09:30")
            let stamps = Set(try HistoryLog.entries(store.db).map(\.at))
            #expect(stamps == ["2021-03-02T09:30:15+08:00"])
            let applied = try Migrator().status(of: store.db).applied.map(\.appliedAt)
            #expect(Set(applied) == ["2021-03-02T09:30:15+08:00"])
        }
    }
}

@Suite struct IdentityTests {
    @Test func idsAreNeverReusedAfterADelete() throws {
        try withStore { store throws in
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "test")
            _ = try vendors.add(["name": "甲"])
            let second = try vendors.add(["name": "乙"])
            try vendors.delete(second)
            let third = try vendors.add(["name": "丙"])
            #expect(third == second + 1)
            #expect(try HistoryLog.entries(store.db, kind: "vendor", id: second).map(\.action) == ["insert", "delete"])
            #expect(try HistoryLog.entries(store.db, kind: "vendor", id: third).map(\.action) == ["insert"])
        }
    }

    @Test func aDrcDatabaseCarriesItsMark() throws {
        try withStore { store throws in
            #expect(try store.db.scalar("PRAGMA application_id")?.int64 == Store.applicationID)
        }
    }

    @Test func anotherProgramsDatabaseIsLeftAlone() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/other.sqlite"
            do {
                let other = try Connection(path: path, mode: .create, writeAheadLog: false)
                try other.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(throws: DRCError.notDrcDatabase(path: path)) { _ = try Store(path: path, access: .anyVersion) }
            #expect(throws: DRCError.notDrcDatabase(path: path)) { _ = try Store(path: path) }
            #expect(throws: DRCError.notDrcDatabase(path: path)) { _ = try Store(path: path, access: .readOnly) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test func onlyRegularFilesAreOpened() throws {
        try withTemporaryFolder { folder throws in
            // A pipe is tried through the binary (OddDatabaseFileTests), where a hang can be killed.
            let device = folder + "/null.sqlite"
            #expect(symlink("/dev/null", device) == 0)
            #expect(throws: DRCError.notARegularFile(path: device)) { _ = try Store(path: device, access: .anyVersion) }
            #expect(throws: DRCError.notARegularFile(path: folder)) { _ = try Store(path: folder) }
            let dangling = folder + "/dangling.sqlite"
            #expect(symlink(folder + "/nowhere.sqlite", dangling) == 0)
            #expect(throws: DRCError.databaseExists(path: dangling)) { _ = try Store(path: dangling, access: .create) }
            #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere.sqlite"))
        }
    }
}

@Suite struct RebuildMigrationTests {
    /// A database made by drc before migration 5, with records, links, a deleted vendor with
    /// the highest id, and its history.
    func olderDatabase(at path: String) throws -> Connection {
        let db = try Connection(path: path, mode: .create)
        try Migrator(migrations: Array(MigrationRegistry.all.prefix(4))).migrate(db)
        try db.execute("""
            INSERT INTO unit (id, name) VALUES (1, '区数据资源中心');
            INSERT INTO unit (id, name, parent_id) VALUES (2, '办公室', 1);
            INSERT INTO vendor (id, name) VALUES (1, '美音'), (2, '仕贤');
            INSERT INTO category (id, name) VALUES (1, '网络');
            INSERT INTO project (id, name, unit_id) VALUES (1, '政务网络', 1);
            INSERT INTO project_vendor VALUES (1, 1), (1, 2);
            INSERT INTO work_order (year, vendor_id, project_id, category_id, unit_id, status, source)
                VALUES (2020, 1, 1, 1, 2, 'closed', 'seed'), (2020, 2, 1, 1, NULL, 'new', 'entered');
            INSERT INTO history (at, actor, action, kind, record_id, old_values)
                VALUES ('2020-12-01T00:00:00Z', 'test', 'delete', 'vendor', 7, '{"id":7,"name":"旧"}');
            """)
        return db
    }

    @Test func rebuildsTablesKeepingDataAndReferences() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/old.sqlite"
            let db = try olderDatabase(at: path)
            let kept = "id, year, vendor_id, project_id, category_id, unit_id, status, opened_at, solved_at, closed_at, summary, solution, source"
            let before = try db.rows("SELECT \(kept) FROM work_order ORDER BY id")
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 5))
            #expect(try store.db.rows("SELECT \(kept) FROM work_order ORDER BY id") == before)
            #expect(try store.db.rows("PRAGMA foreign_key_check").isEmpty)
            #expect(try store.db.scalar("PRAGMA foreign_keys")?.int64 == 1)
            #expect(try store.db.scalar("SELECT count(*) FROM project_vendor")?.int64 == 2)
            #expect(try store.db.scalar("PRAGMA application_id")?.int64 == Store.applicationID)
            // The deleted vendor 7 keeps its id: the next vendor is 8.
            let next = try RecordRepository(store: try Store(path: path), kind: .vendor, actor: "test").add(["name": "宜泽"])
            #expect(next == 8)
            // References still hold after the rebuild: a vendor with orders cannot go.
            #expect(throws: DRCError.self) { try RecordRepository(store: store, kind: .vendor, actor: "t").delete(1) }
            #expect(try store.db.scalar("SELECT count(*) FROM vendor WHERE id = 1")?.int64 == 1)
        }
    }

    @Test func aMigrationThatBreaksReferencesLeavesTheFileAsItWas() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/broken.sqlite"
            do {
                let db = try olderDatabase(at: path)
                try db.execute("PRAGMA foreign_keys = OFF")
                try db.execute("INSERT INTO work_order (year, vendor_id, category_id, status, source) VALUES (2020, 99, 1, 'new', 'x')")
                try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                let store = try Store(path: path, access: .anyVersion)
                let error = #expect(throws: DRCError.self) { try Migrator().migrate(store.db) }
                guard case .migrationFailed(let version, _, let reason) = error else {
                    Issue.record("expected migrationFailed, got \(String(describing: error))")
                    return
                }
                #expect(version == 5)
                #expect(reason == .brokenReferences(count: 1, table: "work_order", row: "3"))
                #expect(try Migrator().status(of: store.db).currentVersion == 4)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }
}

@Suite struct CompleteHistoryTests {
    @Test func aProjectsVendorsAreInItsHistory() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let projects = f.repository(.project)
            #expect(try projects.edit(f.project, set: ["vendors": "美音, 仕贤"]))
            #expect(try !projects.edit(f.project, set: ["vendors": "仕贤, 美音"]))
            let entries = try HistoryLog.entries(store.db, kind: "project", id: f.project)
            #expect(entries.map(\.action) == ["insert", "update"])
            // The link set's key, under the label of the field that sets it.
            #expect(try HistoryLog.summary(entries[1], using: store.db) == .changes([
                HistoryChange(key: "vendor_ids", label: RecordKind.project.field(named: "vendors")?.label,
                              old: .text("[\(f.meiyin)]"), new: .text("[\(f.meiyin),\(f.shixian)]"))]))
        }
    }

    @Test func aDeletedProjectComesBackWithItsVendors() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let projects = f.repository(.project)
            _ = try projects.edit(f.project, set: ["vendors": "美音, 仕贤"])
            let before = try HistoryLog.snapshot(store.db, kind: .project, id: f.project)
            try projects.delete(f.project)
            #expect(try f.count("project_vendor") == 0)
            try projects.restore(f.project)
            #expect(try HistoryLog.snapshot(store.db, kind: .project, id: f.project) == before)
            #expect(try f.count("project_vendor") == 2)
            let last = try HistoryLog.entries(store.db, kind: "project", id: f.project).last
            #expect(last?.action == "insert")
            #expect(last?.note.map(HistoryNote.init(stored:)) == .restore)
        }
    }

    @Test func aRestoreThatWouldConflictIsRefusedWithItsReason() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let vendors = f.repository(.vendor)
            #expect(throws: DRCError.restoreRefused(kind: .vendor, id: f.meiyin, reason: .exists)) { try vendors.restore(f.meiyin) }
            #expect(throws: DRCError.restoreRefused(kind: .vendor, id: 99, reason: .neverDeleted)) { try vendors.restore(99) }
            let yize = try vendors.add(["name": "长沙宜泽网络科技有限公司"])
            try vendors.delete(yize)
            _ = try vendors.add(["name": "长沙宜泽网络科技有限公司"])
            #expect(throws: DRCError.restoreRefused(kind: .vendor, id: yize, reason: .duplicate(field: "name", value: "长沙宜泽网络科技有限公司"))) {
                try vendors.restore(yize)
            }
            // A project whose vendor is gone cannot bring the link back.
            let projects = f.repository(.project)
            let small = try projects.add(["name": "小项目", "vendors": "仕贤"])
            try projects.delete(small)
            try vendors.delete(f.shixian)
            #expect(throws: DRCError.restoreRefused(kind: .project, id: small,
                                                    reason: .missingReference(field: "vendors", kind: .vendor, id: f.shixian))) {
                try projects.restore(small)
            }
            #expect(try store.db.scalar("SELECT count(*) FROM project WHERE id = ?", small)?.int64 == 0)
            try vendors.restore(f.shixian)
            try projects.restore(small)
            #expect(try f.count("project_vendor") == 2)
        }
    }

    @Test func importedRecordsHaveAHistoryOfTheirOwn() throws {
        try withStore { store throws in
            _ = try Fixture(store)
            let csv = "vendor,category,opened,summary\n美音,全区网络故障,2021-03-02,一\n美音,全区网络故障,2021-03-03,二\n"
            let summary = try Importer(store: store, kind: .order, actor: "王丽", options: ImportOptions(sourceName: "orders.csv")).run(MemorySource(Array(csv.utf8)))
            #expect(summary.written == 2)
            for id: Int64 in [1, 2] {
                let entries = try HistoryLog.entries(store.db, kind: "order", id: id)
                #expect(entries.map(\.action) == ["batch"])
                #expect(entries.first?.actor == "王丽")
                #expect(entries.first.map { "\($0.recordID ?? 0)–\($0.lastRecordID ?? 0)" } == "1–2")
            }
            let vendors = "name\n长沙宜泽网络科技有限公司\n"
            _ = try Importer(store: store, kind: .vendor, actor: "王丽", options: ImportOptions(sourceName: "vendors.csv"))
                .run(MemorySource(Array(vendors.utf8)))
            let entries = try HistoryLog.entries(store.db, kind: "vendor", id: 3)
            #expect(entries.map(\.action) == ["insert", "batch"])
            #expect(entries.first?.note.map(HistoryNote.init(stored:)) == .imported(source: "vendors.csv"))
        }
    }
}

@Suite struct StatusEventTests {
    @Test func everyTransitionLeavesAnEventAndReopenKeepsTheEarlierOnes() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create, clock: .frozen(frozenMoment))
            _ = try Fixture(store)
            let order = try RecordRepository(store: store, kind: .order, actor: "王丽")
                .add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00"])
            let lifecycle = WorkOrderLifecycle(store: store, actor: "李强")
            let walk: [(WorkOrderStatus.Action, String?)] = [
                (.assign, "2021-03-01 08:10"), (.pend, "2021-03-01 09:00"), (.assign, nil), (.solve, "2021-03-01 12:00"),
                (.close, "2021-03-01 12:30"), (.reopen, nil), (.cancel, nil), (.reopen, nil),
            ]
            for (action, at) in walk { try lifecycle.apply(action, to: order, at: at) }
            let events = try StatusEvents.of(store.db, kind: .order, id: order)
            #expect(events.map(\.action) == walk.map(\.0.rawValue))
            #expect(events.map { "\($0.from ?? "∅")→\($0.to)" } == [
                "new→assigned", "assigned→pending", "pending→assigned", "assigned→solved",
                "solved→closed", "closed→assigned", "assigned→cancelled", "cancelled→new",
            ])
            #expect(events.map(\.at) == walk.map { $0.1 ?? "2021-03-02 09:30" })
            #expect(Set(events.map(\.actor)) == ["李强"])
            #expect(Set(events.map(\.recordedAt)) == ["2021-03-02T09:30:15+08:00"])
            // A refused transition leaves no event.
            #expect(throws: DRCError.illegalTransition(id: order, from: "new", to: "close", allowed: ["assign", "pend", "solve", "cancel"])) {
                try lifecycle.apply(.close, to: order)
            }
            #expect(try StatusEvents.of(store.db, kind: .order, id: order).count == walk.count)
        }
    }

    @Test func changesMadeBeforeTheEventLogAreTakenFromTheHistory() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/old.sqlite"
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: Array(MigrationRegistry.all.prefix(5))).migrate(db)
            }
            do {
                // Made by a drc of migration 5: its status changes are in the history only.
                let store = try Store(path: path, access: .anyVersion, clock: .frozen(frozenMoment))
                _ = try Fixture(store)
                let order = try RecordRepository(store: store, kind: .order, actor: "t")
                    .add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-01 08:00"])
                try store.db.execute("""
                    UPDATE work_order SET status = 'solved', solved_at = '2021-03-01 11:00' WHERE id = \(order);
                    INSERT INTO history (at, actor, action, kind, record_id, old_values, new_values, note) VALUES
                        ('2021-03-01T03:00:00Z', '王丽', 'update', 'order', \(order), '{"status":"new"}', '{"status":"solved","solved_at":"2021-03-01 11:00"}', 'solve');
                    """)
            }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 6))
            let events = try StatusEvents.of(store.db, kind: .order, id: 1)
            #expect(events.map { "\($0.action) \($0.from ?? "")→\($0.to) \($0.at ?? "") \($0.actor)" } == ["solve new→solved 2021-03-01 11:00 王丽"])
        }
    }
}
