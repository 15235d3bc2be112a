import SQLiteDB

/// Where one contract's money stands: committed (its amount), accepted, invoiced, paid (net of
/// reversals) and booked, with the day each was last reached. Every output that speaks of the
/// loop's money (budget totals, `loop`, `check`, the report) reads these, through `Ledger`.
public struct ContractPosition: Sendable, Equatable {
    public let id: Int64
    public let number: String
    public let vendorID: Int64, vendor: String
    public let projectID: Int64?, project: String?
    /// The budget line it is paid from: its own, else its purchase's, else its parent's
    /// (`contract_money_line`), when known.
    public let budgetLineID: Int64?
    /// Its line's year, else its purchase's, else the year it was signed.
    public let year: Int64?
    public let amount: Int64
    public let signedOn: String?
    public let endsOn: String?
    /// The amount accepted: the stages a passed acceptance names, or all of it when an
    /// acceptance names no stage. Unknown when an accepted stage has neither amount nor share.
    public let accepted: Int64?
    public let acceptedOn: String?
    public let invoiced: Int64, invoicedOn: String?
    public let paid: Int64, paidOn: String?
    public let booked: Int64, bookedOn: String?
    /// Paid and booked per budget line the payments name (a payment naming none counts to the
    /// contract's line).
    public let byLine: [LineShare]

    public struct LineShare: Sendable, Equatable {
        public let budgetLineID: Int64?
        public let paid: Int64
        public let booked: Int64
    }
}

extension ContractPosition {
    /// The contracts of `year` (every contract when nil), in id order.
    static func load(_ db: Connection, year: Int64?) throws -> [ContractPosition] {
        let contracts = try db.rows("""
            SELECT c.id, c.number, c.vendor_id, v.name AS vendor, coalesce(c.project_id, pr.project_id) AS project_id,
                   pj.name AS project, cl.budget_line_id, c.amount_fen, substr(c.signed_on, 1, 10) AS signed_on,
                   substr(c.ends_on, 1, 10) AS ends_on, cl.year
            FROM contract AS c JOIN contract_money_line AS cl ON cl.contract_id = c.id JOIN vendor AS v ON v.id = c.vendor_id
            LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            LEFT JOIN project AS pj ON pj.id = coalesce(c.project_id, pr.project_id)
            WHERE ?1 IS NULL OR cl.year = ?1
            ORDER BY c.id
            """, [year.map { .integer($0) } ?? .null])
        guard !contracts.isEmpty else { return [] }
        // Per-contract figures, grouped by SQLite so a million payments are never materialised
        // as rows here; the sums across contracts are added in Swift, checked.
        let paidOnly = "p.paid_on IS NOT NULL"
        var lines: [Int64: [LineShare]] = [:]
        var paidOn: [Int64: String] = [:], bookedOn: [Int64: String] = [:]
        for row in try db.rows("""
            SELECT p.contract_id, p.budget_line_id, sum(p.amount_fen) AS paid,
                   sum(CASE WHEN bp.payment_id IS NULL THEN 0 ELSE p.amount_fen END) AS booked,
                   max(substr(p.paid_on, 1, 10)) AS paid_on, max(substr(b.booked_on, 1, 10)) AS booked_on
            FROM payment AS p LEFT JOIN booking_payment AS bp ON bp.payment_id = p.id
            LEFT JOIN booking AS b ON b.id = bp.booking_id
            WHERE \(paidOnly) GROUP BY p.contract_id, p.budget_line_id
            """) {
            let contract = row.int64("contract_id") ?? 0
            lines[contract, default: []].append(LineShare(budgetLineID: row.int64("budget_line_id"),
                                                          paid: row.int64("paid") ?? 0, booked: row.int64("booked") ?? 0))
            paidOn[contract] = max(paidOn[contract] ?? "", row.string("paid_on") ?? "")
            if let day = row.string("booked_on") { bookedOn[contract] = max(bookedOn[contract] ?? "", day) }
        }
        var invoices: [Int64: (Int64, String?)] = [:]
        for row in try db.rows("""
            SELECT contract_id, sum(amount_fen) AS amount, max(substr(issued_on, 1, 10)) AS issued_on
            FROM invoice WHERE contract_id IS NOT NULL GROUP BY contract_id
            """) {
            invoices[row.int64("contract_id") ?? 0] = (row.int64("amount") ?? 0, row.string("issued_on"))
        }
        var passed: [Int64: [(stage: String?, on: String?)]] = [:]
        for row in try db.rows("""
            SELECT contract_id, nullif(trim(stage), '') AS stage, substr(accepted_on, 1, 10) AS accepted_on FROM acceptance
            WHERE conclusion IN ('passed', 'rectified') ORDER BY id
            """) {
            passed[row.int64("contract_id") ?? 0, default: []].append((row.string("stage"), row.string("accepted_on")))
        }
        var stages: [Int64: [(stage: String, amount: Int64?, share: String?)]] = [:]
        for row in try db.rows("SELECT contract_id, stage, amount_fen, share FROM contract_stage ORDER BY contract_id, position") {
            stages[row.int64("contract_id") ?? 0, default: []].append((row.string("stage") ?? "", row.int64("amount_fen"), row.string("share")))
        }
        return try contracts.map { row in
            let id = row.int64("id") ?? 0
            let amount = row.int64("amount_fen") ?? 0
            let year = row.int64("year")
            let shares = lines[id] ?? []
            let acceptances = passed[id] ?? []
            return ContractPosition(
                id: id, number: row.string("number") ?? "", vendorID: row.int64("vendor_id") ?? 0, vendor: row.string("vendor") ?? "",
                projectID: row.int64("project_id"), project: row.string("project"), budgetLineID: row.int64("budget_line_id"),
                year: year, amount: amount, signedOn: row.string("signed_on"), endsOn: row.string("ends_on"),
                accepted: try acceptedAmount(amount, acceptances.map(\.stage), stages[id] ?? [], year: year),
                acceptedOn: acceptances.compactMap(\.on).max(),
                invoiced: invoices[id]?.0 ?? 0, invoicedOn: invoices[id]?.1,
                paid: try MoneySum.total(shares.map(\.paid), year: year), paidOn: paidOn[id].flatMap { $0.isEmpty ? nil : $0 },
                booked: try MoneySum.total(shares.map(\.booked), year: year), bookedOn: bookedOn[id],
                byLine: shares)
        }
    }

