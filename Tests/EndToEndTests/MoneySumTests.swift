import Foundation
import SQLiteDB
import Testing

/// Sums of money never trap: amounts are capped at 1 万亿元 on the way in, and every total
/// is checked, so even amounts written before the ceiling fail with a message.
@Suite struct MoneySumTests {
    static let overflowMessage = "drc: error: the amounts of 2020 add up to more than drc can hold"

    /// A line broken down into two parts, amounts in yuan.
    func enterLineWithParts(_ clerk: Clerk, part: String) throws {
        _ = try clerk.ok("unit", "add", "--name", "中心")
        _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "1", "--kind", "project", "--name", "运维费", "--breakdown", "partial")
        for name in ["甲", "乙"] {
            _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "1", "--kind", "project", "--name", name,
                             "--parent", "1", "--budget", part, "--final", part)
        }
    }

    @Test func twoLinesAtTheCeilingAddUpExactly() throws {
        try withClerk { clerk throws in
            try enterLineWithParts(clerk, part: "1000000000000")
            let totals = try clerk.ok("budget", "totals", "--year", "2020", "--format", "csv")
            #expect(totals.contains("project,运维费,,,start of year,,,2000000000000.00,,partial"), "\(totals)")
            let byEconomic = try clerk.ok("budget", "totals", "--year", "2020", "--by", "economic", "--format", "csv")
            #expect(byEconomic.contains("(unclassified),2000000000000.00,2000000000000.00,start of year,2000000000000.00,100.00"), "\(byEconomic)")
            #expect(try clerk.run("check").status == 0)
            #expect(try clerk.ok("report", "--year", "2020").contains("运维费"))
        }
    }

    @Test func anAmountAboveTheCeilingIsRefusedNamingFieldAndValue() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "中心")
            for amount in ["1000000000000.01", "100000001万", "99999999999999999999"] {
                let refused = try clerk.run("budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "x", "--final", amount)
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("final \"\(amount)\": is more than the largest amount drc accepts, 1000000000000.00 yuan (1万亿元)"),
                        "\(refused.stderr)")
            }
            let csv = "year,unit,kind,name,budget\n2020,中心,basic,x,1000000000000.01\n"
            try csv.write(toFile: clerk.folder + "/budgets.csv", atomically: true, encoding: .utf8)
            let imported = try clerk.run("import", "budgets", "budgets.csv")
            #expect(imported.status == 1)
            #expect(imported.stderr.contains("is more than the largest amount drc accepts"), "\(imported.stderr)")
            #expect(try clerk.ok("budget", "list", "--format", "json") == "[]\n")
        }
    }

    /// Amounts a drc without the ceiling accepted (written straight into the file here): the
    /// sums overflow Int64 and each report says so, where they used to die with a trap.
    @Test func sumsTooLargeFailWithAMessageNotATrap() throws {
        try withClerk { clerk throws in
            try enterLineWithParts(clerk, part: "1")
            let db = try Connection(path: clerk.folder + "/records.sqlite")
            try db.run("UPDATE budget_line SET budget_fen = 9223372036854775000, final_fen = 9223372036854775000")
            for command in [["budget", "totals", "--year", "2020"], ["budget", "totals", "--year", "2020", "--by", "economic"],
                            ["check"], ["check", "--year", "2020"], ["report", "--year", "2020"]] {
                let result = try drc(command, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite"])
                #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix(Self.overflowMessage), "\(command): \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"))
            }
        }
    }
}
