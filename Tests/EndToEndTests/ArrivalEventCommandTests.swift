import Foundation
import Testing

/// Orders that arrive past their start through the command line leave their arrival event:
/// `order add --status closed`, `import orders` and the demo's seed.
@Suite struct ArrivalEventCommandTests {
    func events(_ clerk: Clerk) throws -> String {
        try clerk.ok("sql", "SELECT record_id, action, from_status, to_status, at, actor FROM status_event ORDER BY id", "--format", "csv")
    }

    @Test func orderAddWithAStatusLeavesOneEvent() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2020-03-02 14:05")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2020-03-02 14:05",
                             "--status", "closed", "--closed", "2020-03-03 09:00")
            #expect(try events(clerk) == "record_id,action,from_status,to_status,at,actor\n2,add,,closed,2020-03-03 09:00,王丽\n")
        }
    }

    @Test func importedOrdersLeaveTheirEventsAndAFailedImportNone() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let good = "vendor,category,status,opened,solved\n美音,全区网络故障,solved,2020-03-02,2020-03-04\n美音,全区网络故障,new,2020-03-02,\n美音,全区网络故障,assigned,2020-03-02,\n"
            try good.write(toFile: clerk.folder + "/good.csv", atomically: true, encoding: .utf8)
            let bad = "vendor,category,status,opened\n美音,全区网络故障,closed,2020-03-02\n没有这家,全区网络故障,closed,2020-03-02\n"
            try bad.write(toFile: clerk.folder + "/bad.csv", atomically: true, encoding: .utf8)
            let refused = try clerk.run("import", "orders", clerk.folder + "/bad.csv")
            #expect(refused.status == 1)
            #expect(try events(clerk) == "record_id,action,from_status,to_status,at,actor\n")
            _ = try clerk.ok("import", "orders", clerk.folder + "/good.csv")
            #expect(try events(clerk) == "record_id,action,from_status,to_status,at,actor\n1,import,,solved,2020-03-04,王丽\n3,import,,assigned,,王丽\n")
        }
    }

    @Test func theSeedsClosedOrdersLeaveTheirEvents() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            let counts = try clerk.ok("sql", "SELECT action, to_status, count(*) AS n, count(at) AS timed FROM status_event GROUP BY 1, 2", "--format", "csv")
            // The report gives counts only: closed, at no time drc could know.
            #expect(counts == "action,to_status,n,timed\nseed,closed,9424,0\n")
        }
    }
}
