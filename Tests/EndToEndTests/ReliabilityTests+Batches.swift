import Foundation
import Testing

extension ReliabilityTests {
    /// Seeded runs of vendor files sent, re-sent, corrected and undone in any order: after every
    /// step no ticket is held twice, the orders are exactly what the batches not undone added,
    /// and every refusal is a clean exit 1 that changed nothing.
    @Test func vendorFilesNeverCountTwiceWhateverTheOrder() throws {
        var random = SeededGenerator(seed: 13)
        var steps = 0, refused = 0, undone = 0
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let vendors = ["美音", "仕贤"]
            for round in 0..<24 {
                let action = Int(random.next() % 4)
                let before = try clerk.ok("sql", "SELECT count(*) FROM work_order", "--format", "csv")
                let result: RunResult
                if action == 3 {
                    // The latest batch still standing, or now and then an older one (often refused).
                    let live = try clerk.ok("sql", "SELECT coalesce(max(id), 1) FROM import_batch WHERE undone_at IS NULL", "--format", "csv")
                    let latest = Int(live.split(separator: "\n").last ?? "1") ?? 1
                    result = try clerk.run("import", "undo", String(random.next() % 3 == 0 ? max(1, latest - 1) : latest))
                } else {
                    // A file of 1–6 rows from a pool of 8 tickets per vendor, summaries in two versions.
                    var text = "vendor,ticket,category,opened,summary\n"
                    for _ in 0..<(1 + random.next() % 6) {
                        let ticket = random.next() % 8
                        text += "\(vendors[Int(random.next() % 2)]),T-\(ticket),终端桌面,2021-03-0\(1 + ticket % 8),摘要\(random.next() % 2)\n"
                    }
                    try clerk.write("f\(round).csv", text)
                    var arguments = ["import", "orders", "f\(round).csv"]
                    if action == 1 { arguments.append("--update") }
                    if action == 2 { arguments.append("--again") }
                    result = try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "DRC_USER": "王丽"])
                }
                steps += 1
                #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
                if result.status == 1 {
                    refused += 1
                    #expect(try clerk.ok("sql", "SELECT count(*) FROM work_order", "--format", "csv") == before)
                } else if action == 3 {
                    undone += 1
                }
                let twice = try clerk.ok("sql", "SELECT count(*) FROM (SELECT vendor_id, ticket FROM work_order GROUP BY 1, 2 HAVING count(*) > 1)", "--format", "csv")
                #expect(twice.hasSuffix("\n0\n"), "round \(round): \(twice)")
                let held = try clerk.ok("sql", """
                    SELECT (SELECT count(*) FROM work_order) - (SELECT coalesce(sum(added), 0) FROM import_batch WHERE undone_at IS NULL)
                    """, "--format", "csv")
                #expect(held.hasSuffix("\n0\n"), "round \(round): \(held)")
            }
        }
        Self.report("import batches: \(steps) seeded steps (imports, --update, --again, undo), \(refused) refused cleanly, "
                    + "\(undone) undone; no ticket held twice, orders = what live batches added")
    }
}
