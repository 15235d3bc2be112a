@testable import DRCCore
import Foundation
import SQLiteDB
import Testing

/// Every yuan on its line, whatever way it came (issue 25, item 1): over seeded random ledgers
/// (contracts with and without a purchase, with a line of their own, supplements that name only
/// their parent, stages, partial acceptances, reversals, payments from another year's line,
/// bookings), budget totals, `loop` and the report give the sums a model of the same ledger
/// gives, every time. The model is worked out here from what was entered, not from drc.
///
/// One database is migrated once; each ledger is written inside a transaction that is rolled
/// back, so a thousand ledgers (the default) take about 4 seconds; `DRC_LEDGER_SEEDS` sets how many.
@Suite struct LedgerPropertyTests {
    static let seeds: Int = ProcessInfo.processInfo.environment["DRC_LEDGER_SEEDS"].flatMap(Int.init) ?? 1000

    /// The lines every ledger may use, with their years.
    static let lines: [(name: String, year: Int64)] = [("运维费2021", 2021), ("设备费2021", 2021), ("运维费2022", 2022), ("设备费2022", 2022)]

    /// SplitMix64: the same seed, the same ledger, on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// What the ledger should say, per line (nil: no line) and year.
    struct Model {
        struct Bucket: Hashable { let line: String?; let year: Int64 }
        var committed: [Bucket: Int64] = [:]
        var paid: [Bucket: Int64] = [:]
        var booked: [Bucket: Int64] = [:]
        /// Per contract year, the contracts' amounts and everything paid on them (any line).
        var contractAmounts: [Int64: Int64] = [:]
        var contractPaid: [Int64: Int64] = [:]

        func sum(_ figures: [Bucket: Int64], year: Int64) -> Int64 {
            figures.filter { $0.key.year == year }.values.reduce(0, +)
        }
    }

    struct Rollback: Error {}

    @Test func budgetTotalsLoopAndReportAgreeOnEveryLedger() throws {
        try withStore { store throws in
            let book = LoopBook(store: store)
            try book.add(.unit, ["name": "数据中心"])
            try book.add(.vendor, ["name": LoopBook.vendor])
            for line in Self.lines {
                try book.add(.budget, ["year": String(line.year), "unit": "数据中心", "kind": "project", "name": line.name, "budget": "500万"])
            }
            for seed in 0..<Self.seeds {
                var model = Model()
                do {
                    try store.db.transaction {
                        model = try Self.write(seed: UInt64(seed), book)
                        try Self.compare(model, book, seed: seed)
                        throw Rollback()
                    }
                } catch is Rollback {}
            }
        }
    }

    /// Writes the ledger of `seed`, returning what it should sum to.
    static func write(seed: UInt64, _ book: LoopBook) throws -> Model {
        var random = Random(state: seed)
        var model = Model()
        // Each contract's line and year as the law of the ledger reads them.
        var contracts: [(number: String, line: String?, year: Int64, amount: Int64, original: Bool)] = []
        var payments: [(id: Int64, voucher: String, contract: Int, line: String?, amount: Int64, reversal: Bool)] = []
        for index in 0..<(1 + random.below(5)) {
            let number = "HT-\(index)"
            let signedYear: Int64 = random.chance(50) ? 2021 : 2022
            let amount = Int64(1 + random.below(100_000_000))
            var values = ["number": number, "vendor": LoopBook.vendor, "amount": Money.yuan(amount),
                          "signed-on": "\(signedYear)-0\(1 + random.below(9))-1\(random.below(10))", "ends-on": "\(signedYear)-12-31"]
            var line: String?
            var year = signedYear
            switch random.below(4) {
            case 0: // its own line
                let chosen = lines[random.below(lines.count)]
                values["budget-line"] = chosen.name
                (line, year) = (chosen.name, chosen.year)
            case 1: // through its purchase (below the threshold, or not)
                let chosen = lines[random.below(lines.count)]
                try book.add(.procurement, ["code": "CG-\(index)", "name": "采购\(index)", "year": String(chosen.year),
                                            "budget-line": chosen.name, "method": random.chance(50) ? "open" : "inquiry"])
                values["procurement"] = "CG-\(index)"
                (line, year) = (chosen.name, chosen.year)
            case 2 where contracts.contains(where: \.original): // a 补充合同 naming only its parent
                let originals = contracts.filter(\.original)
                let parent = originals[random.below(originals.count)]
                values["parent"] = parent.number
                line = parent.line
                year = parent.line == nil ? signedYear : parent.year
            default: // below the threshold, no purchase, no line
                break
            }
            if random.chance(40) {
                values["stages"] = "首付款 | | 30 | 合同签订后\n尾款 | | 70 | 验收合格"
            }
            try book.add(.contract, values)
            contracts.append((number, line, year, amount, values["parent"] == nil))
            model.committed[.init(line: line, year: year), default: 0] += amount
            model.contractAmounts[year, default: 0] += amount
            if values["stages"] != nil, random.chance(50) {
                try book.add(.acceptance, ["contract": number, "stage": random.chance(50) ? "首付款" : "尾款", "accepted-on": "\(signedYear)-12-31",
                                           "conclusion": "passed", "document": "YS-\(index)"])
            }
            if random.chance(60) {
                try book.add(.invoice, ["vendor": LoopBook.vendor, "number": "FP-\(index)", "amount": Money.yuan(amount / 2), "contract": number])
            }
            for part in 0..<random.below(4) {
                let paidAmount = Int64(1 + random.below(Int(max(amount / 2, 1))))
                var payment = ["contract": number, "amount": Money.yuan(paidAmount), "paid-on": "\(signedYear)-12-2\(part)",
                               "voucher": "ZF-\(index)-\(part)"]
                var paidFrom = line
                if random.chance(30) { // paid from a line it names, perhaps next year's
                    let chosen = lines[random.below(lines.count)]
                    payment["budget-line"] = chosen.name
                    paidFrom = chosen.name
                }
                let id = try book.add(.payment, payment)
                payments.append((id, "ZF-\(index)-\(part)", contracts.count - 1, paidFrom, paidAmount, false))
                if random.chance(20) {
                    let reversal = try book.reverse(payment: id, on: "\(signedYear + 1)-01-0\(1 + part)", voucher: "ZF-\(index)-\(part)R")
                    payments.append((reversal, "ZF-\(index)-\(part)R", contracts.count - 1, paidFrom, -paidAmount, true))
                }
            }
        }
        for (offset, payment) in payments.enumerated() where random.chance(60) {
            try book.add(.booking, ["voucher": "JZ-\(offset)", "booked-on": "2023-01-01", "payments": payment.voucher])
            let contract = contracts[payment.contract]
            let bucket = Model.Bucket(line: payment.line, year: payment.line.map { name in lines.first { $0.name == name }!.year } ?? contract.year)
            model.booked[bucket, default: 0] += payment.amount
        }
        for payment in payments {
            let contract = contracts[payment.contract]
            let bucket = Model.Bucket(line: payment.line, year: payment.line.map { name in lines.first { $0.name == name }!.year } ?? contract.year)
            model.paid[bucket, default: 0] += payment.amount
            model.contractPaid[contract.year, default: 0] += payment.amount
        }
        return model
    }

