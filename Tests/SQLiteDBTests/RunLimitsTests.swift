import Foundation
import SQLiteDB
import Testing

@Suite struct RunLimitsTests {
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"

    @Test func aDeadlineInterruptsAStatementThatRunsForEver() throws {
        try withTemporaryDatabase { _, db throws in
            db.setDeadline(after: 0.3)
            let started = ContinuousClock.now
            do {
                _ = try db.scalar(Self.endless)
                Issue.record("the endless query returned")
            } catch let error as SQLiteError {
                #expect(error.primaryCode == SQLiteCode.interrupt)
            }
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(3), "\(elapsed)")
        }
    }

    @Test func removingTheDeadlineLetsStatementsRun() throws {
        try withTemporaryDatabase { _, db throws in
            db.setDeadline(after: 0)
            #expect(throws: SQLiteError.self) { try db.scalar(Self.endless.replacingOccurrences(of: "FROM c)", with: "FROM c LIMIT 200000)")) }
            db.setDeadline(after: nil)
            #expect(try db.scalar(Self.endless.replacingOccurrences(of: "FROM c)", with: "FROM c LIMIT 200000)"))?.int64 == 200_000)
        }
    }

    @Test func aValueLongerThanTheLimitIsRefusedBeforeItIsBuilt() throws {
        try withTemporaryDatabase { _, db throws in
            db.setMaximumValueLength(1 << 20)
            #expect(try db.scalar("SELECT length(randomblob(1000))")?.int64 == 1000)
            for sql in ["SELECT randomblob(1e9)", "SELECT zeroblob(2000000)", "SELECT hex(zeroblob(600000))"] {
                do {
                    _ = try db.scalar(sql)
                    Issue.record("\(sql) was allowed")
                } catch let error as SQLiteError {
                    #expect(error.primaryCode == SQLiteCode.tooBig, "\(sql): \(error)")
                }
            }
        }
    }
}
