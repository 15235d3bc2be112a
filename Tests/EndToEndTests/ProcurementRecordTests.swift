import DRCCore
import Foundation
import Testing

/// The records of the procurement loop (采购 → 合同 → 验收 → 发票 → 支付 → 入账) through the
/// built binary. The records are fictional examples.
@Suite struct ProcurementRecordTests {
    /// A clerk at one database, by name.
    struct Clerk {
        let folder: String
        var db: String { folder + "/drc.sqlite" }

        @discardableResult
        func ok(_ arguments: String...) throws -> String {
            let result = try drc(arguments + ["--db", db], in: folder)
            #expect(result.status == 0, "drc \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }

        func fails(_ arguments: String...) throws -> RunResult {
            let result = try drc(arguments + ["--db", db], in: folder)
            #expect(result.status == 1, "drc \(arguments.joined(separator: " ")) should fail: \(result.stdout)")
            return result
        }

        /// One clean loop, from the purchase to the booking.
        func cleanLoop() throws {
            try ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            try ok("vendor", "add", "--name", "长沙某某科技有限公司")
            try ok("project", "add", "--name", "全区政务网络运维服务项目", "--vendors", "美音")
            try ok("procurement", "add", "--name", "2021年政务网络运维服务", "--year", "2021", "--project", "全区政务网络",
                   "--method", "公开招标", "--budget", "120万", "--award-on", "2021-02-01", "--vendor", "美音", "--award", "98.5万")
            try ok("contract", "add", "--number", "HT-2021-001", "--procurement", "2021年政务", "--vendor", "美音", "--amount", "98.5万",
                   "--signed-on", "2021-02-20", "--starts-on", "2021-03-01", "--ends-on", "2021-12-31",
                   "--stages", "首付款 | | 30 | 合同签订后", "--stages", "尾款 | | 70 | 验收合格")
            try ok("acceptance", "add", "--contract", "HT-2021-001", "--stage", "尾款", "--accepted-on", "2021-12-28",
                   "--conclusion", "合格", "--document", "YS-001", "--members", "王丽 | 采购人 | 是\n赵强 | expert | yes",
                   "--items", "网络可用率 | ≥99.9% | 99.95% | 是")
            try ok("invoice", "add", "--vendor", "美音", "--number", "04391", "--issued-on", "2021-12-29", "--amount", "689500",
                   "--contract", "HT-2021-001")
            try ok("payment", "add", "--contract", "HT-2021-001", "--stage", "尾款", "--invoices", "04391", "--applicant", "李明",
                   "--approver", "张主任", "--paid-on", "2021-12-30", "--amount", "689500", "--voucher", "ZF-0001")
            try ok("booking", "add", "--voucher", "JZ-0001", "--booked-on", "2021-12-31", "--payments", "ZF-0001")
        }
    }

