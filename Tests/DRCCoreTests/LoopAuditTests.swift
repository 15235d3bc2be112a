@testable import DRCCore
import SQLiteDB
import Testing

/// The loop as an auditor tries it (issue 25): books that stay closed, limits read as the law
/// reads them, an invoice on its own vendor's contract, and every 疑点 with its records. Each
/// rule has a case that fires and a near miss just inside its limit.
@Suite struct LoopAuditTests {
    // MARK: Books that stay open (R15)

    /// Only money paid is booked: a booking naming an unpaid payment is refused, naming it by
    /// its voucher, and neither the booking nor its links nor a history entry is written.
    @Test func onlyAPaidPaymentIsBooked() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万")
            try book.add(.payment, ["contract": "HT-1", "amount": "4万", "voucher": "ZF-1", "applied-on": "2021-04-01"])
            try book.pay("HT-1", "6万", on: "2021-04-02", voucher: "ZF-2")
            try expectRefused(book, field: "payments", value: "ZF-1", reason: .paymentNotPaid, tables: ["booking", "booking_payment"]) {
                try book.add(.booking, ["voucher": "JZ-1", "booked-on": "2021-04-05", "payments": "ZF-2, ZF-1"])
            }
            // The paid one alone is booked; the ledger books no more than was paid.
            try book.add(.booking, ["voucher": "JZ-1", "booked-on": "2021-04-05", "payments": "ZF-2"])
            let position = try #require(try Ledger.positions(book.db, year: 2021).first)
            #expect(position.paid == 6_000_000 && position.booked == 6_000_000)
            // A booking edited to add the unpaid payment is refused too, and stays as it was.
            let booking = try #require(try book.db.scalar("SELECT id FROM booking WHERE voucher = 'JZ-1'")?.int64)
            try expectRefused(book, field: "payments", value: "ZF-1", reason: .paymentNotPaid, tables: ["booking_payment"]) {
                try RecordRepository(store: book.store, kind: .booking, actor: "test").edit(booking, set: ["payments": "ZF-2, ZF-1"])
            }
        }
    }

    /// A reversing entry is cash too: left unbooked past the limit, R15 says so and names the
    /// payment it reverses; booked, the books net to what was paid. Day 30 is inside the limit.
    @Test func aReversalMustItselfBeBooked() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万")
            let paid = try book.pay("HT-1", "10万", on: "2021-04-01", voucher: "ZF-1")
            try book.add(.booking, ["voucher": "JZ-1", "booked-on": "2021-04-02", "payments": "ZF-1"])
            try book.reverse(payment: paid, on: "2021-05-01", voucher: "ZF-1R")
            // 30 days after the reversal: inside the limit.
            #expect(try book.doubts(.notBooked, on: "2021-05-31").isEmpty)
            // 31 days: the reversal, not booked, is a 疑点 naming what it reverses.
            #expect(try book.doubts(.notBooked, on: "2021-06-01") == [.notBooked(paidOn: "2021-05-01", days: 31, limit: 30, reverses: "ZF-1")])
            let finding = try #require(try book.doubts(on: "2021-06-01").first { $0.issue.rule == .notBooked })
            #expect(finding.records.map(\.number) == ["ZF-1R", "ZF-1", "HT-1"])
            // Meanwhile the ledger shows more booked than paid: exactly what R15 now reports.
            let position = try #require(try Ledger.positions(book.db, year: 2021).first)
            #expect(position.paid == 0 && position.booked == 10_000_000)
            try book.add(.booking, ["voucher": "JZ-2", "booked-on": "2021-06-02", "payments": "ZF-1R"])
            #expect(try book.doubts(.notBooked, on: "2021-06-03").isEmpty)
            #expect(try Ledger.positions(book.db, year: 2021).first?.booked == 0)
        }
    }

    // MARK: Limits read as the law reads them (R1, R20)

    /// 条例第28条: splitting is a cumulative amount that *exceeds* (超过) the tender threshold.
    /// Two inquiries of 100万 each reach 200万 exactly: not a 疑点; one fen more is.
    @Test func splittingIsOverTheThresholdNotAtIt() throws {
        try LoopBook.with { book throws in
            for (code, amount) in [("CG-1", "100万"), ("CG-2", "100万")] {
                try book.add(.procurement, ["code": code, "name": "设备采购" + code, "year": "2021", "budget-line": "设备费2021",
                                            "item": "A02 计算机设备", "method": "inquiry", "award": amount])
            }
            #expect(try book.doubts(.splitting, on: "2021-12-31").isEmpty)
            try RecordRepository(store: book.store, kind: .procurement, actor: "test").edit(
                try #require(try book.db.scalar("SELECT id FROM procurement WHERE code = 'CG-2'")?.int64), set: ["award": "1000000.01"])
            let findings = try book.doubts(on: "2021-12-31").filter { $0.issue.rule == .splitting }
            #expect(findings.map(\.issue) == [.doubt(.splitPurchase(item: "A02 计算机设备", count: 2, total: 200_000_001, threshold: 200_000_000,
                                                                    names: ["设备采购CG-1", "设备采购CG-2"]))])
            #expect(findings.first?.records.map(\.number) == ["CG-1", "CG-2"])
        }
    }

    /// R20 is measured from the contract's end date and its payment schedule: a three-year
    /// service contract whose yearly stages are booked as they fall due is on schedule, however
    /// long ago it was signed; a stage left unbooked is open 181 days after its day, not 180.
    @Test func anOpenLoopIsMeasuredFromTheSchedule() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-3Y", amount: "90万", signed: "2021-01-01", [
                "starts-on": "2021-01-01", "ends-on": "2023-12-31",
                "stages": "第一年 | 30万 | | 年度考核后 | other | 2021-12-31\n第二年 | 30万 | | 年度考核后 | other | 2022-12-31\n第三年 | 30万 | | 终验合格后 | final-acceptance | 2023-12-31"])
            try book.add(.acceptance, ["contract": "HT-3Y", "stage": "第一年", "accepted-on": "2021-12-20", "conclusion": "passed",
                                       "document": "YS-1", "members": "王丽 | purchaser | yes", "items": "可用率 | 99.9% | 99.95% | yes"])
            try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "FP-1", "amount": "30万", "contract": "HT-3Y", "issued-on": "2021-12-21"])
            try book.pay("HT-3Y", "30万", on: "2021-12-28", voucher: "ZF-1", ["invoices": "FP-1"])
            // 2022-06-30: signed 545 days ago (the flat rule's 180 long passed), the first year paid
            // but not booked, due 2021-12-31: 181 days on 2022-06-30.
            #expect(try book.doubts(.loopOpen, on: "2022-06-29").isEmpty)
            #expect(try book.doubts(.loopOpen, on: "2022-06-30") == [
                .loopOpen(stage: .signed, dueOn: "2021-12-31", days: 181, limit: 180, due: 30_000_000, booked: 0)])
            // Booked, the contract is on schedule in mid-2022, though far from closed.
            try book.add(.booking, ["voucher": "JZ-1", "booked-on": "2022-01-05", "payments": "ZF-1"])
            #expect(try book.doubts(.loopOpen, on: "2022-06-30").isEmpty)
            // The second year falls due 2022-12-31; 181 days later it is open.
            #expect(try book.doubts(.loopOpen, on: "2023-06-30") == [
                .loopOpen(stage: .signed, dueOn: "2022-12-31", days: 181, limit: 180, due: 60_000_000, booked: 30_000_000)])
        }
    }

    /// Without stages the whole contract falls due at its end; without an end, at signing.
    @Test func anOpenLoopWithoutStagesIsMeasuredFromTheEnd() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-E", amount: "10万", signed: "2021-01-04", ["ends-on": "2021-06-30"])
            try book.contract("HT-S", amount: "10万", signed: "2021-01-04")
            // 2021-07-04: HT-S signed 181 days ago; HT-E ended 4 days ago.
            #expect(try book.doubts(.loopOpen, on: "2021-07-04") == [
                .loopOpen(stage: .signed, dueOn: "2021-01-04", days: 181, limit: 180, due: 10_000_000, booked: 0)])
            #expect(try book.doubts(.loopOpen, on: "2021-12-27").count == 1)
            #expect(try book.doubts(.loopOpen, on: "2021-12-28").count == 2)
        }
    }

    // MARK: Three-way match

    /// An invoice bills its own vendor's contract: refused at entry, and a payment cannot pay
    /// another vendor's invoice either (named with its vendor), with nothing written.
    @Test func anInvoiceIsOnItsOwnVendorsContract() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万")
            try expectRefused(book, field: "contract", value: "HT-1",
                              reason: .vendorDiffers(invoiceVendor: LoopBook.otherVendor, contractVendor: LoopBook.vendor), tables: ["invoice"]) {
                try book.add(.invoice, ["vendor": LoopBook.otherVendor, "number": "FP-9", "amount": "10万", "contract": "HT-1"])
            }
            // An invoice with no contract, of the other vendor, cannot be paid under HT-1.
            try book.add(.invoice, ["vendor": LoopBook.otherVendor, "number": "FP-9", "amount": "10万"])
            try expectRefused(book, field: "invoices", value: "FP-9",
                              reason: .vendorDiffers(invoiceVendor: LoopBook.otherVendor, contractVendor: LoopBook.vendor), tables: ["payment", "payment_invoice"]) {
                try book.pay("HT-1", "10万", on: "2021-04-01", voucher: "ZF-1", ["invoices": "FP-9"])
            }
            // The vendor's own invoice is taken.
            try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "FP-1", "amount": "10万", "contract": "HT-1"])
            try book.pay("HT-1", "10万", on: "2021-04-01", voucher: "ZF-1", ["invoices": "FP-1"])
        }
    }

    /// Invoices and payments are matched: a payment on an invoice of its own contract is no gap;
    /// one on no invoice, or on an invoice billing another contract, is a 疑点 naming each
    /// record, the invoice with its vendor (two vendors here issue the same number).
    @Test func gapsBetweenInvoicesAndPaymentsAreNamed() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万")
            try book.contract("HT-2", amount: "10万")
            try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "00001", "amount": "10万", "contract": "HT-1"])
            try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "00002", "amount": "10万", "contract": "HT-2"])
            try book.pay("HT-1", "10万", on: "2021-04-01", voucher: "ZF-1", ["invoices": "00001"])
            #expect(try book.doubts(.threeWayMatch, on: "2021-04-02").isEmpty)
            try book.pay("HT-2", "4万", on: "2021-04-01", voucher: "ZF-2")
            try book.pay("HT-2", "6万", on: "2021-04-01", voucher: "ZF-3", ["invoices": "00001"])
            let findings = try book.doubts(on: "2021-04-02").filter { $0.issue.rule == .threeWayMatch }
            #expect(findings.map(\.issue) == [.doubt(.paidWithoutInvoice(paidOn: "2021-04-01")),
                                              .doubt(.invoiceOfAnotherContract(invoice: "00001", vendor: LoopBook.vendor, billed: "HT-1"))])
            #expect(findings.last?.records.map(\.number) == ["ZF-3", "HT-2", "00001", "HT-1"])
            #expect(findings.last?.records[2].vendor == LoopBook.vendor)
        }
    }

    // MARK: Typed payment conditions (R8)

    /// Migration 31 maps the conditions written before it by their words, to one kind only when
    /// the words point to one; the unclear are left unclassified, and check lists them. R8 then
    /// reads the kind: "终验合格后支付" is due on final acceptance, which the word match missed.
    @Test func migration31MapsConditionsAndListsTheUnclear() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/v30.sqlite"
            let conditions = ["合同签订后支付", "验收合格后付款", "终验合格后支付", "按季度支付服务费", "每月考核后支付",
                              "收到发票后支付", "合同签订且验收合格后", "双方确认后支付", ""]
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: MigrationRegistry.all.filter { $0.version <= 30 }).migrate(db)
                try db.execute("""
                    INSERT INTO vendor (id, name) VALUES (1, '某公司');
                    INSERT INTO contract (id, number, vendor_id, amount_fen, signed_on) VALUES (1, 'HT-1', 1, 100000, '2021-03-01');
                    """)
                for (index, condition) in conditions.enumerated() {
                    try db.run("INSERT INTO contract_stage (contract_id, position, stage, amount_fen, condition) VALUES (1, ?, ?, 10000, ?)",
                               [.integer(Int64(index)), .text("第\(index)期"), condition.isEmpty ? SQLiteValue.null : .text(condition)])
                }
                try db.run("INSERT INTO payment (contract_id, stage, paid_on, amount_fen, voucher) VALUES (1, '第2期', '2021-04-01', 10000, 'ZF-1')")
            }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 31))
            let kinds = try store.db.rows("SELECT condition_kind FROM contract_stage ORDER BY position").map { $0.string("condition_kind") }
            #expect(kinds == ["signing", "acceptance", "final-acceptance", "quarterly", "monthly", "invoice", nil, nil, nil])
            let findings = try LoopRules.check(store.db, year: nil, asOf: DayNumber.of("2021-04-02"))
            #expect(findings.filter { $0.severity == .warning }.map(\.issue) == [
                .conditionUnclassified(stage: "第6期", condition: "合同签订且验收合格后"),
                .conditionUnclassified(stage: "第7期", condition: "双方确认后支付"),
            ])
            let r8 = findings.compactMap { finding -> LoopDoubt? in
                guard case .doubt(let doubt) = finding.issue, doubt.rule == .paidBeforeAcceptance else { return nil }
                return doubt
            }
            #expect(r8 == [.paidBeforeAcceptance(stage: "第2期", kind: .finalAcceptance, condition: "终验合格后支付", paidOn: "2021-04-01", acceptedOn: nil)])
        }
    }

    /// A payment naming no stage is due on acceptance when every stage of its contract is; one
    /// stage due on signing is enough to leave it unchecked.
    @Test func aPaymentNamingNoStageWaitsWhenEveryStageDoes() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万", ["stages": "初验 | | 50 | | acceptance\n终验 | | 50 | 终验合格后支付 | final-acceptance"])
            try book.contract("HT-2", amount: "10万", ["stages": "首付款 | | 50 | | signing\n尾款 | | 50 | | acceptance"])
            try book.pay("HT-1", "5万", on: "2021-04-01", voucher: "ZF-1")
            try book.pay("HT-2", "5万", on: "2021-04-01", voucher: "ZF-2")
            #expect(try book.doubts(.paidBeforeAcceptance, on: "2021-04-02") == [
                .paidBeforeAcceptance(stage: "", kind: .acceptance, condition: nil, paidOn: "2021-04-01", acceptedOn: nil)])
            // The final stage paid after only the first stage was accepted: still before its acceptance.
            try book.add(.acceptance, ["contract": "HT-1", "stage": "初验", "accepted-on": "2021-03-20", "conclusion": "passed", "document": "YS-1"])
            try book.pay("HT-1", "5万", on: "2021-04-05", voucher: "ZF-3", ["stage": "终验"])
            #expect(try book.doubts(.paidBeforeAcceptance, on: "2021-04-06") == [
                .paidBeforeAcceptance(stage: "终验", kind: .finalAcceptance, condition: "终验合格后支付", paidOn: "2021-04-05", acceptedOn: nil)])
            try book.add(.acceptance, ["contract": "HT-1", "stage": "终验", "accepted-on": "2021-04-05", "conclusion": "passed", "document": "YS-2"])
            #expect(try book.doubts(.paidBeforeAcceptance, on: "2021-04-06").isEmpty)
        }
    }

    // MARK: The rest of §1.3 (R10, R11's vendor, R17, R18, R19)

    /// R10: the whole service accepted before it ended; accepting on its last day is not early,
    /// and accepting an earlier stage before the end is not either.
    @Test func acceptanceBeforeTheServiceEndedIsADoubt() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万", ["ends-on": "2021-06-30", "stages": "首付款 | | 30 | | signing\n尾款 | | 70 | | acceptance"])
            let accept = { (stage: String, day: String, document: String) in
                try book.add(.acceptance, ["contract": "HT-1", "stage": stage, "accepted-on": day, "conclusion": "passed", "document": document,
                                           "members": "王丽 | purchaser | yes", "items": "可用率 | 99.9% | 99.95% | yes"])
            }
            try accept("首付款", "2021-03-01", "YS-0")
            try accept("尾款", "2021-06-30", "YS-1")
            #expect(try book.doubts(.acceptedEarly, on: "2021-07-01").isEmpty)
            try accept("", "2021-06-29", "YS-2")
            #expect(try book.doubts(.acceptedEarly, on: "2021-07-01") == [.acceptedBeforeServiceEnded(acceptedOn: "2021-06-29", endsOn: "2021-06-30")])
        }
    }

    /// R11: the vendor's signature on the 验收书: recorded as missing, a 疑点; unknown, not one.
    @Test func anAcceptanceTheVendorDidNotSignIsIncomplete() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-1", amount: "10万")
            for (document, signed) in [("YS-1", ""), ("YS-2", "yes"), ("YS-3", "no")] {
                try book.add(.acceptance, ["contract": "HT-1", "accepted-on": "2021-06-30", "conclusion": "passed", "document": document,
                                           "members": "王丽 | purchaser | yes", "items": "可用率 | 99.9% | 99.95% | yes"]
                                .merging(signed.isEmpty ? [:] : ["vendor-signed": signed]) { $1 })
            }
            #expect(try book.doubts(.incompleteAcceptance, on: "2021-07-01") == [
                .incompleteAcceptance(unsignedMembers: [], itemsWithoutResult: [], noItems: false, vendorNotSigned: true)])
        }
    }

    /// R17: a method other than open tendering says why; open tendering, a purchase below the
    /// threshold, and a reason given are no 疑点.
    @Test func aNonTenderMethodWithoutItsReasonIsADoubt() throws {
        try LoopBook.with { book throws in
            for (code, method, reason) in [("CG-1", "open", ""), ("CG-2", "below-threshold", ""), ("CG-3", "negotiation", "技术复杂"),
                                           ("CG-4", "inquiry", "  ")] {
                try book.add(.procurement, ["code": code, "name": "采购" + code, "year": "2021", "method": method, "budget": "10万"]
                                .merging(reason.isEmpty ? [:] : ["method-reason": reason]) { $1 })
            }
            #expect(try book.doubts(.methodReason, on: "2021-12-31") == [.methodWithoutReason(method: "inquiry")])
        }
    }

    /// R18: a single-source purchase at the threshold is publicised for 5 working days; Monday
    /// to Friday is 5, Monday to Thursday 4, and none recorded is a 疑点; below the threshold
    /// none is needed. The National Day holidays are not working days.
    @Test func singleSourcePublicityIsFiveWorkingDays() throws {
        try LoopBook.with { book throws in
            let purchase = { (code: String, amount: String, from: String?, to: String?) in
                var values = ["code": code, "name": "单一来源" + code, "year": "2021", "method": "single-source", "method-reason": "原厂维保",
                              "method-approval": "财采批1号", "award": amount]
                if let from, let to { values["publicity-from"] = from; values["publicity-to"] = to }
                try book.add(.procurement, values)
            }
            try purchase("CG-1", "200万", "2021-05-24", "2021-05-28")
            try purchase("CG-2", "199.99万", nil, nil)
            #expect(try book.doubts(.singleSourcePublicity, on: "2021-12-31").isEmpty)
            try purchase("CG-3", "200万", "2021-05-24", "2021-05-27")
            try purchase("CG-4", "300万", nil, nil)
            for day in ["2021-10-01", "2021-10-04", "2021-10-05", "2021-10-06", "2021-10-07"] {
                try book.add(.calendarDay, ["day": day, "kind": "holiday"])
            }
            try purchase("CG-5", "200万", "2021-09-29", "2021-10-08")
            #expect(try book.doubts(.singleSourcePublicity, on: "2021-12-31") == [
                .singleSourceNotPublicised(amount: 200_000_000, from: "2021-05-24", to: "2021-05-27", workingDays: 4, limit: 5),
                .singleSourceNotPublicised(amount: 300_000_000, from: nil, to: nil, workingDays: nil, limit: 5),
                .singleSourceNotPublicised(amount: 200_000_000, from: "2021-09-29", to: "2021-10-08", workingDays: 3, limit: 5),
            ])
        }
    }

    /// R19: bidders in one purchase (the winner among them) sharing a phone (written apart),
    /// an email (case aside) or a 负责人; vendors who share nothing, or who compete in
    /// different purchases, are no 疑点.
    @Test func competingVendorsWhoShareContactsAreADoubt() throws {
        try LoopBook.with { book throws in
            try book.add(.vendor, ["name": "丙公司", "principal": "周某", "phone": "0731-8888 0001", "email": "Bid@Example.invalid"])
            try book.add(.vendor, ["name": "丁公司", "principal": "吴某", "phone": "0731 88880001", "email": "other@example.invalid"])
            try book.add(.vendor, ["name": "戊公司", "principal": "郑某", "phone": "0731-88880002", "email": "bid@example.invalid"])
            try book.add(.procurement, ["code": "CG-1", "name": "检测服务", "year": "2021", "method": "consultation", "method-reason": "技术复杂",
                                        "vendor": "丙公司", "bidders": "戊公司"])
            #expect(try book.doubts(.vendorsConnected, on: "2021-12-31") == [
                .vendorsConnected(vendors: ["丙公司", "戊公司"], tie: .email, value: "bid@example.invalid")])
            try book.add(.procurement, ["code": "CG-2", "name": "等保测评", "year": "2021", "method": "consultation", "method-reason": "技术复杂",
                                        "vendor": "戊公司", "bidders": "丁公司, \(LoopBook.vendor)"])
            #expect(try book.doubts(.vendorsConnected, on: "2021-12-31").count == 1)
            try RecordRepository(store: book.store, kind: .procurement, actor: "test").edit(
                try #require(try book.db.scalar("SELECT id FROM procurement WHERE code = 'CG-2'")?.int64), set: ["bidders": "丁公司, 丙公司"])
            // CG-2 now: 丙 and 丁 share a phone, 丙 and the winner 戊 an email.
            let findings = try book.doubts(on: "2021-12-31").filter { $0.issue.rule == .vendorsConnected }
            #expect(findings.map(\.issue) == [
                .doubt(.vendorsConnected(vendors: ["丙公司", "戊公司"], tie: .email, value: "bid@example.invalid")),
                .doubt(.vendorsConnected(vendors: ["丙公司", "丁公司"], tie: .phone, value: "0731-8888 0001")),
                .doubt(.vendorsConnected(vendors: ["丙公司", "戊公司"], tie: .email, value: "bid@example.invalid")),
            ])
            #expect(findings[1].records.map(\.number) == ["CG-2", "丙公司", "丁公司"])
        }
    }

    // MARK: Assets (R15's asset half, R16, the report's 四)

    /// R15: equipment bought on a capital line (经济分类 310xx) and booked with no asset card;
    /// the same on a service line is no 疑点. R16: cards against the booking that books them
    /// and the invoice that bills them (equal: none; one fen apart: a 疑点 each), a card with no
    /// booking, a card booked before its
    /// acceptance (on the day: none).
    @Test func equipmentBookedWithoutACardAndCardsAgainstTheBooks() throws {
        try LoopBook.with { book throws in
            let lines = RecordRepository(store: book.store, kind: .budget, actor: "test")
            try lines.edit(try #require(try book.db.scalar("SELECT id FROM budget_line WHERE name = '设备费2021'")?.int64), set: ["economic-code": "31002"])
            try lines.edit(try #require(try book.db.scalar("SELECT id FROM budget_line WHERE name = '运维费2021'")?.int64), set: ["economic-code": "30213"])
            for (number, line, voucher) in [("HT-E", "设备费2021", "1"), ("HT-S", "运维费2021", "2")] {
                try book.contract(number, amount: "10万", ["budget-line": line])
                try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "FP-" + voucher, "amount": "10万", "contract": number])
                try book.pay(number, "10万", on: "2021-04-01", voucher: "ZF-" + voucher, ["invoices": "FP-" + voucher])
                try book.add(.booking, ["voucher": "JZ-" + voucher, "booked-on": "2021-04-05", "payments": "ZF-" + voucher])
            }
            try book.add(.acceptance, ["contract": "HT-E", "accepted-on": "2021-04-03", "conclusion": "passed", "document": "YS-1"])
            #expect(try book.doubts(.notCarded, on: "2021-04-06") == [.notCarded(economicCode: "31002")])
            let finding = try #require(try book.doubts(on: "2021-04-06").first { $0.issue.rule == .notCarded })
            #expect(finding.records.map(\.number) == ["HT-E", "ZF-1"])
            let card = { (number: String, value: String, extra: [String: String]) in
                try book.add(.asset, ["number": number, "name": "交换机", "contract": "HT-E", "acceptance": "YS-1", "value": value,
                                      "invoice": "FP-1", "booking": "JZ-1", "booked-on": "2021-04-05"].merging(extra) { $1 })
            }
            try card("ZC-1", "6万", [:])
            let second = try card("ZC-2", "4万", ["booked-on": "2021-04-03"])
            #expect(try book.doubts(.notCarded, on: "2021-04-06").isEmpty)
            #expect(try book.doubts(.assetMismatch, on: "2021-04-06").isEmpty)
            let assets = RecordRepository(store: book.store, kind: .asset, actor: "test")
            try assets.edit(second, set: ["value": "40000.01", "booked-on": "2021-04-02"])
            try book.add(.asset, ["number": "ZC-3", "name": "交换机", "contract": "HT-E", "value": "1万"])
            #expect(try book.doubts(.assetMismatch, on: "2021-04-06") == [
                .assetBookedBeforeAcceptance(bookedOn: "2021-04-02", acceptedOn: "2021-04-03"),
                .assetNotBooked,
                .assetValueDiffers(value: 10_000_001, booked: 10_000_000),
                .assetValueDiffersFromInvoice(value: 10_000_001, invoiced: 10_000_000),
            ])
        }
    }

    /// 四、资产管理情况 from the register: 账实相符 only when the last inventory found every card
    /// on the books; none found, the cards missing named; no inventory, no judgement; no cards,
    /// the section says there is no data after the year's words.
    @Test func theAssetSectionIsWrittenFromTheRegister() throws {
        try LoopBook.with { book throws in
            let section = { try AssetSection(db: book.db, year: 2021).blocks(after: ["资产管理制度完整。"]) }
            #expect(try section() == [.paragraph("资产管理制度完整。"), .paragraph("资产卡片和盘点尚无数据记录。")])
            try book.add(.asset, ["number": "ZC-1", "name": "交换机", "value": "6万", "booked-on": "2021-04-05"])
            try book.add(.asset, ["number": "ZC-2", "name": "服务器", "value": "4万", "booked-on": "2021-05-05", "status": "idle"])
            try book.add(.asset, ["number": "ZC-3", "name": "路由器", "value": "1万", "booked-on": "2022-01-05"])
            var blocks = try section()
            #expect(blocks[1] == .paragraph("（一）资产卡片。截至2021年末，固定资产卡片2张（在用1张和闲置1张），在账资产价值合计10万元。"))
            #expect(blocks[2] == .paragraph("（二）盘点。截至2021年末无盘点记录，无法判断账实是否相符。"))
            try book.add(.inventory, ["number": "PD-1", "taken-on": "2021-12-20", "items": "ZC-1 | yes | 机房\nZC-2 | no |"])
            blocks = try section()
            #expect(blocks[2] == .paragraph("（二）盘点。最近一次盘点于2021-12-20进行（PD-1），盘点2张，找到1张；在账资产中1张未盘到（ZC-2），账实不符。"))
            try book.add(.inventory, ["number": "PD-2", "taken-on": "2021-12-28", "items": "ZC-1 | yes | 机房\nZC-2 | yes | 库房"])
            blocks = try section()
            #expect(blocks[2] == .paragraph("（二）盘点。最近一次盘点于2021-12-28进行（PD-2），盘点2张，找到2张，在账资产全部找到，账实相符。"))
        }
    }

    // MARK: Evidence

    /// R7 names the contracts and payments that sum past the budget, by their numbers; R13
    /// names the payments and the invoices, each invoice with its vendor.
    @Test func aDoubtNamesTheRecordsItRestsOn() throws {
        try LoopBook.with { book throws in
            try book.contract("HT-A", amount: "3万", ["budget-line": "小额2021"])
            try book.contract("HT-B", amount: "2万", ["budget-line": "小额2021"])
            // 5万 committed on a 5万 line: inside the budget.
            #expect(try book.doubts(.overBudget, on: "2021-12-31").isEmpty)
            try book.contract("HT-C", amount: "0.01", ["budget-line": "小额2021"])
            let over = try #require(try book.doubts(on: "2021-12-31").first { $0.issue.rule == .overBudget })
            #expect(over.records.map(\.kind) == [.budget, .contract, .contract, .contract])
            #expect(over.records.map(\.number) == ["小额2021", "HT-A", "HT-B", "HT-C"])

            try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "00012345", "amount": "1万", "contract": "HT-A"])
            try book.pay("HT-A", "1万", on: "2021-04-01", voucher: "ZF-1", ["invoices": "00012345"])
            try book.pay("HT-A", "2万", on: "2021-04-02", voucher: "ZF-2")
            let differ = try #require(try book.doubts(on: "2021-04-03").first { $0.issue.rule == .invoicesDiffer })
            #expect(differ.records == [
                Reconciliation.Evidence(kind: .contract, id: 1, number: "HT-A"),
                Reconciliation.Evidence(kind: .invoice, id: 1, number: "00012345", vendor: LoopBook.vendor),
                Reconciliation.Evidence(kind: .payment, id: 1, number: "ZF-1"),
                Reconciliation.Evidence(kind: .payment, id: 2, number: "ZF-2"),
            ])
        }
    }
}

extension Reconciliation.Issue {
    /// The rule of a 疑点, nil for any other finding.
    var rule: LoopRule? {
        guard case .doubt(let doubt) = self else { return nil }
        return doubt.rule
    }
}
