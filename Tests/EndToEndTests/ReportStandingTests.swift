import DRCCore
import Foundation
import Testing

/// A report says what it stands on: errors in the year's check are said on standard error (the
/// report is written), `--strict` refuses the report and writes nothing; ages are counted to
/// the year's end once the year is over, or to the day `--on` names.
@Suite struct ReportStandingTests {
    @Test func errorsInTheCheckAreSaidAndStrictRefuses() throws {
        try withClerk { clerk in
            _ = try clerk.ok("unit", "add", "--name", "数据中心")
            // Parts that do not add up to their whole: 60 itemised of a complete 100 is an error.
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "数据中心", "--kind", "basic", "--name", "基本支出",
                             "--final", "100", "--breakdown", "complete")
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "数据中心", "--kind", "basic", "--name", "工资",
                             "--final", "60", "--parent", "#1")
            let chinese = ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"]
            let written = try drc(["report", "--year", "2021", "-o", "r.md"], in: clerk.folder, environment: chinese)
            #expect(written.status == 0)
            #expect(written.stderr.contains("drc: 提示：2021 年度的数据核对有 1 项错误（drc check --year 2021 查看）"), "\(written.stderr)")
            #expect(FileManager.default.fileExists(atPath: clerk.folder + "/r.md"))
            let strict = try drc(["report", "--year", "2021", "--strict", "-o", "s.md"], in: clerk.folder, environment: chinese)
            #expect(strict.status == 1)
            #expect(strict.stderr.hasPrefix("drc: 错误：2021 年度的数据核对有 1 项错误，报告未生成"), "\(strict.stderr)")
            #expect(!FileManager.default.fileExists(atPath: clerk.folder + "/s.md"), "a refused report writes nothing")
            let english = try clerk.run("report", "--year", "2021", "--strict")
            #expect(english.stderr.contains("the 2021 figures have 1 error in their check; no report was written"))
            // Corrected, the report is written without a word on standard error, --strict or not.
            _ = try clerk.ok("budget", "edit", "2", "--final", "100")
            let clean = try drc(["report", "--year", "2021", "--strict", "-o", "c.md"], in: clerk.folder, environment: chinese)
            #expect(clean.status == 0, "\(clean.stderr)")
            #expect(!clean.stderr.contains("提示"))
        }
    }

    @Test func agesAreCountedToTheYearsEndOnceTheYearIsOver() throws {
        let today = try #require(DayNumber.of("2026-12-03"))
        // 2021 is over: its last day.
        #expect(ReportDay.asOf(year: 2021, asked: nil, today: today) == DayNumber.of("2021-12-31"))
        // The year under way: today.
        #expect(ReportDay.asOf(year: 2026, asked: nil, today: today) == today)
        // The day asked for wins.
        #expect(ReportDay.asOf(year: 2021, asked: DayNumber.of("2022-03-31"), today: today) == DayNumber.of("2022-03-31"))
        // From 2021-12-31 to 2022-03-31 is 90 days, as an age says it.
        #expect(try #require(DayNumber.of("2022-03-31")) - (try #require(DayNumber.of("2021-12-31"))) == 90)
    }
}