    @Test func aCleanLoopIsRecordedAndShownWithItsChildRows() throws {
        try withTemporaryFolder { folder throws in
            let clerk = Clerk(folder: folder)
            try clerk.ok("init")
            try clerk.cleanLoop()
            let contract = try clerk.ok("contract", "show", "HT-2021-001", "--format", "json")
            #expect(contract.contains(#""stages":"首付款 |  | 30 | 合同签订后\n尾款 |  | 70 | 验收合格""#))
            let acceptance = try clerk.ok("acceptance", "show", "YS-001", "--format", "json")
            #expect(acceptance.contains(#""members":"王丽 | purchaser | yes\n赵强 | expert | yes""#))
            #expect(try clerk.ok("payment", "show", "ZF-0001", "--format", "json").contains(#""invoices":"04391""#))
            #expect(try clerk.ok("booking", "list", "--format", "csv").contains("1,JZ-0001,2021-12-31,ZF-0001,689500.00"))
            let chinese = try drc(["contract", "show", "1", "--db", clerk.db], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(chinese.stdout.contains("付款阶段  首付款 |  | 30 | 合同签订后\n          尾款 |  | 70 | 验收合格"))
            // A purchase, contract and invoice still referred to are not deleted.
            let refused = try clerk.fails("contract", "rm", "HT-2021-001")
            #expect(refused.stderr.contains("contract 1 cannot be deleted: it has 1 acceptance and 1 invoice and 1 payment"))
        }
    }

    @Test func aPaidPaymentStandsAndIsCorrectedByAReversingEntry() throws {
        try withTemporaryFolder { folder throws in
            let clerk = Clerk(folder: folder)
            try clerk.ok("init")
            try clerk.cleanLoop()
            // Not yet paid: it may change and go.
            try clerk.ok("payment", "add", "--contract", "HT-2021-001", "--stage", "首付款", "--amount", "295500", "--voucher", "ZF-0003")
            try clerk.ok("payment", "edit", "ZF-0003", "--amount", "295000")
            #expect(try clerk.fails("payment", "reverse", "ZF-0003").stderr.contains("is not final yet"))
            try clerk.ok("payment", "rm", "ZF-0003")
            // Paid: it stands.
            #expect(try clerk.fails("payment", "edit", "ZF-0001", "--amount", "1").stderr
                .contains("payments cannot be edited; correct one with a reversing entry"))
            #expect(try clerk.fails("payment", "rm", "ZF-0001").stderr.contains("payments cannot be deleted"))
            #expect(try clerk.ok("payment", "reverse", "ZF-0001", "--paid-on", "2022-01-05", "--voucher", "ZF-0002")
                .contains("Reversed payment #1 by #3."))
            let reversal = try clerk.ok("payment", "show", "ZF-0002", "--format", "json")
            #expect(reversal.contains(#""amount":-689500.00"#) && reversal.contains(#""paid_on":"2022-01-05""#)
                    && reversal.contains(#""reverses":1"#))
            #expect(try clerk.fails("payment", "reverse", "ZF-0001").stderr.contains("was reversed already, by payment 3"))
            #expect(try drc(["payment", "reverse", "ZF-0001", "--amount", "1", "--db", clerk.db], in: folder).status == 64)
            // A payment is booked once.
            #expect(try clerk.fails("booking", "add", "--voucher", "JZ-0002", "--payments", "ZF-0001").stderr
                .contains("payment #1 belongs to booking #1 already"))
            try clerk.ok("booking", "add", "--voucher", "JZ-0002", "--payments", "ZF-0002")
            // The history holds every step.
            #expect(try clerk.ok("history", "payment", "3").contains("reversal of #1"))
        }
    }

    @Test func contractsAndAcceptancesRoundTripThroughExportAndImportWithTheirChildRows() throws {
        try withTemporaryFolder { folder throws in
            let clerk = Clerk(folder: folder), copy = Clerk(folder: folder + "/copy")
            try FileManager.default.createDirectory(atPath: copy.folder, withIntermediateDirectories: false)
            try clerk.ok("init")
            try clerk.cleanLoop()
            try copy.ok("init")
            for kind in ["vendors", "projects", "procurements", "contracts", "acceptances", "invoices", "payments", "bookings"] {
                try clerk.ok("export", kind, "-o", folder + "/\(kind).csv", "--quiet")
                try copy.ok("import", kind, folder + "/\(kind).csv", "--quiet")
                #expect(try copy.ok("export", kind) == (try clerk.ok("export", kind)), "\(kind)")
            }
            // A bad child row names its line and field, and nothing is written.
            let bad = try copy.fails("contract", "add", "--number", "HT-2", "--vendor", "美音", "--amount", "1",
                                     "--stages", "首付款 | 一百")
            #expect(bad.stderr.contains("stages 1 amount \"一百\""))
            #expect(try copy.ok("contract", "list", "--format", "csv").components(separatedBy: "\n").count == 3)
        }
    }

    @Test func aDeletedContractComesBackWithItsStages() throws {
        try withTemporaryFolder { folder throws in
            let clerk = Clerk(folder: folder)
            try clerk.ok("init")
            try clerk.ok("vendor", "add", "--name", "长沙某某科技有限公司")
            try clerk.ok("contract", "add", "--number", "HT-9", "--vendor", "某某", "--amount", "10000", "--stages", "全款 | 10000 | 100 | 验收合格")
            try clerk.ok("contract", "edit", "HT-9", "--stages", "首付款 | 3000\n尾款 | 7000")
            try clerk.ok("contract", "rm", "HT-9")
            try clerk.ok("restore", "contract", "1")
            #expect(try clerk.ok("contract", "show", "HT-9", "--format", "json").contains(#""stages":"首付款 | 3000.00\n尾款 | 7000.00""#))
            let history = try clerk.ok("history", "contract", "1", "--format", "json")
            #expect(history.contains("全款"))
        }
    }
}
