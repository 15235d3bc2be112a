import Foundation
import Testing

/// The procurement loop's examples (examples/, fictional) through the built binary: the clean
/// loop raises no 疑点, each rule's minimal example raises that rule and no other, and the
/// ledger's figures agree across budget totals, loop, check and the report.
@Suite struct LoopExampleTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    /// The day the examples' ages are counted to, as the README's walk-through does.
    static let asOf = "2022-01-10"

    /// The example folders, one per rule: `R4-late-contract` raises R4.
    static let ruleFolders: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        // R and a digit: README.md is not a rule's folder.
        return names.filter { $0.first == "R" && $0.dropFirst().first?.isNumber == true }.sorted()
    }()

    struct Loop {
        let folder: String
        var db: String { folder + "/drc.sqlite" }

        @discardableResult
        func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
            let result = try drc(arguments + ["--db", db], in: folder, environment: environment)
            #expect(result.status == 0, "drc \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }

        /// A fresh database with the clean loop and then each of `folders`, imported in file order.
        static func loaded(_ folder: String, _ folders: [String]) throws -> Loop {
            let loop = Loop(folder: folder)
            try loop.ok(["init"])
            for example in ["clean"] + folders {
                let files = try FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(example).path)
                    .filter { $0.hasSuffix(".csv") }.sorted()
                for file in files {
                    // 07-contracts.csv holds contracts.
                    let kind = String(file.dropLast(4).drop { $0 != "-" }.dropFirst())
                    try loop.ok(["import", kind, examples.appendingPathComponent(example).appendingPathComponent(file).path])
                }
            }
            return loop
        }

        /// The rule codes `check` raises, from its JSON.
        func rules(_ extra: [String] = []) throws -> Set<String> {
            let json = try ok(["check", "--on", asOf, "--format", "json"] + extra)
            let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            return Set(rows.compactMap { $0["rule"] as? String })
        }
    }

    @Test func everyRuleHasItsExample() {
        let codes = Set(Self.ruleFolders.map { String($0.prefix { $0 != "-" }) })
        #expect(codes == ["R1", "R2", "R3", "R4", "R5P", "R5F", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R12A", "R13", "R13I", "R13M", "R14", "R15", "R15A", "R16", "R17", "R18", "R19", "R20"])
    }

    @Test func theCleanLoopRaisesNoDoubtAndIsClosed() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, [])
            #expect(try loop.rules().isEmpty)
            #expect(try loop.ok(["loop", "--on", Self.asOf, "--format", "csv"])
                .contains("示例-HT-001,示例网络技术有限公司（虚构）,2021,985000.00,booked,11,985000.00,985000.00,985000.00,985000.00,"))
        }
    }

    @Test(arguments: ruleFolders) func eachExampleRaisesItsRuleAndNoOther(_ example: String) throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, [example])
            #expect(try loop.rules() == [String(example.prefix { $0 != "-" })])
        }
    }

    /// The working-day calendar is data: without the National Day holidays and make-up days, the
    /// clean contract (signed 2021-09-30, published 2021-10-09) looks published late.
    @Test func theCalendarDecidesWorkingDays() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, [])
            for day in ["2021-09-26", "2021-10-01", "2021-10-02", "2021-10-03", "2021-10-04", "2021-10-05", "2021-10-06", "2021-10-07", "2021-10-09"] {
                try loop.ok(["calendar", "rm", day])
            }
            // 2021-10-01 … 10-08 count now: published after 6 working days, filed after 8.
            #expect(try loop.rules() == ["R5P", "R5F"])
            // And a limit is data too: allowing 6 working days to publish clears that one.
            try loop.ok(["rule", "edit", "publication_working_days", "--value", "6"])
            #expect(try loop.rules() == ["R5F"])
            // A setting removed is said, not silently taken as zero.
            try loop.ok(["rule", "rm", "contract_days"])
            let check = try loop.ok(["check", "--on", Self.asOf, "--format", "csv"])
            #expect(check.contains("warning,,rule contract_days,\"the setting contract_days is missing"))
        }
    }

    /// A work order naming its contract, opened before the contract was signed, is work before
    /// the contract as much as an early acceptance is (the R3 example has both).
    @Test func aWorkOrderBeforeItsContractIsWorkBeforeContract() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, ["R3-work-before-contract"])
            let check = try loop.ok(["check", "--on", Self.asOf, "--format", "csv"], environment: ["LANG": "zh_CN.UTF-8"])
            #expect(check.contains("工单#") && check.contains("于2021-09-25开单，但合同于2021-09-30签订"), "\(check)")
            #expect(check.contains("验收示例-YS-301日期为2021-09-20，但合同于2021-09-30签订"))
        }
    }

    @Test func checkSaysDoubtsAreNotVerdictsInBothLanguages() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, ["R4-late-contract"])
            let english = try loop.ok(["check", "--on", Self.asOf])
            #expect(english.contains("1 doubts (疑点): Points to verify (疑点) are not verdicts."))
            #expect(english.contains("signed 2021-11-10, 40 days after the award on 2021-10-01 (limit 30 days)  R4    Government Procurement Law art. 46"))
            let chinese = try loop.ok(["check", "--on", Self.asOf], environment: ["LANG": "zh_CN.UTF-8"])
            #expect(chinese.contains("疑点  2021  合同 示例-HT-401  中标通知日2021-10-01，合同于2021-11-10签订，相隔40日（期限30日）  R4    政府采购法第46条"))
            #expect(chinese.contains("疑点 1 项：疑点是需要核实的事项，不是结论。"))
            #expect(try drc(["check", "--db", loop.db, "--on", "2022-13-01"], in: folder).stderr.contains("--on \"2022-13-01\" is not a date"))
        }
    }

    /// One ledger: budget totals, loop, check (R7) and the report say the same figures.
    @Test func theLedgerAgreesAcrossEveryOutput() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, ["R7-over-budget", "R13I-invoices-differ"])
            let totals = try loop.ok(["budget", "totals", "--year", "2021", "--format", "csv"])
            // kind,name,budget,adjusted,adjusted_from,final,rate,itemised,not itemised,breakdown,
            // committed,accepted,invoiced,paid,booked,remaining,payment_progress. No 决算 is entered, so
            // no 执行率; 支付进度 = 已支付 ÷ 合同承诺: 985,000 ÷ 985,000 = 100.00, 0 ÷ 80,000 = 0.00.
            #expect(totals.contains("project,示例运维费,1200000.00,1200000.00,start of year,,,,,none,985000.00,985000.00,985000.00,985000.00,985000.00,215000.00,100.00"), "\(totals)")
            #expect(totals.contains("project,示例小额运维费,50000.00,50000.00,start of year,,,,,none,80000.00,0.00,0.00,0.00,0.00,-30000.00,0.00"), "\(totals)")
            let looped = try loop.ok(["loop", "--on", Self.asOf, "--format", "csv"])
            #expect(looped.contains("示例-HT-001,示例网络技术有限公司（虚构）,2021,985000.00,booked,11,985000.00,985000.00,985000.00,985000.00,"))
            #expect(looped.contains("示例-HT-1311,示例网络技术有限公司（虚构）,2021,50000.00,signed,70,0.00,40000.00,50000.00,50000.00,"))
            let check = try loop.ok(["check", "--on", Self.asOf, "--format", "csv"])
            #expect(check.contains("contracts commit 8.00万元, over the budget of 5.00万元"))
            #expect(check.contains("invoices come to 4.00万元, payments to 5.00万元"))
            let report = try loop.ok(["report", "--year", "2021"])
            // An annex after 七 (no 自评表 this year, so the first), named in the body's list of annexes.
            #expect(report.contains("## 附件1　政府采购内部控制情况"))
            #expect(report.contains("附件：\n\n1. 政府采购内部控制情况\n2. 数据说明\n"), "\(report)")
            #expect(report.contains("| 示例运维费 | 120.00万元 | 98.50万元 | 98.50万元 | 98.50万元 | 21.50万元 | 100.00% |"), "\(report)")
            #expect(report.contains("| 示例小额运维费 | 5.00万元 | 8.00万元 | 0.00万元 | 0.00万元 | -3.00万元 | 0.00% |"), "\(report)")
            #expect(report.contains("合同承诺8.00万元，超过预算5.00万元"))
            // The report's section is Chinese: no English word in it.
            let section = report.components(separatedBy: "## 附件1　")[1].components(separatedBy: "\n## ")[0]
            #expect(section.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil, "\(section)")
        }
    }

    /// A reversing entry nets its payment out of the ledger everywhere: paid and booked fall,
    /// and the loop goes back to invoiced.
    @Test func aReversalNetsOutOfTheLedger() throws {
        try withTemporaryFolder { folder throws in
            let loop = try Loop.loaded(folder, [])
            try loop.ok(["payment", "reverse", "示例-ZF-002", "--paid-on", "2021-12-29", "--voucher", "示例-ZF-003"])
            try loop.ok(["booking", "add", "--voucher", "示例-JZ-003", "--booked-on", "2021-12-30", "--payments", "示例-ZF-003"])
            #expect(try loop.ok(["loop", "--on", Self.asOf, "--format", "csv"])
                .contains("示例-HT-001,示例网络技术有限公司（虚构）,2021,985000.00,invoiced,14,985000.00,985000.00,295500.00,295500.00,paid 689500.00; booked 689500.00"))
            #expect(try loop.ok(["budget", "totals", "--year", "2021", "--format", "csv"])
                .contains("project,示例运维费,1200000.00,1200000.00,start of year,,,,,none,985000.00,985000.00,985000.00,295500.00,295500.00,215000.00,30.00"))
            // A reversed payment and its reversal are not a second payment of the invoice (R14),
            // and invoices ahead of payments are not a 疑点 while the contract is not fully paid.
            #expect(try loop.rules().isEmpty)
        }
    }
}
