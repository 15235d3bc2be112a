@testable import DRCCore
import SQLiteDB
import Testing

/// A procurement ledger built record by record through the repositories, as a clerk enters it,
/// for the loop's rule tests: one unit, two vendors, and budget lines for 2021 and 2022. The
/// cases are written from the procurement law and rules R1–R20 (DOMAIN.md §1), not from
/// examples/.
struct LoopBook {
    let store: Store
    var db: Connection { store.db }

    static let vendor = "长沙某网络科技有限公司"
    static let otherVendor = "湖南某信息技术有限公司"

    /// A fresh database with the unit, the two vendors and four budget lines:
    /// 运维费2021 (120万), 设备费2021 (300万), 运维费2022 (120万), 小额2021 (5万).
    static func with(_ body: (LoopBook) throws -> Void) throws {
        try withStore { store throws in
            let book = LoopBook(store: store)
            try book.add(.unit, ["name": "数据中心"])
            try book.add(.vendor, ["name": vendor])
            try book.add(.vendor, ["name": otherVendor])
            for (year, name, amount) in [("2021", "运维费2021", "120万"), ("2021", "设备费2021", "300万"),
                                         ("2022", "运维费2022", "120万"), ("2021", "小额2021", "5万")] {
                try book.add(.budget, ["year": year, "unit": "数据中心", "kind": "project", "name": name, "budget": amount])
            }
            try body(book)
        }
    }

    @discardableResult
    func add(_ kind: RecordKind, _ values: [String: String]) throws -> Int64 {
        try RecordRepository(store: store, kind: kind, actor: "test").add(values)
    }

    @discardableResult
    func reverse(payment id: Int64, on day: String, voucher: String) throws -> Int64 {
        try RecordRepository(store: store, kind: .payment, actor: "test").reverse(id, changing: ["paid-on": day, "voucher": voucher])
    }

    /// A contract with the first vendor, signed, published and filed on one day.
    @discardableResult
    func contract(_ number: String, amount: String, signed: String = "2021-03-01", _ extra: [String: String] = [:]) throws -> Int64 {
        try add(.contract, ["number": number, "vendor": Self.vendor, "amount": amount, "signed-on": signed,
                            "published-on": signed, "filed-on": signed].merging(extra) { $1 })
    }

    /// A paid payment of `contract`.
    @discardableResult
    func pay(_ contract: String, _ amount: String, on day: String, voucher: String, _ extra: [String: String] = [:]) throws -> Int64 {
        try add(.payment, ["contract": contract, "amount": amount, "paid-on": day, "voucher": voucher,
                           "applicant": "李明", "approver": "张主任"].merging(extra) { $1 })
    }

    /// The 疑点 as of `day` (every year), without the findings about missing settings.
    func doubts(on day: String, year: Int64? = nil) throws -> [Reconciliation.Finding] {
        try LoopRules.check(db, year: year, asOf: DayNumber.of(day)).filter { $0.severity == .doubt }
    }

    /// The 疑点 of one rule.
    func doubts(_ rule: LoopRule, on day: String, year: Int64? = nil) throws -> [LoopDoubt] {
        try doubts(on: day, year: year).compactMap { finding in
            guard case .doubt(let doubt) = finding.issue, doubt.rule == rule else { return nil }
            return doubt
        }
    }

    func count(_ table: String) throws -> Int64 {
        try db.scalar("SELECT count(*) FROM \(table)")?.int64 ?? -1
    }
}

/// Expects `body` to be refused as invalid `field` `value` for `reason`, with nothing written.
func expectRefused(_ book: LoopBook, field: String, value: String, reason: Reason, tables: [String],
                   sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) throws {
    let before = try tables.map(book.count) + [try book.count("history")]
    let error = #expect(throws: DRCError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error == .invalid(field: field, value: value, reason: reason), sourceLocation: sourceLocation)
    #expect(try tables.map(book.count) + [try book.count("history")] == before, "something was written", sourceLocation: sourceLocation)
}
