import SQLiteDB

/// The records a 疑点 rests on, each read with the number people know it by (a contract's
/// number, a payment's 支付凭证号, an invoice's 发票号码 and its vendor, a booking's 记账凭证号, an
/// acceptance's 验收书 number, a purchase's code), so `check` shows its evidence, not only
/// its conclusion. Read per finding: a ledger of a million payments is never loaded whole.
enum LoopEvidence {
    typealias Evidence = Reconciliation.Evidence

    /// One SELECT per kind, each giving kind, id, number and vendor; callers add WHERE … ORDER BY.
    static let contracts = "SELECT 'contract' AS kind, c.id, c.number, NULL AS vendor FROM contract AS c"
    static let payments = """
        SELECT 'payment' AS kind, p.id, coalesce(nullif(trim(p.voucher), ''), '#' || p.id) AS number, NULL AS vendor FROM payment AS p
        """
    static let invoices = "SELECT 'invoice' AS kind, i.id, i.number, v.name AS vendor FROM invoice AS i JOIN vendor AS v ON v.id = i.vendor_id"
    static let acceptances = """
        SELECT 'acceptance' AS kind, a.id, coalesce(nullif(trim(a.document), ''), '#' || a.id) AS number, NULL AS vendor FROM acceptance AS a
        """
    static let procurements = "SELECT 'procurement' AS kind, pr.id, coalesce(nullif(trim(pr.code), ''), pr.name) AS number, NULL AS vendor FROM procurement AS pr"
    static let orders = "SELECT 'order' AS kind, w.id, coalesce(w.ticket, '#' || w.id) AS number, NULL AS vendor FROM work_order AS w"
    static let budgetLines = "SELECT 'budget' AS kind, l.id, l.name AS number, NULL AS vendor FROM budget_line AS l"

    static func records(_ db: Connection, _ sql: String, _ values: [SQLiteValue] = []) throws -> [Evidence] {
        try db.rows(sql, values).map { row in
            Evidence(kind: RecordKind.ID(rawValue: row.string("kind") ?? ""), id: row.int64("id") ?? 0,
                     number: row.string("number") ?? "", vendor: row.string("vendor"))
        }
    }

    static func contract(_ db: Connection, _ id: Int64) throws -> [Evidence] {
        try records(db, contracts + " WHERE c.id = ?", [.integer(id)])
    }

    static func procurement(_ db: Connection, _ id: Int64?) throws -> [Evidence] {
        guard let id else { return [] }
        return try records(db, procurements + " WHERE pr.id = ?", [.integer(id)])
    }

    static func supplements(_ db: Connection, of id: Int64) throws -> [Evidence] {
        try records(db, contracts + " WHERE c.parent_id = ? ORDER BY c.id", [.integer(id)])
    }

    /// A contract's payments (reversals among them), in entry order.
    static func payments(_ db: Connection, ofContract id: Int64) throws -> [Evidence] {
        try records(db, payments + " WHERE p.contract_id = ? AND p.paid_on IS NOT NULL ORDER BY p.id", [.integer(id)])
    }

    static func invoices(_ db: Connection, ofContract id: Int64) throws -> [Evidence] {
        try records(db, invoices + " WHERE i.contract_id = ? ORDER BY i.id", [.integer(id)])
    }

    static func acceptances(_ db: Connection, ofContract id: Int64) throws -> [Evidence] {
        try records(db, acceptances + " WHERE a.contract_id = ? ORDER BY a.id", [.integer(id)])
    }

    static func payment(_ db: Connection, _ id: Int64?) throws -> [Evidence] {
        guard let id else { return [] }
        return try records(db, payments + " WHERE p.id = ?", [.integer(id)])
    }
}
