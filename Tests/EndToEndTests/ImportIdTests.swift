import Foundation
import Testing

/// A row an import skips (its ticket already stored) draws no order id: a re-import that adds
/// nothing leaves the next order's id where it was, new rows among skipped ones take ids without
/// gaps, and an id a deleted order had is still never given again.
@Suite struct ImportIdTests {
    static let header = "vendor,category,opened,ticket\n"

    @Test func skippedRowsDrawNoId() throws {
        try withClerk { clerk in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            try clerk.write("march.csv", Self.header + "美音,全区网络故障,2021-03-01 09:00,T1\n美音,全区网络故障,2021-03-02 09:00,T2\n"
                            + "美音,全区网络故障,2021-03-03 09:00,T3\n")
            _ = try clerk.ok("import", "orders", "march.csv")
            // The same file again: three rows, all unchanged, no id drawn (#4–#6 once went to nothing).
            #expect(try clerk.ok("import", "orders", "march.csv", "--again").contains("0 new, 3 unchanged"))
            // Known rows around new ones: the new ones take #4 and #5.
            try clerk.write("april.csv", Self.header + "美音,全区网络故障,2021-03-01 09:00,T1\n美音,全区网络故障,2021-04-05 09:00,T5\n"
                            + "美音,全区网络故障,2021-03-02 09:00,T2\n美音,全区网络故障,2021-04-06 09:00,T6\n")
            _ = try clerk.ok("import", "orders", "april.csv")
            let tickets = try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(tickets.map { String($0[0]) } == ["1", "2", "3", "4", "5"])
            // #5 deleted, then a re-import skipping every row: the next order is #6, never #5 again.
            _ = try clerk.ok("order", "rm", "5")
            _ = try clerk.ok("import", "orders", "march.csv", "--again")
            #expect(try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2021-04-07").contains("#6"))
        }
    }
}
