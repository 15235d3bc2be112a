import Foundation
import Testing

/// Indicator values that are money (计量单位 元 or 万元) are typed as amounts are everywhere and
/// written in the report's unit, 万元:
///
///     118.2万 = 118.2 × 10,000 = 1,182,000 元 = 118,200,000 fen
///     in 万元: 118,200,000 ÷ 1,000,000 = 118.2;  in 元: 118,200,000 ÷ 100 = 1182000
///     ≤ 120万, actual 118.2万: B ≤ A, so the full 分值 10.
@Suite struct IndicatorAmountTests {
    func withProject(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "（示例）数据中心", "--short-name", "中心")
            _ = try clerk.ok("project", "add", "--name", "（示例）网络运维", "--unit", "中心")
            try body(clerk)
        }
    }

    func add(_ clerk: Clerk, _ name: String, _ values: [String]) throws {
        _ = try clerk.ok(["indicator", "add", "--year", "2021", "--project", "（示例）网络运维", "--level1", "产出指标", "--level2", "成本指标",
                          "--name", name] + values)
    }

    @Test func moneyIsTypedAsAnAmountAndKeptInItsMeasure() throws {
        try withProject { clerk throws in
            try add(clerk, "运维成本", ["--target-op", "<=", "--target", "120万", "--actual", "118.2万", "--measure", "万元", "--weight", "10"])
            try add(clerk, "节约资金", ["--actual", "1,182,000元", "--measure", "元"])
            try add(clerk, "新增税收", ["--actual", "118.2万", "--measure", "元"])
            let first = try clerk.ok("indicator", "show", "1", "--format", "json")
            #expect(first.contains("\"target\":\"<= 120\"") && first.contains("\"actual\":\"118.2\""), "\(first)")
            #expect(try clerk.ok("indicator", "show", "2", "--format", "json").contains("\"actual\":\"1182000\""))
            #expect(try clerk.ok("indicator", "show", "3", "--format", "json").contains("\"actual\":\"1182000\""))
            // A bare number is already in its measure.
            _ = try clerk.ok("indicator", "edit", "1", "--actual", "118.25")
            #expect(try clerk.ok("indicator", "show", "1", "--format", "json").contains("\"actual\":\"118.25\""))
            // ≤ 120 (万元), actual 118.25: within the target, the full 10.
            let sheet = try clerk.ok("score", "--year", "2021", "--project", "（示例）网络运维", "--format", "csv")
            #expect(sheet.contains("产出指标,成本指标,运维成本,≤120万元,118.25万元,10,10,"), "\(sheet)")
        }
    }

    @Test func theReportWritesMoneyInWan() throws {
        try withProject { clerk throws in
            try add(clerk, "节约资金", ["--actual", "1,182,000元", "--measure", "元"])
            try add(clerk, "运维成本", ["--target-op", "<=", "--target", "1200000", "--actual", "118.2万", "--measure", "元", "--weight", "100"])
            let report = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            #expect(report.contains("节约资金：118.2万元（产出指标·成本指标）"), "\(report)")
            // The 自评表 in the report: ≤ 1,200,000 元 is ≤120万元; 1,182,000 元 is 118.2万元.
            #expect(report.contains("| 产出指标 | 成本指标 | 运维成本 | ≤120万元 | 118.2万元 | 100 | 100 |"), "\(report)")
            #expect(!report.contains("1182000元") && !report.contains("1200000元"), "\(report)")
        }
    }

    @Test func anAmountForAMeasureThatIsNotMoneyIsRefused() throws {
        try withProject { clerk throws in
            let refused = try clerk.run("indicator", "add", "--year", "2021", "--project", "（示例）网络运维", "--level1", "产出指标",
                                        "--name", "服务次数", "--actual", "118.2万", "--measure", "次")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("actual \"118.2万\""), "\(refused.stderr)")
            #expect(try clerk.ok("indicator", "list", "--format", "json") == "[]\n")
        }
    }
}