    /// What the passed acceptances cover: all of it when one names no stage (or a stage the
    /// contract does not list); else the furthest stage accepted and every stage before it (an
    /// acceptance of the 尾款 stage accepts the work the 首付款 paid for too).
    static func acceptedAmount(_ amount: Int64, _ acceptedStages: [String?],
                               _ stages: [(stage: String, amount: Int64?, share: String?)], year: Int64?) throws -> Int64? {
        guard !acceptedStages.isEmpty else { return 0 }
        var furthest = -1
        for name in acceptedStages {
            guard let name, let index = stages.firstIndex(where: { $0.stage == name }) else { return amount }
            furthest = max(furthest, index)
        }
        if furthest == stages.count - 1 { return amount }
        let parts = try stages[0...furthest].map { stage in try stage.amount ?? stage.share.flatMap { try Self.share($0, of: amount, year: year) } }
        guard let total = try MoneySum.totalIfKnown(parts, year: year) else { return nil }
        return min(total, amount)
    }

    /// `percent` (a decimal such as `30` or `12.5`) of `amount`, rounded to the fen, checked.
    static func share(_ percent: String, of amount: Int64, year: Int64?) throws -> Int64? {
        let parts = percent.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]) else { return nil }
        let fraction = parts.count > 1 ? String(parts[1].prefix(6)) : ""
        let scale = Int64(pow10(fraction.count))
        guard let fractionValue = fraction.isEmpty ? 0 : Int64(fraction) else { return nil }
        let (scaledWhole, o1) = whole.multipliedReportingOverflow(by: scale)
        let (numerator, o2) = scaledWhole.addingReportingOverflow(fractionValue)
        let (product, o3) = amount.multipliedReportingOverflow(by: numerator)
        guard !o1, !o2, !o3 else { throw DRCError.moneyOverflow(year: year) }
        let divisor = 100 * scale
        return (product + divisor / 2) / divisor
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { value, _ in value * 10 } }
}
