import Foundation
import Testing

/// examples/manager-2021/run.sh (fictional) run through the built `drc`: a year set up from
/// scratch gives the figures a finance officer signs, each worked out by hand here.
///
///     执行率 = 全年执行数 ÷ 全年预算数 (the adjusted budget, else the 年初预算数):
///       基本支出        年初 120万, not adjusted:   118.60 ÷ 120 = 0.98833… → 98.83%
///       示例网络运维费  年初 100万, adjusted 80万:   76.00 ÷  80 = 0.95     → 95.00%
///       示例终端维修费  年初  50万, adjusted 60万:   57.30 ÷  60 = 0.955    → 95.50%
///       department: 全年预算数 120 + 80 + 60 = 260万; 执行数 118.60 + 76 + 57.30 = 251.90万:
///                   251.90 ÷ 260 = 0.968846… → 96.88%
///     支付进度 (网络运维费) = 已支付 76万 ÷ 合同承诺 76万 = 100.00%, beside 执行率, never as it.
///     score: 网络 30 + 20 (76万 ≤ 80万) + 20 + 95.00% × 10 = 9.5 + 20 = 99.5 → 优;
///            终端 92 ÷ 95 × 40 = 38.736… → 38.74, + 20 (57.3万 ≤ 60万), + 95.50% × 10 = 9.55,
///            + 88 ÷ 90 × 30 = 29.333… → 29.33: 97.62 → 优.
///     sla: 网络 March, two 紧急 orders measured: response 30 > 15 (−0.5), fix 180 > 120 (−1):
///          100 − 1.5 = 98.5; April, one 高 remote fix within 120/240: 100;
///          终端 March, two orders without a priority, none measured: no score (无考核数据), not 100.
@Suite struct ManagerExampleTests {
    static let script = BrowserSuiteTests.root.appendingPathComponent("examples/manager-2021/run.sh")

    @Test func aManagersYearGivesFiguresAFinanceOfficerSigns() throws {
        try withTemporaryFolder { folder throws in
            let out = folder + "/out"
            let run = try drc([Self.script.path, out], in: folder,
                              environment: ["DRC": drcBinary.path, "DRC_EXAMPLE_PDF": "no"],
                              executable: URL(fileURLWithPath: "/bin/bash"), timeout: 300)
            #expect(run.status == 0, "\(run.stderr)")
            let db = out + "/records.sqlite"
            func csv(_ arguments: String...) throws -> [String] {
                let result = try drc(["--lang", "en", "--db", db] + arguments + ["--format", "csv"], in: folder)
                #expect(result.status == 0, "\(result.stderr)")
                return result.stdout.split(separator: "\n").map(String.init)
            }
            let totals = try csv("budget", "totals", "--year", "2021")
            #expect(totals.contains { $0.hasPrefix("basic,基本支出,1200000.00,1200000.00,start of year,1186000.00,98.83,") })
            #expect(totals.contains("project,示例网络运维费,1000000.00,800000.00,adjusted,760000.00,95.00,,,none,"
                                    + "760000.00,760000.00,760000.00,760000.00,760000.00,40000.00,100.00"))
            #expect(totals.contains { $0.hasPrefix("project,示例终端维修费,500000.00,600000.00,adjusted,573000.00,95.50,") })
            // The department's line is the table's footer: 260万 adjusted, 251.90万 spent, 96.88%.
            let table = try drc(["--lang", "en", "--db", db, "budget", "totals", "--year", "2021", "--wan"], in: folder).stdout
            let footer = try #require(table.split(separator: "\n").last.map(String.init))
            #expect(footer.replacingOccurrences(of: " +", with: " ", options: .regularExpression).contains("270.00 260.00 partly adjusted 251.90 96.88"), "\(footer)")
            #expect(try csv("score", "--year", "2021") == [
                "set,indicators,weight,score,grade,unscored",
                "示例政务网络运维项目（虚构）,5,100,99.5,excellent,0",
                "示例终端维修项目（虚构）,4,100,97.62,excellent,0",
            ])
            #expect(try csv("sla", "--year", "2021", "--by", "month") == [
                "vendor,month,orders,measured,response_breaches,arrival_breaches,fix_breaches,deduction,score",
                "示例网络技术有限公司（虚构）,2021-03,2,2,1,0,1,1.5,98.5",
                "示例网络技术有限公司（虚构）,2021-04,1,1,0,0,0,0,100",
                "示例计算机服务有限公司（虚构）,2021-03,2,0,0,0,0,,no data",
            ])
            // The report carries them: each project's 预算执行率 from its own line, the conclusion, the annexes.
            let report = try String(contentsOf: URL(fileURLWithPath: out + "/report-2021.md"), encoding: .utf8)
            #expect(report.contains("预算执行率：95.00%（全年执行数76万元÷全年预算数80万元）"))
            #expect(report.contains("预算执行率：95.50%（全年执行数57.3万元÷全年预算数60万元）"))
            #expect(report.contains("示例政务网络运维项目（虚构）自评总分99.5分，等级为“优”。示例终端维修项目（虚构）自评总分97.62分，等级为“优”。"))
            #expect(report.contains("附件：\n\n1. 部门整体支出绩效自评表\n2. 政府采购内部控制情况\n3. 运维服务级别情况\n4. 数据说明\n"))
            #expect(report.contains("| 示例计算机服务有限公司（虚构） | 3月 | 2 | 0 | 0 |  | 无考核数据 |"), "\(report)")
            // Money indicators in the report's unit: 76万元, never 760000元.
            #expect(report.contains("运维成本：76万元") && !report.contains("760000元"))
            #expect(FileManager.default.fileExists(atPath: out + "/report-2021.docx"))
        }
    }
}
