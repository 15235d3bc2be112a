import Foundation
import Testing

/// `--by kind,kind` would repeat a column and a JSON key: refused, naming the dimension.
@Suite struct RepeatedDimensionTests {
    @Test(arguments: [
        (["totals", "--year", "2020", "--by", "vendor,vendor"], "vendor"),
        (["totals", "--year", "2020", "--by", "month,status,month"], "month"),
        (["budget", "totals", "--year", "2020", "--by", "kind,kind"], "kind"),
        (["budget", "totals", "--year", "2020", "--by", "economic, kind,economic", "--format", "json"], "economic"),
    ])
    func repeatedDimensionsAreRefused(arguments: [String], repeated: String) throws {
        try withClerk { clerk throws in
            let result = try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite"])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--by: \"\(repeated)\" is given more than once; name each dimension once"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func distinctDimensionsStillWork() throws {
        try withClerk { clerk throws in
            #expect(try clerk.ok("totals", "--year", "2020", "--by", "vendor,month", "--format", "csv") == "vendor,month,count\n")
            #expect(try clerk.ok("budget", "totals", "--year", "2020", "--by", "kind,economic", "--format", "json") == "[]\n")
        }
    }
}
