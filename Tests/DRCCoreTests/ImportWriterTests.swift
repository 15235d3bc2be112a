import DRCCore
import Foundation
import SQLiteDB
import Testing

/// What the import's writers promise beyond the rows: a bulk load leaves the table's indexes
/// as it found them, and a row refused halfway leaves nothing of itself.
@Suite struct ImportWriterTests {
    func importFile(_ store: Store, kind: RecordKind, csv: String, in folder: String, _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportSummary {
        let path = folder + "/\(kind.noun.enPlural.replacingOccurrences(of: " ", with: "_"))-\(UUID().uuidString).csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var options = ImportOptions(sourceName: path)
        configure(&options)
        return try Importer(store: store, kind: kind, actor: "test", options: options).run(try FileSource(path: path))
    }

    /// A load bigger than the table sets the covering index aside and must build it again:
    /// afterwards it exists, has the same definition, and the totals query uses it.
    @Test func aBulkLoadRebuildsTheIndexesItSetAside() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create)
            _ = try Fixture(store)
            let definition = try store.db.scalar("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'work_order_totals'")
            #expect(definition != nil)
            var csv = "year,vendor,category,opened\n"
            for day in 0..<2000 { csv += "2020,美音,全区网络故障,2020-\(String(format: "%02d", day % 12 + 1))-01\n" }
            // The threshold is lowered so that a small file counts as a bulk load.
            let summary = try importFile(store, kind: .order, csv: csv, in: folder) { $0.bulkLoadMinimumBytes = 1024 }
            #expect(summary.committed && summary.written == 2000)
            #expect(try store.db.scalar("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'work_order_totals'") == definition)
            let plan = try store.db.rows("EXPLAIN QUERY PLAN SELECT vendor_id, count(*) FROM work_order WHERE year = 2020 GROUP BY vendor_id")
                .map { $0["detail"].displayText }.joined(separator: "\n")
            #expect(plan.contains("work_order_totals"), "\(plan)")
            #expect(try store.db.scalar("PRAGMA integrity_check") == .text("ok"))
        }
    }

    /// With --skip-bad, a project whose vendors cannot be linked is refused after its row was
    /// written; its savepoint takes the row back, and the good projects stay.
    @Test func aRowRefusedHalfwayLeavesNothingOfItself() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create)
            _ = try Fixture(store)
            let rejects = folder + "/rejects.csv"
            let csv = "name,vendors\n好项目,美音\n坏项目,不存在的公司\n另一个好项目,仕贤\n"
            let summary = try importFile(store, kind: .project, csv: csv, in: folder) {
                $0.skipBad = true
                $0.rejectsPath = rejects
            }
            #expect(summary.committed && summary.written == 2 && summary.rejected == 1)
            #expect(summary.errors.first?.problem == .failed(.within(field: "vendors", error: .notFound(kind: .vendor, reference: "不存在的公司"))))
            #expect(try store.db.scalar("SELECT count(*) FROM project WHERE name = '坏项目'") == .integer(0))
            #expect(try store.db.rows("SELECT name FROM project ORDER BY id").compactMap { $0.string("name") }
                    == ["全区政务网络运维服务项目", "好项目", "另一个好项目"])
            #expect(try store.db.scalar("SELECT count(*) FROM project_vendor") == .integer(3))
        }
    }
}
