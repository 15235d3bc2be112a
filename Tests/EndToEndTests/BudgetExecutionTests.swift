import Foundation
import Testing

/// 执行率 as the finance bureau computes it (自评表, 财预〔2020〕10号): 全年执行数 ÷ 全年预算数,
/// the 全年预算数 being the adjusted budget, or the 年初预算数 where no adjustment is recorded.
/// Two fictional lines of 2021, each funding a project:
///
///     运维费    年初预算数 120万, not adjusted,   全年执行数 118.60万:
///               1,186,000.00 ÷ 1,200,000.00 = 0.988333… → 98.83%
///     网站费    年初预算数 100万, adjusted to 80万, 全年执行数 76万:
///                 760,000.00 ÷   800,000.00 = 0.95     → 95.00%
///     department (both lines): 年初 220万; 全年预算数 120万 + 80万 = 200万;
///               执行数 118.60万 + 76万 = 194.60万: 1,946,000.00 ÷ 2,000,000.00 = 0.973 → 97.30%
///
/// No contract is recorded: the loop's money is no part of the 执行率.
@Suite struct BudgetExecutionTests {
    func twoLines(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "（示例）数据中心", "--short-name", "中心")
            _ = try clerk.ok("project", "add", "--name", "（示例）网络运维", "--unit", "中心")
            _ = try clerk.ok("project", "add", "--name", "（示例）网站运维", "--unit", "中心")
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "中心", "--kind", "project", "--name", "运维费",
                             "--project", "（示例）网络运维", "--budget", "120万", "--final", "118.60万")
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "中心", "--kind", "project", "--name", "网站费",
                             "--project", "（示例）网站运维", "--budget", "100万", "--adjusted", "80万", "--final", "76万",
                             "--adjustment-note", "（示例）年中调减20万元")
            try body(clerk)
        }
    }

    @Test func executionRateIsSpentOverTheAdjustedBudget() throws {
        try twoLines { clerk throws in
            let totals = try clerk.ok("budget", "totals", "--year", "2021", "--format", "csv")
            // kind,name,budget,adjusted,adjusted_from,final,rate,itemised_final,not_itemised_final,breakdown,<loop>
            #expect(totals.hasPrefix("kind,name,budget,adjusted,adjusted_from,final,rate,"), "\(totals)")
            #expect(totals.contains("project,运维费,1200000.00,1200000.00,start of year,1186000.00,98.83,,,none,"), "\(totals)")
            #expect(totals.contains("project,网站费,1000000.00,800000.00,adjusted,760000.00,95.00,,,none,"), "\(totals)")
            // The total (a table's footer): 220万 at the start of the year, 200万 after adjustment, 194.60万 spent, 97.30%.
            let table = try clerk.ok("budget", "totals", "--year", "2021")
            let footer = try #require(table.split(separator: "\n").last)
            #expect(footer.contains("2200000.00") && footer.contains("2000000.00  partly adjusted  1946000.00  97.30"), "\(footer)")
            // The loop's progress is under its own name, and empty without contracts.
            #expect(totals.split(separator: "\n")[0].hasSuffix(",remaining,payment_progress"), "\(totals)")
            // A clerk reads the same in Chinese, told where the 全年预算数 comes from.
            let chinese = try clerk.ok("--lang", "zh", "budget", "totals", "--year", "2021", "--wan")
            for words in ["年初预算数", "全年预算数", "全年执行数", "执行率(%)", "未调整，即年初预算数", "调整后预算", "98.83", "95.00", "97.30", "118.60"] {
                #expect(chinese.contains(words), "\(words): \(chinese)")
            }
            #expect(!chinese.contains("全年预算 "), "\(chinese)")
            // By classification the same figures, grouped.
            let byFunctional = try clerk.ok("budget", "totals", "--year", "2021", "--by", "functional", "--format", "csv")
            #expect(byFunctional.contains("(unclassified),2200000.00,2000000.00,partly adjusted,1946000.00,97.30"), "\(byFunctional)")
        }
    }

    @Test func projectAndDepartmentRatesInTheSelfEvaluationAndSectionFive() throws {
        try twoLines { clerk throws in
            _ = try clerk.ok("indicator", "add", "--year", "2021", "--project", "（示例）网络运维", "--level1", "产出指标", "--level2", "成本指标",
                             "--name", "预算执行率", "--target-op", ">=", "--target", "100", "--budget-execution", "yes", "--weight", "10")
            _ = try clerk.ok("indicator", "add", "--year", "2021", "--project", "（示例）网站运维", "--level1", "产出指标", "--level2", "成本指标",
                             "--name", "预算执行率", "--target-op", ">=", "--target", "100", "--budget-execution", "yes", "--weight", "10")
            _ = try clerk.ok("indicator", "add", "--year", "2021", "--unit", "中心", "--level1", "预算执行",
                             "--name", "预算执行率", "--target-op", ">=", "--target", "100", "--budget-execution", "yes", "--weight", "10")
            // Project 网络运维: 98.83 ÷ 100 × 10 = 9.883 → 9.88; 网站运维: 95 ÷ 100 × 10 = 9.5;
            // the department: 97.3 ÷ 100 × 10 = 9.73.
            let network = try clerk.ok("score", "--year", "2021", "--project", "（示例）网络运维", "--format", "csv")
            #expect(network.contains("产出指标,成本指标,预算执行率,≥100,98.83,10,9.88,"), "\(network)")
            let website = try clerk.ok("score", "--year", "2021", "--project", "（示例）网站运维", "--format", "csv")
            #expect(website.contains("产出指标,成本指标,预算执行率,≥100,95,10,9.5,"), "\(website)")
            let department = try clerk.ok("score", "--year", "2021", "--unit", "中心", "--format", "csv")
            #expect(department.contains("预算执行,,预算执行率,≥100,97.3,10,9.73,"), "\(department)")
            // Section 五 says each rate with its arithmetic, never an empty "预算执行率：".
            let report = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            let five = report.components(separatedBy: "## 五、")[1].components(separatedBy: "\n## ")[0]
            #expect(five.contains("预算执行率：98.83%（全年执行数118.6万元÷全年预算数（未调整，即年初预算数）120万元）"), "\(five)")
            #expect(five.contains("预算执行率：95.00%（全年执行数76万元÷全年预算数80万元）"), "\(five)")
            #expect(five.contains("预算执行率：97.30%（全年执行数194.6万元÷全年预算数200万元）"), "\(five)")
            #expect(!five.contains("预算执行率：（"), "\(five)")
        }
    }

    @Test func aProjectWithoutLinesHasNoRateRatherThanTheDepartments() throws {
        try twoLines { clerk throws in
            _ = try clerk.ok("project", "add", "--name", "（示例）无科目项目", "--unit", "中心")
            _ = try clerk.ok("indicator", "add", "--year", "2021", "--project", "（示例）无科目项目", "--level1", "产出指标",
                             "--name", "预算执行率", "--target-op", ">=", "--target", "100", "--budget-execution", "yes", "--weight", "10")
            let sheet = try clerk.ok("score", "--year", "2021", "--project", "（示例）无科目项目", "--format", "csv")
            #expect(sheet.contains("产出指标,,预算执行率,≥100,,10,,"), "\(sheet)")
            let report = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            #expect(report.contains("预算执行率：未知（无预算科目列明属于本项目）"), "\(report)")
        }
    }

    @Test func checkFlagsOverspendingAndAnAdjustmentWithoutANote() throws {
        try twoLines { clerk throws in
            #expect(try clerk.run("check", "--year", "2021").stdout.contains("budget #") == false)
            // 全年执行数 125万 > 全年预算数 120万 (not adjusted, so the 年初预算数).
            _ = try clerk.ok("budget", "edit", "1", "--final", "125万")
            // 全年预算数 90万 ≠ 年初预算数 100万 and the note cleared.
            _ = try clerk.ok("budget", "edit", "2", "--adjusted", "90万", "--clear", "adjustment-note")
            let check = try clerk.run("--lang", "zh", "check", "--year", "2021")
            #expect(check.stdout.contains("全年执行数125.00万元超过全年预算数（未调整，即年初预算数）120.00万元"), "\(check.stdout)")
            #expect(check.stdout.contains("全年预算数90.00万元与年初预算数100.00万元不同，但没有填写调整说明"), "\(check.stdout)")
            let english = try clerk.run("check", "--year", "2021")
            #expect(english.stdout.contains("spent 125.00万元, more than its budget (no adjustment recorded, so the start-of-year budget) of 120.00万元"),
                    "\(english.stdout)")
            // An adjusted line is held to its adjusted budget: 95万 spent is within the 年初预算数 100万
            // but over the 全年预算数 90万.
            _ = try clerk.ok("budget", "edit", "2", "--final", "95万")
            #expect(try clerk.run("--lang", "zh", "check", "--year", "2021").stdout.contains("全年执行数95.00万元超过全年预算数90.00万元"))
            // Spending exactly the budget, and an adjustment with its note, are not flagged.
            _ = try clerk.ok("budget", "edit", "1", "--final", "120万")
            _ = try clerk.ok("budget", "edit", "2", "--final", "76万")
            _ = try clerk.ok("budget", "edit", "2", "--adjustment-note", "（示例）年中调减10万元")
            let clean = try clerk.run("check", "--year", "2021")
            #expect(!clean.stdout.contains("spent ") && !clean.stdout.contains("adjustment note"), "\(clean.stdout)")
        }
    }

    @Test func importReadsTheSelfEvaluationWordsAndTodaysHeadersWithTheirMeaning() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "中心")
            // The 自评表's words, and the headers drc wrote before: 年初预算 (start of year)
            // and 全年预算, which held what was spent (the 决算).
            let new = clerk.folder + "/new.csv", old = clerk.folder + "/old.csv"
            try "年度,单位,支出类型,名称,年初预算数,全年预算数,全年执行数\n2021,中心,项目支出,甲,100万,80万,76万\n"
                .write(toFile: new, atomically: true, encoding: .utf8)
            try "年度,单位,支出类型,名称,年初预算,全年预算\n2021,中心,项目支出,乙,120万,118.60万\n"
                .write(toFile: old, atomically: true, encoding: .utf8)
            _ = try clerk.ok("import", "budget", new)
            _ = try clerk.ok("import", "budget", old)
            let listed = try clerk.ok("budget", "list", "--format", "csv")
            #expect(listed.contains(",甲,,,1000000.00,800000.00,760000.00,"), "\(listed)")
            #expect(listed.contains(",乙,,,1200000.00,,1186000.00,"), "\(listed)")
            // Export in Chinese writes the 自评表's words.
            let exported = try clerk.ok("export", "budget", "--headers", "zh")
            #expect(exported.contains("年初预算数,全年预算数,全年执行数"), "\(exported)")
            #expect(!exported.contains("全年预算,"), "\(exported)")
        }
    }
}
