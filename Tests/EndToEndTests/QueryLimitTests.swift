import Foundation
import Testing

/// `drc sql` stops a query at its time limit and refuses values past its size limit, each with
/// a message and exit status 1; ordinary queries are untouched.
@Suite struct QueryLimitTests {
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"

    @Test(arguments: ["table", "csv", "json"])
    func anEndlessQueryStopsAtTheTimeout(format: String) throws {
        try withClerk { clerk throws in
            let started = Date()
            let result = try clerk.run("sql", Self.endless, "--timeout", "1", "--format", format)
            let elapsed = Date().timeIntervalSince(started)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("drc: error: the query was stopped after 1 second (its time limit)"), "\(result.stderr)")
            #expect(elapsed >= 1 && elapsed < 4, "took \(elapsed) s")
        }
    }

    @Test func theTimeoutTakesFractionsAndRefusesNonsense() throws {
        try withClerk { clerk throws in
            let result = try clerk.run("sql", Self.endless, "--timeout", "0.5")
            #expect(result.stderr.hasPrefix("drc: error: the query was stopped after 0.5 seconds"), "\(result.stderr)")
            for bad in ["0", "-1", "abc", "3601", "nan"] {
                let refused = try clerk.run("sql", "SELECT 1", "--timeout=\(bad)")
                #expect(refused.status == 64, "--timeout \(bad): \(refused.stderr)")
            }
        }
    }

    @Test(arguments: [
        "SELECT randomblob(1e9)", "SELECT length(zeroblob(1e9))", "SELECT length(hex(zeroblob(50000000)))",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT length(group_concat(hex(randomblob(500)))) FROM c",
    ])
    func hugeValuesAreRefusedWithTheMemoryMessage(sql: String) throws {
        try withClerk { clerk throws in
            let result = try clerk.run("sql", sql, "--format", "csv")
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("drc: error: the query was stopped: it needed more than 64 MiB of memory"), "\(result.stderr)")
        }
    }

    @Test func ordinaryQueriesStillWork() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            #expect(try clerk.ok("sql", "SELECT name FROM vendor", "--format", "csv") == "name\n湖南美音网络技术有限公司\n")
            #expect(try clerk.ok("sql", "SELECT length(randomblob(1000000)) AS n", "--format", "csv") == "n\n1000000\n")
            let counted = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT count(*) AS n FROM c"
            #expect(try clerk.ok("sql", counted, "--format", "csv") == "n\n100000\n")
        }
    }
}
