import Foundation
import Testing

/// `drc score`, `check` and the report's 自评表 on a fictional project, scored by hand:
/// 巡检次数 ≥12, 12 → 30 of 30; 平均响应时间 ≤2, 2.5 → (4 − 2.5) ÷ 2 × 20 = 15 of 20;
/// 服务对象满意度 定性 部分达成, given 22 of 30 (band 18–24); 预算执行率 ≥100, from the
/// project's own line, 全年执行数 90万 of 全年预算数 100万 (not adjusted, so the 年初预算数)
/// → 90 ÷ 100 × 20 = 18 of 20. Total 85: 良.
@Suite struct ScoreCommandTests {
    func scored(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("project", "add", "--name", "（示例）网站运维", "--unit", "区数据资源中心")
            // The project's own line: its 预算执行率 is computed from it, not from the department's.
            _ = try clerk.ok("budget", "add", "--year", "2021", "--unit", "区数据资源中心", "--kind", "project", "--name", "（示例）网站运维费",
                             "--project", "（示例）网站运维", "--budget", "100万", "--final", "90万")
            for indicator in [
                ["--level1", "产出指标", "--level2", "数量指标", "--name", "巡检次数", "--target-op", "正向", "--target", "12", "--actual", "12", "--weight", "30"],
                ["--level1", "产出指标", "--level2", "时效指标", "--name", "平均响应时间", "--target-op", "反向", "--target", "2", "--actual", "2.5",
                 "--measure", "小时", "--weight", "20", "--deviation", "夜间报修增多；已增派值班人员。"],
                ["--level1", "满意度指标", "--name", "服务对象满意度", "--target-op", "定性", "--grade", "部分达成", "--score-given", "22", "--weight", "30"],
                ["--level1", "产出指标", "--level2", "成本指标", "--name", "预算执行率", "--target-op", ">=", "--target", "100", "--budget-execution", "yes", "--weight", "20"],
            ] {
                _ = try clerk.ok(["indicator", "add", "--year", "2021", "--project", "（示例）网站运维"] + indicator)
            }
            try body(clerk)
        }
    }

    @Test func theSheetScoresEachIndicatorAndGradesTheTotal() throws {
        try scored { clerk throws in
            let sheet = try clerk.ok("score", "--year", "2021", "--project", "（示例）网站运维", "--format", "csv")
            #expect(sheet.contains("产出指标,数量指标,巡检次数,≥12,12,30,30,\n"))
            #expect(sheet.contains("产出指标,时效指标,平均响应时间,≤2小时,2.5小时,20,15,夜间报修增多；已增派值班人员。\n"))
            #expect(sheet.contains("满意度指标,,服务对象满意度,,,30,22,\n"))
            #expect(sheet.contains("产出指标,成本指标,预算执行率,≥100,90,20,18,\n"))
            let table = try clerk.ok("--lang", "zh", "score", "--year", "2021", "--project", "（示例）网站运维")
            let total = try #require(table.split(separator: "\n").last)
            #expect(total.contains("合计") && total.contains("100") && total.contains("85") && total.contains("良"), "\(total)")
            let summary = try clerk.ok("score", "--year", "2021", "--format", "csv")
            #expect(summary.contains("（示例）网站运维,4,100,85,good,0\n"))
        }
    }

    @Test func checkAsksForReasonsAndWeightsThatMakeAHundred() throws {
        try scored { clerk throws in
            let check = try clerk.run("--lang", "zh", "check", "--year", "2021")
            #expect(check.stdout.contains("服务对象满意度") && check.stdout.contains("得分22（分值30），未满分却没有填写偏差原因"), "\(check.stdout)")
            #expect(check.stdout.contains("得分18（分值20），未满分却没有填写偏差原因"))
            #expect(!check.stdout.contains("平均响应时间  得分"))
            _ = try clerk.ok("indicator", "add", "--year", "2021", "--project", "（示例）网站运维", "--level1", "效益指标",
                             "--name", "系统可用率", "--target-op", ">=", "--target", "99.9", "--actual", "99.95", "--weight", "5")
            let again = try clerk.run("check", "--year", "2021")
            #expect(again.stdout.contains("self-evaluation of （示例）网站运维") && again.stdout.contains("the weights add up to 105, not 100"))
            // Over 100 the grade is not given.
            let sheet = try clerk.ok("score", "--year", "2021", "--project", "（示例）网站运维", "--format", "csv")
            #expect(sheet.contains("效益指标,,系统可用率,≥99.9,99.95,5,5,\n"))
            #expect(try clerk.ok("score", "--year", "2021", "--format", "csv").contains("（示例）网站运维,5,105,90,,0\n"))
        }
    }

    @Test func aScoreOutsideItsBandIsAnErrorAndLeavesTheTotalUnknown() throws {
        try scored { clerk throws in
            let listed = try clerk.ok("indicator", "list", "--year", "2021", "--format", "csv")
            let line = try #require(listed.split(separator: "\n").first { $0.contains("服务对象满意度") })
            let id = String(try #require(line.split(separator: ",").first))
            _ = try clerk.ok("indicator", "edit", id, "--score-given", "25")
            let check = try clerk.run("--lang", "zh", "check", "--year", "2021")
            #expect(check.status == 1)
            #expect(check.stdout.contains("无法评分：评定得分25不在“部分达成”的区间（18–24）内"), "\(check.stdout)")
            // Unknown is not zero: no total, no grade, one unscored.
            #expect(try clerk.ok("score", "--year", "2021", "--format", "csv").contains("（示例）网站运维,4,100,,,1\n"))
            #expect(try clerk.ok("report", "--year", "2021").contains("有1项指标尚未评分，总分未定。"))
        }
    }

    @Test func theReportAddsTheSheetWhenIndicatorsHaveWeights() throws {
        try scored { clerk throws in
            let report = try clerk.ok("report", "--year", "2021")
            #expect(report.contains("## 附件1　部门整体支出绩效自评表"))
            // The conclusion after 七 gives the total and grade, and points to the annex.
            #expect(report.contains("## 八、评价结论\n\n根据绩效自评表（见附件1），按各指标分值和评分规则计分：（示例）网站运维自评总分85分，等级为“良”。"), "\(report)")
            #expect(report.contains("| 产出指标 | 时效指标 | 平均响应时间 | ≤2小时 | 2.5小时 | 20 | 15 | 夜间报修增多；已增派值班人员。 |"))
            #expect(report.contains("总分85分，等级为“良”。"))
            // The 2020 report has no weights: no sheet.
            #expect(!(try clerk.ok("report", "--year", "2020")).contains("绩效自评表"))
        }
    }
}
