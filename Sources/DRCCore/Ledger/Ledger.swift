import SQLiteDB

/// The one money ledger of the procurement loop (一本账): per budget line, project, contract or
/// vendor, the budget, what contracts commit, what is accepted, invoiced, paid (net of
/// reversals) and booked, what remains, and how far payments have come (支付进度 = 已支付 ÷
/// 合同承诺). Budget totals, `loop`, `check` and the report all read it; nothing else adds the
/// loop's money. The 执行率 is not the loop's: it is a budget line's 全年执行数 ÷ 全年预算数.
///
/// - The base of `remaining` is the budget line's 全年预算数 (its adjusted budget, else the
///   年初预算数) for a budget line, and the amount committed for a project, contract or vendor
///   (which have no budget of their own).
/// - Commitments, acceptance and invoices count to the contract's budget line (its own, its
///   purchase's or its parent's); payments and bookings to the line a payment names, else the
///   contract's. By budget line, a year holds what is on that year's lines, so a payment from
///   next year's line counts next year, wherever its contract is.
/// - Unknown is not zero: an unknown budget or accepted amount leaves the figures built on it
///   unknown.
public enum Ledger {
    public enum Dimension: String, CaseIterable, Sendable {
        case budgetLine = "budget_line", project, contract, vendor

        public var term: Term {
            switch self {
            case .budgetLine: return Term(zh: "预算科目", en: "budget_line")
            case .project: return Term(zh: "项目", en: "project")
            case .contract: return Term(zh: "合同", en: "contract")
            case .vendor: return Term(zh: "供应商", en: "vendor")
            }
        }
    }

    public struct Figures: Sendable, Equatable {
        public var budget: Int64?
        public var committed: Int64 = 0
        public var accepted: Int64? = 0
        public var invoiced: Int64 = 0
        public var paid: Int64 = 0
        public var booked: Int64 = 0

        /// Budget (or, without one, the commitment) less commitments (or payments).
        public var remaining: Int64? {
            get throws {
                guard let budget else { return try MoneySum.difference(committed, minus: paid, year: nil) }
                return try MoneySum.difference(budget, minus: committed, year: nil)
            }
        }

        /// 支付进度: paid against what contracts commit, in basis points (1/100 of a per cent);
        /// unknown when nothing is committed. Not the 执行率 (全年执行数 ÷ 全年预算数, a budget
        /// line's own figures: `BudgetExecution`).
        public var paymentProgressBasisPoints: Int64? {
            guard committed > 0 else { return nil }
            return Int64(exactly: ExactDecimal.divideRounded(Int128(paid) * 10_000, by: Int128(committed)))
        }
    }

    public struct Row: Sendable, Equatable {
        /// The budget line's, project's, contract's or vendor's id; nil for what names none.
        public let key: Int64?
        public let name: String
        public let figures: Figures
    }

    /// The contracts of `year` (all when nil), each with its money.
    public static func positions(_ db: Connection, year: Int64?) throws -> [ContractPosition] {
        try ContractPosition.load(db, year: year)
    }

    /// The ledger of `year` (every year when nil) by `dimension`. By budget line, every line of
    /// the year is listed (with its budget) even before anything is committed on it.
    public static func compute(_ db: Connection, year: Int64?, by dimension: Dimension) throws -> [Row] {
        // By line, every contract: one of another year may be paid from this year's line.
        let positions = try positions(db, year: dimension == .budgetLine ? nil : year)
        var lineYears: [Int64: Int64] = [:]
        if dimension == .budgetLine, year != nil {
            for row in try db.rows("SELECT id, year FROM budget_line") { lineYears[row.int64("id") ?? 0] = row.int64("year") }
        }
        /// Whether money on `line` (nil: on none) of `position` belongs to the year asked for.
        func inYear(_ line: Int64?, _ position: ContractPosition) -> Bool {
            guard let year, dimension == .budgetLine else { return true }
            guard let line else { return position.year == year }
            return lineYears[line] == year
        }
        var order: [Int64?] = []
        var names: [Int64?: String] = [:]
        var figures: [Int64?: Figures] = [:]
        func touch(_ key: Int64?, _ name: String) {
            if figures[key] == nil { order.append(key); figures[key] = Figures(); names[key] = name }
        }
        if dimension == .budgetLine {
            for line in try db.rows("SELECT id, name, coalesce(adjusted_fen, budget_fen) AS budget_fen FROM budget_line WHERE ?1 IS NULL OR year = ?1 ORDER BY id",
                                    [year.map { .integer($0) } ?? .null]) {
                let id = line.int64("id")
                touch(id, line.string("name") ?? "")
                figures[id]?.budget = line.int64("budget_fen")
            }
        }
        let lineNames = dimension == .budgetLine ? try budgetLineNames(db) : [:]
        for position in positions {
            let key: Int64?, name: String
            switch dimension {
            case .budgetLine: key = position.budgetLineID; name = key.flatMap { lineNames[$0] } ?? ""
            case .project: key = position.projectID; name = position.project ?? ""
            case .contract: key = position.id; name = position.number
            case .vendor: key = position.vendorID; name = position.vendor
            }
            if inYear(key, position) {
                touch(key, name)
                var row = figures[key]!
                row.committed = try MoneySum.add(row.committed, position.amount, year: position.year)
                row.accepted = try row.accepted.flatMap { sum in try position.accepted.map { try MoneySum.add(sum, $0, year: position.year) } }
                row.invoiced = try MoneySum.add(row.invoiced, position.invoiced, year: position.year)
                figures[key] = row
            }
            // Payments count to the line they name.
            for share in position.byLine {
                let lineKey = dimension == .budgetLine ? (share.budgetLineID ?? position.budgetLineID) : key
                guard inYear(lineKey, position) else { continue }
                touch(lineKey, lineKey.flatMap { lineNames[$0] } ?? name)
                var target = figures[lineKey]!
                target.paid = try MoneySum.add(target.paid, share.paid, year: position.year)
                target.booked = try MoneySum.add(target.booked, share.booked, year: position.year)
                figures[lineKey] = target
            }
        }
        return order.map { Row(key: $0, name: names[$0] ?? "", figures: figures[$0]!) }
    }

    /// The sum of rows' figures, checked; unknown where any part is unknown.
    public static func total(_ rows: [Figures], year: Int64?) throws -> Figures {
        var sum = Figures(budget: 0)
        for row in rows {
            sum.budget = try sum.budget.flatMap { total in try row.budget.map { try MoneySum.add(total, $0, year: year) } }
            sum.committed = try MoneySum.add(sum.committed, row.committed, year: year)
            sum.accepted = try sum.accepted.flatMap { total in try row.accepted.map { try MoneySum.add(total, $0, year: year) } }
            sum.invoiced = try MoneySum.add(sum.invoiced, row.invoiced, year: year)
            sum.paid = try MoneySum.add(sum.paid, row.paid, year: year)
            sum.booked = try MoneySum.add(sum.booked, row.booked, year: year)
        }
        return sum
    }

    /// A rate in basis points as a percentage with two decimals: 8542 → `85.42`.
    public static func percent(_ basisPoints: Int64) -> String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    private static func budgetLineNames(_ db: Connection) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try db.rows("SELECT id, name FROM budget_line") { names[row.int64("id") ?? 0] = row.string("name") ?? "" }
        return names
    }
}
