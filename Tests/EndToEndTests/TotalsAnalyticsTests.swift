import Foundation
import Testing

/// Managers' totals: filters, ranking, the first N, and years side by side with the change.
/// Counts worked out by hand from the seed (2020: 美音 1340, 仕贤 1295, 宜泽 6789) and the
/// orders added here (2021: 美音 3, 仕贤 1, one 美音 order cancelled, one without a date).
@Suite struct TotalsAnalyticsTests {
    func withOrders(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            for day in 1...3 {
                _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2021-03-0\(day) 10:00", "--unit", "办公室")
            }
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "维修工单", "--opened", "2021-04-01 09:00")
            let cancelled = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2021-03-15 10:00")
            let id = String(try #require(cancelled.split(separator: "#").last?.prefix { $0.isNumber }))
            _ = try clerk.ok("order", "cancel", id)
            _ = try clerk.ok("order", "add", "--vendor", "宜泽", "--category", "维修工单", "--year", "2021")
            try body(clerk)
        }
    }

    @Test func yearsSideBySideWithTheChange() throws {
        try withOrders { clerk throws in
            #expect(try clerk.ok("totals", "--year", "2020-2021", "--format", "csv") == """
                vendor,2020,2021,change,change_percent
                湖南美音网络技术有限公司,1340,3,-1337,-99.8%
                长沙仕贤计算机有限公司,1295,1,-1294,-99.9%
                长沙宜泽信息技术有限责任公司,6789,1,-6788,-100.0%

                """)
            // A year with no orders is a zero column, and from zero the percent is unknown.
            let fromNothing = try clerk.ok("totals", "--year", "2019,2021", "--format", "csv")
            #expect(fromNothing.contains("湖南美音网络技术有限公司,0,3,+3,\n"))
            // JSON carries the same figures as numbers (the sign and the percent sign are for
            // the eye), and parses: "+3" and "-99.8%" were once written bare into it.
            let json = try clerk.ok("totals", "--year", "2020-2021", "--format", "json")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
            let meiyin = rows.first { $0["vendor"] as? String == "湖南美音网络技术有限公司" }
            #expect(meiyin?["change"] as? Int == -1337)
            #expect(meiyin?["change_percent"] as? Double == -99.8)
            let rising = try clerk.ok("totals", "--year", "2019,2021", "--format", "json")
            let risingRows = try #require(try JSONSerialization.jsonObject(with: Data(rising.utf8)) as? [[String: Any]], "\(rising)")
            let risen = risingRows.first { $0["vendor"] as? String == "湖南美音网络技术有限公司" }
            #expect(risen?["change"] as? Int == 3)
            #expect(risen?["change_percent"] is NSNull)
            let table = try clerk.ok("--lang", "zh", "totals", "--year", "2020-2021")
            #expect(table.contains("2020年") && table.contains("增减率"))
            #expect(try #require(table.split(separator: "\n").last).contains("9424"))
        }
    }

    @Test func rankedAndTheFirstN() throws {
        try withOrders { clerk throws in
            #expect(try clerk.ok("totals", "--year", "2020", "--sort", "count", "--top", "2", "--format", "csv") == """
                rank,vendor,count
                1,长沙宜泽信息技术有限责任公司,6789
                2,湖南美音网络技术有限公司,1340

                """)
            // The total still counts every order.
            #expect(try #require(try clerk.ok("totals", "--year", "2020", "--sort", "count", "--top", "1").split(separator: "\n").last).hasSuffix("9424"))
            // A per-unit ranking of one year.
            #expect(try clerk.ok("totals", "--year", "2021", "--by", "unit", "--sort", "count", "--format", "csv")
                        .hasPrefix("rank,unit,count\n1,办公室,3\n"))
        }
    }

    @Test func filtersNarrowTheOrdersCounted() throws {
        try withOrders { clerk throws in
            #expect(try clerk.ok("totals", "--year", "2021", "--vendor", "美音", "--by", "category", "--format", "csv")
                        == "category,count\n全区网络故障,3\n")
            // --status counts that status, cancelled included when asked for.
            #expect(try clerk.ok("totals", "--year", "2021", "--status", "已取消", "--by", "category", "--format", "csv")
                        == "category,count\n终端桌面,1\n")
            // A range of days: the order without a date is outside it, not guessed in.
            #expect(try clerk.ok("totals", "--year", "2021", "--from", "2021-03-02", "--to", "2021年4月1日", "--format", "csv")
                        == "vendor,count\n湖南美音网络技术有限公司,2\n长沙仕贤计算机有限公司,1\n")
            #expect(try clerk.ok("totals", "--year", "2021", "--project", "政务网络", "--format", "csv") == "vendor,count\n")
            #expect(try clerk.ok("totals", "--year", "2021", "--unit", "办公室", "--format", "csv") == "vendor,count\n湖南美音网络技术有限公司,3\n")
        }
    }

    @Test(arguments: [
        (["--year", "2021-2019"], "--year: \"2021-2019\" is not a year"), (["--year", "20x1"], "--year: \"20x1\" is not a year"),
        (["--year", "2010-2021"], "at most ten years"), (["--year", "2021,2020"], "is not a year"),
        (["--year", "2021", "--top", "0"], "--top must be a positive whole number"), (["--year", "2021", "--sort", "size"], "--sort: \"size\" is not one of"),
        (["--year", "2021", "--status", "done"], "--status: \"done\" is not a status"), (["--year", "2021", "--from", "3月"], "--from: \"3月\" is not a date"),
    ])
    func badQuestionsAreNamed(arguments: [String], message: String) throws {
        try withClerk { clerk throws in
            let result = try clerk.run(["totals"] + arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(result.stderr)")
        }
    }
}
