import SQLiteDB

/// The 疑点 checks of the procurement loop (rules R1–R20 of the domain notes): each lists the
/// rows that break a rule as a point to verify. Thresholds and day limits are read from
/// `rule_setting`, working days from `calendar_day`; the money comes from the one ledger.
public enum LoopRules {
    /// The doubts of `year` (every year when nil). Rules that count days to today (overdue
    /// acceptance, unbooked payments, open loops, not yet published or filed) need `asOf`.
    public static func check(_ db: Connection, year: Int64?, asOf: Int64?) throws -> [Reconciliation.Finding] {
        let settings = try RuleSettings.load(db)
        var findings: [Reconciliation.Finding] = []
        // A rule whose setting is gone is said once, and not run.
        for rule in LoopRule.allCases {
            if let name = rule.setting, settings[name] == nil, !findings.contains(where: { $0.issue == .settingMissing(name: name) }) {
                findings.append(Reconciliation.Finding(year: year, subject: .ruleSetting(name: name), issue: .settingMissing(name: name)))
            }
        }
        let context = Context(db: db, year: year, asOf: asOf, settings: settings, calendar: try WorkingDays.load(db),
                              positions: try Ledger.positions(db, year: year))
        findings += try purchases(context)
        findings += try contracts(context)
        findings += try workBeforeContract(context)
        findings += try budgets(context)
        findings += try acceptances(context)
        findings += try payments(context)
        return findings
    }

    struct Context {
        let db: Connection
        let year: Int64?
        let asOf: Int64?
        let settings: [String: Int64]
        let calendar: WorkingDays
        let positions: [ContractPosition]

        var yearValue: SQLiteValue { year.map { .integer($0) } ?? .null }

        func setting(_ rule: LoopRule) -> Int64? { rule.setting.flatMap { settings[$0] } }

        func doubt(_ year: Int64?, _ subject: Reconciliation.Subject, _ doubt: LoopDoubt) -> Reconciliation.Finding {
            Reconciliation.Finding(year: year, subject: subject, issue: .doubt(doubt))
        }
    }

    /// The contracts' year clause: the purchase's year, else the year signed.
    static let contractYear = "coalesce(pr.year, CAST(substr(c.signed_on, 1, 4) AS INTEGER))"

    // MARK: R1, R2: how it was bought