    /// Every view against the model, for both years.
    static func compare(_ model: Model, _ book: LoopBook, seed: Int) throws {
        let context = Comment(rawValue: "seed \(seed)")
        var loopPaid: Int64 = 0, linesPaid: Int64 = 0
        for year: Int64 in [2021, 2022] {
            // The ledger by line: each line's committed, paid and booked; the no-line row too.
            let rows = try Ledger.compute(book.db, year: year, by: .budgetLine)
            for row in rows {
                let bucket = Model.Bucket(line: row.key == nil ? nil : row.name, year: year)
                #expect(row.figures.committed == model.committed[bucket] ?? 0, context)
                #expect(row.figures.paid == model.paid[bucket] ?? 0, context)
                #expect(row.figures.booked == model.booked[bucket] ?? 0, context)
            }
            let committed = model.sum(model.committed, year: year), paid = model.sum(model.paid, year: year)
            let booked = model.sum(model.booked, year: year)
            // Budget totals: the footer's committed, paid and booked hold every line and the
            // money on none.
            let totals = try BudgetTotals.compute(book.db, year: year, by: [.kind])
            let footer = try #require(totals.footer.first, context)
            let fen = { (index: Int) in Int64(footer[index].text.replacingOccurrences(of: ".", with: "")) }
            if committed == 0 && paid == 0 && booked == 0 && model.contractAmounts[year] == nil {
                // A year whose loop records nothing shows empty cells, not zeros.
                #expect(fen(10) == nil && fen(13) == nil && fen(14) == nil, context)
            } else {
                #expect(fen(10) == committed, context)
                #expect(fen(13) == paid, context)
                #expect(fen(14) == booked, context)
            }
            // loop: the year's contracts, their amounts and all that is paid on them.
            let entries = try LoopStatus.compute(book.db, filter: LoopStatus.Filter(year: year), asOf: DayNumber.of("2023-06-30")!)
            #expect(entries.map(\.position.amount).reduce(0, +) == model.contractAmounts[year] ?? 0, context)
            #expect(entries.map(\.position.amount).reduce(0, +) == committed, context)
            loopPaid += entries.map(\.position.paid).reduce(0, +)
            linesPaid += paid
            // The report's section: the same committed, paid and booked as budget totals.
            let blocks = try ProcurementControlSection(db: book.db, year: year, asOf: nil).blocks { _ in "" }
            if committed == 0 && paid == 0 && booked == 0 {
                #expect(blocks.isEmpty, context)
            } else {
                let money = blocks.compactMap { block -> String? in
                    guard case .paragraph(let text) = block, text.hasPrefix("（一）") else { return nil }
                    return text
                }.first ?? ""
                #expect(money.contains("承诺\(EvaluationReport.amount(committed))"), "\(context): \(money)")
                #expect(money.contains("已支付\(EvaluationReport.amount(paid))"), "\(context): \(money)")
                #expect(money.contains("已入账\(EvaluationReport.amount(booked))"), "\(context): \(money)")
            }
        }
        // Across the years every payment is counted once, on a line or by its contract.
        #expect(loopPaid == linesPaid, context)
        #expect(loopPaid == model.contractPaid.values.reduce(0, +), context)
    }
}