    static func purchases(_ c: Context) throws -> [Reconciliation.Finding] {
        guard let wan = c.setting(.splitting) else { return [] }
        let (threshold, overflow) = wan.multipliedReportingOverflow(by: Money.fenPerWan)
        guard !overflow else { throw DRCError.moneyOverflow(year: c.year) }
        let rows = try c.db.rows("""
            SELECT id, name, year, budget_line_id, nullif(trim(item), '') AS item, method, nullif(trim(method_approval), '') AS approval,
                   coalesce(award_fen, budget_fen) AS amount
            FROM procurement WHERE (?1 IS NULL OR year = ?1) ORDER BY id
            """, [c.yearValue])
        var findings: [Reconciliation.Finding] = []
        // R2: not open tendering, at or above the threshold, no approval.
        for row in rows {
            guard row.string("method") != "open", row.string("approval") == nil, let amount = row.int64("amount"), amount >= threshold else { continue }
            findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                    .methodNotApproved(method: row.string("method") ?? "", amount: amount, threshold: threshold)))
        }
        // R1: non-tender purchases below the threshold, grouped by year, budget line and item.
        var groups: [[String]: [Row]] = [:]
        var order: [[String]] = []
        for row in rows {
            guard !["open", "invited"].contains(row.string("method") ?? ""), row.string("approval") == nil,
                  let item = row.string("item"), let amount = row.int64("amount"), amount < threshold else { continue }
            let key = [String(row.int64("year") ?? 0), String(row.int64("budget_line_id") ?? 0), item]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        for key in order {
            let group = groups[key] ?? []
            let year = group[0].int64("year")
            let total = try MoneySum.total(group.compactMap { $0.int64("amount") }, year: year)
            guard group.count >= 2, total >= threshold else { continue }
            findings.append(c.doubt(year, .procurement(id: group[0].int64("id") ?? 0, name: group[0].string("name") ?? ""),
                                    .splitPurchase(item: key[2], count: group.count, total: total, threshold: threshold,
                                                   names: group.map { $0.string("name") ?? "" })))
        }
        return findings
    }

    // MARK: R4, R5, R6, R9, R13, R20: each contract

    static func contracts(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        let rows = try c.db.rows("""
            SELECT c.id, c.number, c.amount_fen, \(contractYear) AS year, substr(c.signed_on, 1, 10) AS signed_on,
                   substr(c.published_on, 1, 10) AS published_on, substr(c.filed_on, 1, 10) AS filed_on,
                   substr(pr.award_on, 1, 10) AS award_on
            FROM contract AS c LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE ?1 IS NULL OR \(contractYear) = ?1 ORDER BY c.id
            """, [c.yearValue])
        for row in rows {
            let year = row.int64("year"), subject = Reconciliation.Subject.contract(number: row.string("number") ?? "")
            guard let signedOn = row.string("signed_on"), let signed = DayNumber.of(signedOn) else { continue }
            if let limit = c.setting(.lateContract), let awardOn = row.string("award_on"), let award = DayNumber.of(awardOn),
               signed - award > limit {
                findings.append(c.doubt(year, subject, .lateContract(awardOn: awardOn, signedOn: signedOn, days: signed - award, limit: limit)))
            }
            for (rule, column) in [(LoopRule.latePublication, "published_on"), (.lateFiling, "filed_on")] {
                guard let limit = c.setting(rule) else { continue }
                let doneOn = row.string(column)
                guard let end = DayNumber.of(doneOn) ?? c.asOf else { continue }
                let days = c.calendar.between(signed, end)
                guard days > limit else { continue }
                findings.append(c.doubt(year, subject, rule == .latePublication
                    ? .latePublication(signedOn: signedOn, publishedOn: doneOn, workingDays: days, limit: limit)
                    : .lateFiling(signedOn: signedOn, filedOn: doneOn, workingDays: days, limit: limit)))
            }
        }
        // R6: supplementary contracts over the share of the original.
        if let percent = c.setting(.supplements) {
            let parents = try c.db.rows("""
                SELECT c.id, c.number, c.amount_fen, \(contractYear) AS year,
                       (SELECT group_concat(number, '、') FROM (SELECT number FROM contract WHERE parent_id = c.id ORDER BY id)) AS numbers
                FROM contract AS c LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                WHERE EXISTS (SELECT 1 FROM contract WHERE parent_id = c.id) AND (?1 IS NULL OR \(contractYear) = ?1) ORDER BY c.id
                """, [c.yearValue])
            for parent in parents {
                let year = parent.int64("year"), original = parent.int64("amount_fen") ?? 0
                let supplements = try MoneySum.total(try c.db.rows("SELECT amount_fen FROM contract WHERE parent_id = ?", parent.int64("id") ?? 0)
                    .compactMap { $0.int64("amount_fen") }, year: year)
                let (scaled, o1) = supplements.multipliedReportingOverflow(by: 100)
                let (allowed, o2) = original.multipliedReportingOverflow(by: percent)
                guard !o1, !o2 else { throw DRCError.moneyOverflow(year: year) }
                guard scaled > allowed else { continue }
                findings.append(c.doubt(year, .contract(number: parent.string("number") ?? ""),
                                        .supplementsOver(original: original, supplements: supplements, percent: percent,
                                                         numbers: (parent.string("numbers") ?? "").split(separator: "、").map(String.init))))
            }
        }
        // R9, R13, R20 read the ledger's positions.
        var supplementsOf: [Int64: Int64] = [:]
        for row in try c.db.rows("SELECT parent_id, amount_fen FROM contract WHERE parent_id IS NOT NULL") {
            let parent = row.int64("parent_id") ?? 0
            supplementsOf[parent] = try MoneySum.add(supplementsOf[parent] ?? 0, row.int64("amount_fen") ?? 0, year: nil)
        }
        for position in c.positions {
            let subject = Reconciliation.Subject.contract(number: position.number)
            let withSupplements = try MoneySum.add(position.amount, supplementsOf[position.id] ?? 0, year: position.year)
            if position.paid > withSupplements {
                findings.append(c.doubt(position.year, subject, .paidOverContract(paid: position.paid, amount: withSupplements)))
            }
            if position.paid > position.invoiced || (position.paid >= position.amount && position.paid != position.invoiced && position.paid > 0) {
                findings.append(c.doubt(position.year, subject, .invoicesDifferFromPayments(invoiced: position.invoiced, paid: position.paid)))
            }
            guard let asOf = c.asOf else { continue }
            if let limit = c.setting(.acceptanceOverdue), let endsOn = position.endsOn, let end = DayNumber.of(endsOn),
               asOf - end > limit, (position.accepted ?? 0) < position.amount {
                findings.append(c.doubt(position.year, subject, .acceptanceOverdue(endsOn: endsOn, days: asOf - end, limit: limit)))
            }
            if let limit = c.setting(.loopOpen), let signed = DayNumber.of(position.signedOn), asOf - signed > limit {
                let entry = LoopStatus.entry(for: position, asOf: asOf)
                if !entry.isClosed {
                    findings.append(c.doubt(position.year, subject, .loopOpen(stage: entry.step, days: asOf - signed, limit: limit)))
                }
            }
        }
        return findings
    }

    // MARK: R3: work before the contract

    /// Everything dated that needs a signed contract first: the contract's award, its
    /// acceptances and payments, and (when work orders name their contract) its work orders.
    static func workBeforeContract(_ c: Context) throws -> [Reconciliation.Finding] {
        let sources: [(LoopWork, String)] = [
            (.signedBeforeAward, "SELECT c.id AS contract_id, pr.name AS reference, substr(pr.award_on, 1, 10) AS day FROM contract AS c JOIN procurement AS pr ON pr.id = c.procurement_id WHERE pr.award_on IS NOT NULL"),
            (.acceptance, "SELECT contract_id, coalesce(document, '#' || id) AS reference, substr(accepted_on, 1, 10) AS day FROM acceptance WHERE accepted_on IS NOT NULL"),
            (.payment, "SELECT contract_id, coalesce(voucher, '#' || id) AS reference, substr(coalesce(applied_on, approved_on, paid_on), 1, 10) AS day FROM payment WHERE coalesce(applied_on, approved_on, paid_on) IS NOT NULL AND reverses_id IS NULL"),
            // A work order naming its contract (migration 9) is work done under it.
            (.workOrder, "SELECT contract_id, '#' || id AS reference, substr(opened_at, 1, 10) AS day FROM work_order WHERE contract_id IS NOT NULL AND opened_at IS NOT NULL"),
        ]
        var findings: [Reconciliation.Finding] = []
        for (work, sql) in sources {
            let rows = try c.db.rows("""
                SELECT c.number, \(contractYear) AS year, substr(c.signed_on, 1, 10) AS signed_on, w.reference, w.day
                FROM (\(sql)) AS w JOIN contract AS c ON c.id = w.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                WHERE (?1 IS NULL OR \(contractYear) = ?1)
                  AND (\(work == .signedBeforeAward ? "c.signed_on IS NOT NULL AND" : "c.signed_on IS NULL OR")
                       substr(c.signed_on, 1, 10) \(work == .signedBeforeAward ? "<" : ">") w.day)
                ORDER BY c.id, w.day
                """, [c.yearValue])
            for row in rows {
                findings.append(c.doubt(row.int64("year"), .contract(number: row.string("number") ?? ""),
                                        .workBeforeContract(work: work, reference: row.string("reference") ?? "",
                                                            on: row.string("day") ?? "", signedOn: row.string("signed_on"))))
            }
        }
        return findings
    }

    // MARK: R7: over budget

    static func budgets(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        let years = try c.db.rows("SELECT id, year FROM budget_line").reduce(into: [Int64: Int64]()) { $0[$1.int64("id") ?? 0] = $1.int64("year") }
        for row in try Ledger.compute(c.db, year: c.year, by: .budgetLine) {
            guard let key = row.key, let budget = row.figures.budget else { continue }
            let subject = Reconciliation.Subject.budgetLine(id: key, name: row.name)
            if row.figures.committed > budget {
                findings.append(c.doubt(years[key], subject, .overBudget(measure: .committed, amount: row.figures.committed, budget: budget)))
            }
            if row.figures.paid > budget {
                findings.append(c.doubt(years[key], subject, .overBudget(measure: .paid, amount: row.figures.paid, budget: budget)))
            }
        }
        for row in try c.db.rows("""
            SELECT id, name, year, award_fen, budget_fen FROM procurement
            WHERE award_fen > budget_fen AND (?1 IS NULL OR year = ?1) ORDER BY id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                    .overBudget(measure: .award, amount: row.int64("award_fen") ?? 0, budget: row.int64("budget_fen") ?? 0)))
        }
        return findings
    }

    // MARK: R11, R12: acceptances

    static func acceptances(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        // One pass: each acceptance with its unsigned members, items without result, and whether
        // a handler sits on it (separator: the unit separator, which no name holds).
        let rows = try c.db.rows("""
            SELECT a.id, coalesce(a.document, '#' || a.id) AS document, \(contractYear) AS year,
                   nullif(trim(c.handler), '') AS contract_handler, nullif(trim(pr.handler), '') AS purchase_handler,
                   NOT EXISTS (SELECT 1 FROM acceptance_item WHERE acceptance_id = a.id) AS no_items,
                   (SELECT group_concat(person, char(31)) FROM (SELECT trim(person) AS person FROM acceptance_member
                        WHERE acceptance_id = a.id AND signed IS NOT 1 ORDER BY position)) AS unsigned,
                   (SELECT group_concat(standard, char(31)) FROM (SELECT standard FROM acceptance_item
                        WHERE acceptance_id = a.id AND passed IS NULL ORDER BY position)) AS open,
                   EXISTS (SELECT 1 FROM acceptance_member WHERE acceptance_id = a.id AND trim(person) = trim(pr.handler)) AS purchase_handler_sits,
                   EXISTS (SELECT 1 FROM acceptance_member WHERE acceptance_id = a.id AND trim(person) = trim(c.handler)) AS contract_handler_sits
            FROM acceptance AS a JOIN contract AS c ON c.id = a.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE ?1 IS NULL OR \(contractYear) = ?1 ORDER BY a.id
            """, [c.yearValue])
        let split = { (text: String?) in (text ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: true).map(String.init) }
        for row in rows {
            let id = row.int64("id") ?? 0, year = row.int64("year")
            let subject = Reconciliation.Subject.acceptance(id: id, document: row.string("document") ?? "")
            let unsigned = split(row.string("unsigned")), open = split(row.string("open"))
            let noItems = row.int64("no_items") == 1
            if !unsigned.isEmpty || !open.isEmpty || noItems {
                findings.append(c.doubt(year, subject, .incompleteAcceptance(unsignedMembers: unsigned, itemsWithoutResult: open, noItems: noItems)))
            }
            for (duty, column) in [(LoopDuty.purchaseHandler, "purchase_handler"), (.contractHandler, "contract_handler")] {
                guard let handler = row.string(column), row.int64(column + "_sits") == 1 else { continue }
                findings.append(c.doubt(year, subject, .dutiesCombined(person: handler, duty: duty, acceptance: row.string("document") ?? "")))
            }
        }
        return findings
    }

    // MARK: R8, R12, R14, R15: payments

    /// A payment that stands: paid, not a reversal, not reversed.
    static let standingPayment = """
        p.paid_on IS NOT NULL AND p.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM payment AS r WHERE r.reverses_id = p.id)
        """

    static func payments(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        let yearClause = "(?1 IS NULL OR \(contractYear) = ?1)"
        // R12: the applicant approved it.
        for row in try c.db.rows("""
            SELECT p.id, p.voucher, trim(p.applicant) AS person, \(contractYear) AS year
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE nullif(trim(p.applicant), '') = trim(p.approver) AND \(yearClause) ORDER BY p.id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .selfApproved(person: row.string("person") ?? "")))
        }
        // R8: a stage due on acceptance, paid before any passed acceptance of it (or of a later
        // stage, or of the whole contract).
        let dueOnAcceptance = try c.db.rows("""
            SELECT * FROM (
                SELECT p.id, p.voucher, p.stage, substr(p.paid_on, 1, 10) AS paid_on, s.condition, \(contractYear) AS year,
                       (SELECT min(substr(a.accepted_on, 1, 10)) FROM acceptance AS a
                        LEFT JOIN contract_stage AS s2 ON s2.contract_id = a.contract_id AND s2.stage = a.stage
                        WHERE a.contract_id = p.contract_id AND a.conclusion IN ('passed', 'rectified') AND a.accepted_on IS NOT NULL
                          AND (s2.position IS NULL OR s2.position >= s.position)) AS accepted_on
                FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                JOIN contract_stage AS s ON s.contract_id = p.contract_id AND s.stage = p.stage
                WHERE \(standingPayment) AND (s.condition LIKE '%验收%' OR lower(s.condition) LIKE '%accept%') AND \(yearClause))
            WHERE accepted_on IS NULL OR accepted_on > paid_on ORDER BY id
            """, [c.yearValue])
        for row in dueOnAcceptance {
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .paidBeforeAcceptance(stage: row.string("stage") ?? "", condition: row.string("condition") ?? "",
                                                          paidOn: row.string("paid_on") ?? "", acceptedOn: row.string("accepted_on"))))
        }
        // R14: an invoice paid by two standing payments.
        for row in try c.db.rows("""
            SELECT i.id, i.number, v.name AS vendor, min(\(contractYear)) AS year,
                   group_concat(coalesce(p.voucher, '#' || p.id), '、') AS payments, count(*) AS n
            FROM invoice AS i JOIN vendor AS v ON v.id = i.vendor_id JOIN payment_invoice AS pi ON pi.invoice_id = i.id
            JOIN payment AS p ON p.id = pi.payment_id JOIN contract AS c ON c.id = p.contract_id
            LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE \(standingPayment) AND \(yearClause) GROUP BY i.id HAVING count(*) > 1 ORDER BY i.id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .invoice(vendor: row.string("vendor") ?? "", number: row.string("number") ?? ""),
                                    .invoicePaidTwice(payments: (row.string("payments") ?? "").split(separator: "、").map(String.init))))
        }
        // R15: paid and not booked after the limit.
        if let asOf = c.asOf, let limit = c.setting(.notBooked) {
            for row in try c.db.rows("""
                SELECT p.id, p.voucher, substr(p.paid_on, 1, 10) AS paid_on, \(contractYear) AS year
                FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                WHERE \(standingPayment) AND NOT EXISTS (SELECT 1 FROM booking_payment WHERE payment_id = p.id) AND \(yearClause)
                ORDER BY p.id
                """, [c.yearValue]) {
                guard let paidOn = row.string("paid_on"), let paid = DayNumber.of(paidOn), asOf - paid > limit else { continue }
                findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                        .notBooked(paidOn: paidOn, days: asOf - paid, limit: limit)))
            }
        }
        return findings
    }
}

/// The 疑点 checks' settings by name (rule_setting).
public enum RuleSettings {
    public static func load(_ db: Connection) throws -> [String: Int64] {
        try db.rows("SELECT name, value FROM rule_setting").reduce(into: [:]) { settings, row in
            if let name = row.string("name"), let value = row.int64("value") { settings[name] = value }
        }
    }
}
