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
                              positions: try Ledger.positions(db, year: year), stages: try LoopSchedule.stages(db))
        findings += try purchases(context)
        findings += try competition(context)
        findings += try contracts(context)
        findings += try workBeforeContract(context)
        findings += try budgets(context)
        findings += try acceptances(context)
        findings += try payments(context)
        findings += try assets(context)
        return findings
    }

    struct Context {
        let db: Connection
        let year: Int64?
        let asOf: Int64?
        let settings: [String: Int64]
        let calendar: WorkingDays
        let positions: [ContractPosition]
        /// Each contract's payment stages, in order, with their scheduled days.
        let stages: [Int64: [LoopSchedule.Stage]]

        var yearValue: SQLiteValue { year.map { .integer($0) } ?? .null }

        func setting(_ rule: LoopRule) -> Int64? { rule.setting.flatMap { settings[$0] } }

        func doubt(_ year: Int64?, _ subject: Reconciliation.Subject, _ doubt: LoopDoubt,
                   records: [Reconciliation.Evidence]) -> Reconciliation.Finding {
            // Each record once, in the order the rule names them.
            var seen = Set<Reconciliation.Evidence>()
            return Reconciliation.Finding(year: year, subject: subject, issue: .doubt(doubt), records: records.filter { seen.insert($0).inserted })
        }

        func procurement(_ row: Row) -> Reconciliation.Evidence {
            Reconciliation.Evidence(kind: .procurement, id: row.int64("id") ?? 0, number: row.string("number") ?? "")
        }
    }

    /// The contracts' year clause (`c` a contract): its budget line's year, else its purchase's,
    /// else the year signed, as the ledger counts it (`contract_money_line`).
    static let contractYear = "(SELECT year FROM contract_money_line WHERE contract_id = c.id)"

    // MARK: R1, R2: how it was bought

    static func purchases(_ c: Context) throws -> [Reconciliation.Finding] {
        guard let wan = c.setting(.splitting) else { return [] }
        let (threshold, overflow) = wan.multipliedReportingOverflow(by: Money.fenPerWan)
        guard !overflow else { throw DRCError.moneyOverflow(year: c.year) }
        let rows = try c.db.rows("""
            SELECT id, name, coalesce(nullif(trim(code), ''), name) AS number, year, budget_line_id, nullif(trim(item), '') AS item,
                   method, nullif(trim(method_approval), '') AS approval,
                   coalesce(award_fen, budget_fen) AS amount
            FROM procurement WHERE (?1 IS NULL OR year = ?1) ORDER BY id
            """, [c.yearValue])
        var findings: [Reconciliation.Finding] = []
        // R2: not open tendering, at or above the threshold, no approval.
        for row in rows {
            guard row.string("method") != "open", row.string("approval") == nil, let amount = row.int64("amount"), amount >= threshold else { continue }
            findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                    .methodNotApproved(method: row.string("method") ?? "", amount: amount, threshold: threshold),
                                    records: [c.procurement(row)]))
        }
        // R18: single source at or above the threshold, publicised fewer than the working days
        // the setting asks (the first and last day of the publicity both count).
        if let limit = c.setting(.singleSourcePublicity) {
            for row in try c.db.rows("""
                SELECT id, name, coalesce(nullif(trim(code), ''), name) AS number, year, coalesce(award_fen, budget_fen) AS amount,
                       substr(publicity_from, 1, 10) AS publicity_from, substr(publicity_to, 1, 10) AS publicity_to
                FROM procurement WHERE method = 'single-source' AND (?1 IS NULL OR year = ?1) ORDER BY id
                """, [c.yearValue]) {
                guard let amount = row.int64("amount"), amount >= threshold else { continue }
                let from = row.string("publicity_from"), to = row.string("publicity_to")
                var days: Int64?
                if let start = DayNumber.of(from), let end = DayNumber.of(to) { days = c.calendar.between(start - 1, end) }
                guard (days ?? 0) < limit else { continue }
                findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                        .singleSourceNotPublicised(amount: amount, from: from, to: to, workingDays: days, limit: limit),
                                        records: [c.procurement(row)]))
            }
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
            // 条例第28条: the cumulative amount *exceeds* (超过) the threshold; exactly at it is not splitting.
            guard group.count >= 2, total > threshold else { continue }
            findings.append(c.doubt(year, .procurement(id: group[0].int64("id") ?? 0, name: group[0].string("name") ?? ""),
                                    .splitPurchase(item: key[2], count: group.count, total: total, threshold: threshold,
                                                   names: group.map { $0.string("name") ?? "" }),
                                    records: group.map(c.procurement)))
        }
        return findings
    }

    // MARK: R17, R19: why this method, and who competed

    /// What needs no threshold: a method's reason, and competing vendors' ties.
    static func competition(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        // R17: a method other than open tendering says why (法第42条); a purchase below the
        // threshold is not government procurement and needs none.
        for row in try c.db.rows("""
            SELECT id, name, coalesce(nullif(trim(code), ''), name) AS number, year, method FROM procurement
            WHERE method NOT IN ('open', 'below-threshold') AND nullif(trim(method_reason), '') IS NULL AND (?1 IS NULL OR year = ?1)
            ORDER BY id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                    .methodWithoutReason(method: row.string("method") ?? ""), records: [c.procurement(row)]))
        }
        // R19: vendors competing in one purchase (its bidders and its winner) who share a
        // 负责人, a phone number (digits compared) or an email (case ignored).
        let bidders = try c.db.rows("""
            SELECT pr.id AS procurement_id, pr.name AS procurement, coalesce(nullif(trim(pr.code), ''), pr.name) AS procurement_number, pr.year,
                   v.id, v.name, nullif(trim(v.principal), '') AS principal, nullif(trim(v.phone), '') AS phone, nullif(lower(trim(v.email)), '') AS email
            FROM procurement AS pr JOIN vendor AS v ON v.id IN (SELECT vendor_id FROM procurement_bidder WHERE procurement_id = pr.id UNION SELECT pr.vendor_id)
            WHERE (?1 IS NULL OR pr.year = ?1) AND EXISTS (SELECT 1 FROM procurement_bidder WHERE procurement_id = pr.id)
            ORDER BY pr.id, v.id
            """, [c.yearValue])
        for (purchase, vendors) in Dictionary(grouping: bidders, by: { $0.int64("procurement_id") ?? 0 }).sorted(by: { $0.key < $1.key }) {
            for tie in VendorTie.allCases {
                let value = { (row: Row) -> String? in
                    guard let text = row.string(tie.rawValue) else { return nil }
                    return tie == .phone ? String(text.filter(\.isNumber)) : text
                }
                var groups: [String: [Row]] = [:]
                for vendor in vendors { if let key = value(vendor), !key.isEmpty { groups[key, default: []].append(vendor) } }
                for (key, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                    let first = group[0]
                    findings.append(c.doubt(first.int64("year"), .procurement(id: purchase, name: first.string("procurement") ?? ""),
                                            .vendorsConnected(vendors: group.map { $0.string("name") ?? "" }, tie: tie,
                                                              value: tie == .phone ? (first.string("phone") ?? key) : key),
                                            records: [Reconciliation.Evidence(kind: .procurement, id: purchase, number: first.string("procurement_number") ?? "")]
                                                + group.map { Reconciliation.Evidence(kind: .vendor, id: $0.int64("id") ?? 0, number: $0.string("name") ?? "") }))
                }
            }
        }
        return findings
    }

    // MARK: R4, R5, R6, R9, R13, R20: each contract

    static func contracts(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        // The conditions no kind was chosen for (migration 31 left the unclear ones so): listed,
        // since R8 reads the kind, not the words.
        for row in try c.db.rows("""
            SELECT c.id, c.number, \(contractYear) AS year, s.stage, s.condition
            FROM contract_stage AS s JOIN contract AS c ON c.id = s.contract_id
            WHERE s.condition_kind IS NULL AND nullif(trim(s.condition), '') IS NOT NULL AND (?1 IS NULL OR \(contractYear) = ?1)
            ORDER BY c.id, s.position
            """, [c.yearValue]) {
            findings.append(Reconciliation.Finding(
                year: row.int64("year"), subject: .contract(number: row.string("number") ?? ""),
                issue: .conditionUnclassified(stage: row.string("stage") ?? "", condition: row.string("condition") ?? ""),
                records: try LoopEvidence.contract(c.db, row.int64("id") ?? 0)))
        }
        let rows = try c.db.rows("""
            SELECT c.id, c.number, c.amount_fen, \(contractYear) AS year, substr(c.signed_on, 1, 10) AS signed_on,
                   substr(c.published_on, 1, 10) AS published_on, substr(c.filed_on, 1, 10) AS filed_on,
                   substr(pr.award_on, 1, 10) AS award_on, pr.id AS procurement_id
            FROM contract AS c LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE ?1 IS NULL OR \(contractYear) = ?1 ORDER BY c.id
            """, [c.yearValue])
        for row in rows {
            let year = row.int64("year"), subject = Reconciliation.Subject.contract(number: row.string("number") ?? "")
            let contract = Reconciliation.Evidence(kind: .contract, id: row.int64("id") ?? 0, number: row.string("number") ?? "")
            guard let signedOn = row.string("signed_on"), let signed = DayNumber.of(signedOn) else { continue }
            if let limit = c.setting(.lateContract), let awardOn = row.string("award_on"), let award = DayNumber.of(awardOn),
               signed - award > limit {
                findings.append(c.doubt(year, subject, .lateContract(awardOn: awardOn, signedOn: signedOn, days: signed - award, limit: limit),
                                        records: [contract] + (try LoopEvidence.procurement(c.db, row.int64("procurement_id")))))
            }
            for (rule, column) in [(LoopRule.latePublication, "published_on"), (.lateFiling, "filed_on")] {
                guard let limit = c.setting(rule) else { continue }
                let doneOn = row.string(column)
                guard let end = DayNumber.of(doneOn) ?? c.asOf else { continue }
                let days = c.calendar.between(signed, end)
                guard days > limit else { continue }
                findings.append(c.doubt(year, subject, rule == .latePublication
                    ? .latePublication(signedOn: signedOn, publishedOn: doneOn, workingDays: days, limit: limit)
                    : .lateFiling(signedOn: signedOn, filedOn: doneOn, workingDays: days, limit: limit), records: [contract]))
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
                                                         numbers: (parent.string("numbers") ?? "").split(separator: "、").map(String.init)),
                                        records: try LoopEvidence.contract(c.db, parent.int64("id") ?? 0) + LoopEvidence.supplements(c.db, of: parent.int64("id") ?? 0)))
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
            let contract = Reconciliation.Evidence(kind: .contract, id: position.id, number: position.number)
            if position.paid > withSupplements {
                findings.append(c.doubt(position.year, subject, .paidOverContract(paid: position.paid, amount: withSupplements),
                                        records: [contract] + (try LoopEvidence.supplements(c.db, of: position.id))
                                            + (try LoopEvidence.payments(c.db, ofContract: position.id))))
            }
            if position.paid > position.invoiced || (position.paid >= position.amount && position.paid != position.invoiced && position.paid > 0) {
                findings.append(c.doubt(position.year, subject, .invoicesDifferFromPayments(invoiced: position.invoiced, paid: position.paid),
                                        records: [contract] + (try LoopEvidence.invoices(c.db, ofContract: position.id))
                                            + (try LoopEvidence.payments(c.db, ofContract: position.id))))
            }
            guard let asOf = c.asOf else { continue }
            if let limit = c.setting(.acceptanceOverdue), let endsOn = position.endsOn, let end = DayNumber.of(endsOn),
               asOf - end > limit, (position.accepted ?? 0) < position.amount {
                findings.append(c.doubt(position.year, subject, .acceptanceOverdue(endsOn: endsOn, days: asOf - end, limit: limit),
                                        records: [contract] + (try LoopEvidence.acceptances(c.db, ofContract: position.id))))
            }
            if let limit = c.setting(.loopOpen), let overdue = try LoopSchedule.overdue(position, stages: c.stages[position.id] ?? [],
                                                                                        asOf: asOf, limit: limit) {
                let entry = LoopStatus.entry(for: position, asOf: asOf)
                findings.append(c.doubt(position.year, subject, .loopOpen(stage: entry.step, dueOn: overdue.dueOn, days: overdue.days,
                                                                          limit: limit, due: overdue.due, booked: position.booked),
                                        records: [contract] + (try LoopEvidence.payments(c.db, ofContract: position.id))))
            }
        }
        return findings
    }

    // MARK: R15 (assets), R16: the asset register against the books

    /// R15's asset half: a contract with a booked payment on a capital line (经济分类 310xx or
    /// 309xx: equipment bought) and no asset card. R16: a card with no booking, cards whose
    /// values differ from the booking that books them, a card booked before its acceptance.
    static func assets(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        for row in try c.db.rows("""
            SELECT c.id, c.number, \(contractYear) AS year, min(bl.economic_code) AS economic_code,
                   group_concat(DISTINCT p.id) AS payment_ids
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id JOIN contract_money_line AS cl ON cl.contract_id = c.id
            JOIN budget_line AS bl ON bl.id = coalesce(p.budget_line_id, cl.budget_line_id)
            WHERE p.paid_on IS NOT NULL AND EXISTS (SELECT 1 FROM booking_payment WHERE payment_id = p.id)
              AND (bl.economic_code LIKE '310%' OR bl.economic_code LIKE '309%')
              AND NOT EXISTS (SELECT 1 FROM asset WHERE contract_id = c.id) AND (?1 IS NULL OR \(contractYear) = ?1)
            GROUP BY c.id ORDER BY c.id
            """, [c.yearValue]) {
            let payments = try (row.string("payment_ids") ?? "").split(separator: ",").compactMap { Int64($0) }.sorted()
                .flatMap { try LoopEvidence.payment(c.db, $0) }
            findings.append(c.doubt(row.int64("year"), .contract(number: row.string("number") ?? ""),
                                    .notCarded(economicCode: row.string("economic_code") ?? ""),
                                    records: try LoopEvidence.contract(c.db, row.int64("id") ?? 0) + payments))
        }
        let cardYear = "coalesce(CAST(substr(a.booked_on, 1, 4) AS INTEGER), (SELECT year FROM contract_money_line WHERE contract_id = a.contract_id))"
        let card = { (row: Row) in Reconciliation.Evidence(kind: .asset, id: row.int64("id") ?? 0, number: row.string("number") ?? "") }
        for row in try c.db.rows("""
            SELECT a.id, a.number, a.name, \(cardYear) AS year, a.booking_id, b.voucher, substr(a.booked_on, 1, 10) AS booked_on,
                   (SELECT substr(accepted_on, 1, 10) FROM acceptance WHERE id = a.acceptance_id) AS accepted_on, a.acceptance_id
            FROM asset AS a LEFT JOIN booking AS b ON b.id = a.booking_id
            WHERE a.status <> 'disposed' AND (?1 IS NULL OR \(cardYear) = ?1 OR \(cardYear) IS NULL) ORDER BY a.id
            """, [c.yearValue]) {
            let subject = Reconciliation.Subject.asset(number: row.string("number") ?? "", name: row.string("name") ?? "")
            let acceptance = try row.int64("acceptance_id").map { try LoopEvidence.records(c.db, LoopEvidence.acceptances + " WHERE a.id = ?", [.integer($0)]) } ?? []
            guard let booking = row.int64("booking_id") else {
                findings.append(c.doubt(row.int64("year"), subject, .assetNotBooked, records: [card(row)] + acceptance))
                continue
            }
            let voucher = Reconciliation.Evidence(kind: .booking, id: booking, number: row.string("voucher") ?? "")
            if let bookedOn = row.string("booked_on"), let acceptedOn = row.string("accepted_on"), bookedOn < acceptedOn {
                findings.append(c.doubt(row.int64("year"), subject, .assetBookedBeforeAcceptance(bookedOn: bookedOn, acceptedOn: acceptedOn),
                                        records: [card(row), voucher] + acceptance))
            }
        }
        // The cards a booking books, against what it books: all their values known and differing.
        for row in try c.db.rows("""
            SELECT b.id, b.voucher, min(\(cardYear)) AS year, count(a.value_fen) AS known, count(*) AS cards, sum(a.value_fen) AS value,
                   (SELECT sum(p.amount_fen) FROM booking_payment AS bp JOIN payment AS p ON p.id = bp.payment_id WHERE bp.booking_id = b.id) AS booked,
                   group_concat(a.id) AS asset_ids
            FROM asset AS a JOIN booking AS b ON b.id = a.booking_id
            WHERE a.status <> 'disposed' GROUP BY b.id HAVING known = cards ORDER BY b.id
            """) {
            let year = row.int64("year")
            guard c.year == nil || year == c.year, let value = row.int64("value"), value != (row.int64("booked") ?? 0) else { continue }
            let cards = try (row.string("asset_ids") ?? "").split(separator: ",").compactMap { Int64($0) }.sorted().flatMap { id in
                try LoopEvidence.records(c.db, "SELECT 'asset' AS kind, id, number, NULL AS vendor FROM asset WHERE id = ?", [.integer(id)])
            }
            findings.append(c.doubt(year, .booking(voucher: row.string("voucher") ?? ""),
                                    .assetValueDiffers(value: value, booked: row.int64("booked") ?? 0),
                                    records: [Reconciliation.Evidence(kind: .booking, id: row.int64("id") ?? 0, number: row.string("voucher") ?? "")] + cards))
        }
        // The cards an invoice bills, against its amount (DOMAIN R16: 价值 ≠ Σ linked invoices).
        for row in try c.db.rows("""
            SELECT i.id, i.number, v.name AS vendor, i.amount_fen AS invoiced, min(\(cardYear)) AS year, count(a.value_fen) AS known,
                   count(*) AS cards, sum(a.value_fen) AS value, group_concat(a.id) AS asset_ids
            FROM asset AS a JOIN invoice AS i ON i.id = a.invoice_id JOIN vendor AS v ON v.id = i.vendor_id
            WHERE a.status <> 'disposed' GROUP BY i.id HAVING known = cards ORDER BY i.id
            """) {
            let year = row.int64("year")
            guard c.year == nil || year == c.year, let value = row.int64("value"), value != (row.int64("invoiced") ?? 0) else { continue }
            let cards = try (row.string("asset_ids") ?? "").split(separator: ",").compactMap { Int64($0) }.sorted().flatMap { id in
                try LoopEvidence.records(c.db, "SELECT 'asset' AS kind, id, number, NULL AS vendor FROM asset WHERE id = ?", [.integer(id)])
            }
            findings.append(c.doubt(year, .invoice(vendor: row.string("vendor") ?? "", number: row.string("number") ?? ""),
                                    .assetValueDiffersFromInvoice(value: value, invoiced: row.int64("invoiced") ?? 0),
                                    records: [Reconciliation.Evidence(kind: .invoice, id: row.int64("id") ?? 0, number: row.string("number") ?? "",
                                                                      vendor: row.string("vendor"))] + cards))
        }
        return findings
    }

    // MARK: R3: work before the contract

    /// Everything dated that needs a signed contract first: the contract's award, its
    /// acceptances and payments, and (when work orders name their contract) its work orders.
    static func workBeforeContract(_ c: Context) throws -> [Reconciliation.Finding] {
        let sources: [(LoopWork, RecordKind.ID, String)] = [
            (.signedBeforeAward, .procurement, "SELECT c.id AS contract_id, pr.id AS work_id, pr.name AS reference, coalesce(nullif(trim(pr.code), ''), pr.name) AS number, substr(pr.award_on, 1, 10) AS day FROM contract AS c JOIN procurement AS pr ON pr.id = c.procurement_id WHERE pr.award_on IS NOT NULL"),
            (.acceptance, .acceptance, "SELECT contract_id, id AS work_id, coalesce(document, '#' || id) AS reference, coalesce(document, '#' || id) AS number, substr(accepted_on, 1, 10) AS day FROM acceptance WHERE accepted_on IS NOT NULL"),
            (.payment, .payment, "SELECT contract_id, id AS work_id, coalesce(voucher, '#' || id) AS reference, coalesce(voucher, '#' || id) AS number, substr(coalesce(applied_on, approved_on, paid_on), 1, 10) AS day FROM payment WHERE coalesce(applied_on, approved_on, paid_on) IS NOT NULL AND reverses_id IS NULL"),
            // A work order naming its contract (migration 9) is work done under it.
            (.workOrder, .order, "SELECT contract_id, id AS work_id, '#' || id AS reference, coalesce(ticket, '#' || id) AS number, substr(opened_at, 1, 10) AS day FROM work_order WHERE contract_id IS NOT NULL AND opened_at IS NOT NULL"),
        ]
        var findings: [Reconciliation.Finding] = []
        for (work, kind, sql) in sources {
            let rows = try c.db.rows("""
                SELECT c.id, c.number, \(contractYear) AS year, substr(c.signed_on, 1, 10) AS signed_on, w.reference, w.day,
                       w.work_id, w.number AS work_number
                FROM (\(sql)) AS w JOIN contract AS c ON c.id = w.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                WHERE (?1 IS NULL OR \(contractYear) = ?1)
                  AND (\(work == .signedBeforeAward ? "c.signed_on IS NOT NULL AND" : "c.signed_on IS NULL OR")
                       substr(c.signed_on, 1, 10) \(work == .signedBeforeAward ? "<" : ">") w.day)
                ORDER BY c.id, w.day
                """, [c.yearValue])
            for row in rows {
                findings.append(c.doubt(row.int64("year"), .contract(number: row.string("number") ?? ""),
                                        .workBeforeContract(work: work, reference: row.string("reference") ?? "",
                                                            on: row.string("day") ?? "", signedOn: row.string("signed_on")),
                                        records: [Reconciliation.Evidence(kind: .contract, id: row.int64("id") ?? 0, number: row.string("number") ?? ""),
                                                  Reconciliation.Evidence(kind: kind, id: row.int64("work_id") ?? 0, number: row.string("work_number") ?? "")]))
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
            let line = Reconciliation.Evidence(kind: .budget, id: key, number: row.name)
            // The contracts committed on the line, and the payments paid from it (a payment
            // naming no line is paid from its contract's), which the sums are made of.
            if row.figures.committed > budget {
                let contracts = try LoopEvidence.records(c.db, LoopEvidence.contracts + """
                     JOIN contract_money_line AS cl ON cl.contract_id = c.id WHERE cl.budget_line_id = ? ORDER BY c.id
                    """, [.integer(key)])
                findings.append(c.doubt(years[key], subject, .overBudget(measure: .committed, amount: row.figures.committed, budget: budget),
                                        records: [line] + contracts))
            }
            if row.figures.paid > budget {
                let payments = try LoopEvidence.records(c.db, LoopEvidence.payments + """
                     JOIN contract_money_line AS cl ON cl.contract_id = p.contract_id
                    WHERE p.paid_on IS NOT NULL AND coalesce(p.budget_line_id, cl.budget_line_id) = ? ORDER BY p.id
                    """, [.integer(key)])
                findings.append(c.doubt(years[key], subject, .overBudget(measure: .paid, amount: row.figures.paid, budget: budget),
                                        records: [line] + payments))
            }
        }
        for row in try c.db.rows("""
            SELECT id, name, coalesce(nullif(trim(code), ''), name) AS number, year, award_fen, budget_fen FROM procurement
            WHERE award_fen > budget_fen AND (?1 IS NULL OR year = ?1) ORDER BY id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .procurement(id: row.int64("id") ?? 0, name: row.string("name") ?? ""),
                                    .overBudget(measure: .award, amount: row.int64("award_fen") ?? 0, budget: row.int64("budget_fen") ?? 0),
                                    records: [c.procurement(row)]))
        }
        return findings
    }

    // MARK: R11, R12: acceptances

    /// The spaces a typed name may carry around it: ASCII space, tab, newline, carriage return
    /// and the ideographic space (U+3000) a Chinese input method types. Migration 34 filled the
    /// staff register with names trimmed of the same set.
    static let nameSpaces = "char(32, 9, 10, 13, 12288)"

    /// R12's person: the staff member (人员) a typed name stands for, as `staff:<id>`, when the
    /// register holds the name, spaces around it aside; otherwise the name itself so trimmed.
    /// NULL for a blank name, so no two blanks are one person.
    static func person(_ column: String) -> String {
        """
        coalesce((SELECT 'staff:' || s.id FROM staff AS s WHERE s.name = trim(\(column), \(nameSpaces))),
                 nullif(trim(\(column), \(nameSpaces)), ''))
        """
    }

    static func acceptances(_ c: Context) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        // One pass: each acceptance with its unsigned members, items without result, and whether
        // a handler sits on it (separator: the unit separator, which no name holds).
        let rows = try c.db.rows("""
            SELECT a.id, coalesce(a.document, '#' || a.id) AS document, \(contractYear) AS year, c.id AS contract_id, c.number,
                   pr.id AS procurement_id,
                   nullif(trim(c.handler), '') AS contract_handler, nullif(trim(pr.handler), '') AS purchase_handler,
                   NOT EXISTS (SELECT 1 FROM acceptance_item WHERE acceptance_id = a.id) AS no_items, a.vendor_signed IS 0 AS vendor_not_signed,
                   substr(a.accepted_on, 1, 10) AS accepted_on, substr(c.ends_on, 1, 10) AS ends_on,
                   (nullif(trim(a.stage), '') IS NULL
                    OR a.stage = (SELECT stage FROM contract_stage WHERE contract_id = c.id ORDER BY position DESC LIMIT 1)) AS whole,
                   (SELECT group_concat(person, char(31)) FROM (SELECT trim(person) AS person FROM acceptance_member
                        WHERE acceptance_id = a.id AND signed IS NOT 1 ORDER BY position)) AS unsigned,
                   (SELECT group_concat(standard, char(31)) FROM (SELECT standard FROM acceptance_item
                        WHERE acceptance_id = a.id AND passed IS NULL ORDER BY position)) AS open,
                   EXISTS (SELECT 1 FROM acceptance_member WHERE acceptance_id = a.id
                           AND \(person("person")) = \(person("pr.handler"))) AS purchase_handler_sits,
                   EXISTS (SELECT 1 FROM acceptance_member WHERE acceptance_id = a.id
                           AND \(person("person")) = \(person("c.handler"))) AS contract_handler_sits
            FROM acceptance AS a JOIN contract AS c ON c.id = a.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE ?1 IS NULL OR \(contractYear) = ?1 ORDER BY a.id
            """, [c.yearValue])
        let split = { (text: String?) in (text ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: true).map(String.init) }
        for row in rows {
            let id = row.int64("id") ?? 0, year = row.int64("year")
            let subject = Reconciliation.Subject.acceptance(id: id, document: row.string("document") ?? "")
            let unsigned = split(row.string("unsigned")), open = split(row.string("open"))
            let noItems = row.int64("no_items") == 1
            let records = [Reconciliation.Evidence(kind: .acceptance, id: id, number: row.string("document") ?? ""),
                           Reconciliation.Evidence(kind: .contract, id: row.int64("contract_id") ?? 0, number: row.string("number") ?? "")]
            let vendorNotSigned = row.int64("vendor_not_signed") == 1
            if !unsigned.isEmpty || !open.isEmpty || noItems || vendorNotSigned {
                findings.append(c.doubt(year, subject, .incompleteAcceptance(unsignedMembers: unsigned, itemsWithoutResult: open, noItems: noItems,
                                                                             vendorNotSigned: vendorNotSigned),
                                        records: records))
            }
            // R10: the whole service (or its last stage) accepted before it ended; accepting on
            // the last day is not early.
            if row.int64("whole") == 1, let acceptedOn = row.string("accepted_on"), let endsOn = row.string("ends_on"), acceptedOn < endsOn {
                findings.append(c.doubt(year, subject, .acceptedBeforeServiceEnded(acceptedOn: acceptedOn, endsOn: endsOn), records: records))
            }
            for (duty, column) in [(LoopDuty.purchaseHandler, "purchase_handler"), (.contractHandler, "contract_handler")] {
                guard let handler = row.string(column), row.int64(column + "_sits") == 1 else { continue }
                let purchase = duty == .purchaseHandler ? try LoopEvidence.procurement(c.db, row.int64("procurement_id")) : []
                findings.append(c.doubt(year, subject, .dutiesCombined(person: handler, duty: duty, acceptance: row.string("document") ?? ""),
                                        records: records + purchase))
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
            SELECT p.id, p.voucher, trim(p.applicant, \(nameSpaces)) AS person, \(contractYear) AS year, c.id AS contract_id
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE \(person("p.applicant")) = \(person("p.approver")) AND \(yearClause) ORDER BY p.id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .selfApproved(person: row.string("person") ?? ""),
                                    records: try LoopEvidence.payment(c.db, row.int64("id")) + LoopEvidence.contract(c.db, row.int64("contract_id") ?? 0)))
        }
        // R8: a stage whose condition (its typed kind) is acceptance, paid before any passed
        // acceptance of it (or of a later stage, or of the whole contract); a final-acceptance
        // stage waits for the acceptance of the last stage or of the whole contract. A payment
        // naming no stage waits on acceptance when every stage of its contract does.
        let waits = "('acceptance', 'final-acceptance')"
        let dueOnAcceptance = try c.db.rows("""
            SELECT * FROM (
                SELECT p.id, p.voucher, coalesce(s.stage, '') AS stage, p.contract_id, substr(p.paid_on, 1, 10) AS paid_on,
                       s.condition, coalesce(s.condition_kind, 'acceptance') AS kind, \(contractYear) AS year,
                       (SELECT min(substr(a.accepted_on, 1, 10)) FROM acceptance AS a
                        LEFT JOIN contract_stage AS s2 ON s2.contract_id = a.contract_id AND s2.stage = a.stage
                        WHERE a.contract_id = p.contract_id AND a.conclusion IN ('passed', 'rectified') AND a.accepted_on IS NOT NULL
                          AND (s2.position IS NULL
                               OR (s.condition_kind = 'final-acceptance'
                                   AND s2.position = (SELECT max(position) FROM contract_stage WHERE contract_id = p.contract_id))
                               OR (s.condition_kind IS NOT 'final-acceptance' AND s2.position >= coalesce(s.position, 0)))) AS accepted_on
                FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                LEFT JOIN contract_stage AS s ON s.contract_id = p.contract_id AND s.stage = nullif(trim(p.stage), '')
                WHERE \(standingPayment) AND \(yearClause)
                  AND (s.condition_kind IN \(waits)
                       OR (nullif(trim(p.stage), '') IS NULL AND EXISTS (SELECT 1 FROM contract_stage WHERE contract_id = p.contract_id)
                           AND NOT EXISTS (SELECT 1 FROM contract_stage WHERE contract_id = p.contract_id
                                           AND condition_kind IS NOT 'acceptance' AND condition_kind IS NOT 'final-acceptance'))))
            WHERE accepted_on IS NULL OR accepted_on > paid_on ORDER BY id
            """, [c.yearValue])
        for row in dueOnAcceptance {
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .paidBeforeAcceptance(stage: row.string("stage") ?? "", kind: StageCondition(rawValue: row.string("kind") ?? "") ?? .acceptance,
                                                          condition: row.string("condition"),
                                                          paidOn: row.string("paid_on") ?? "", acceptedOn: row.string("accepted_on")),
                                    records: try LoopEvidence.payment(c.db, row.int64("id")) + LoopEvidence.contract(c.db, row.int64("contract_id") ?? 0)
                                        + LoopEvidence.acceptances(c.db, ofContract: row.int64("contract_id") ?? 0)))
        }
        // R14: an invoice paid by two standing payments.
        for row in try c.db.rows("""
            SELECT i.id, i.number, v.name AS vendor, min(\(contractYear)) AS year,
                   group_concat(coalesce(p.voucher, '#' || p.id), '、') AS payments, group_concat(p.id) AS payment_ids, count(*) AS n
            FROM invoice AS i JOIN vendor AS v ON v.id = i.vendor_id JOIN payment_invoice AS pi ON pi.invoice_id = i.id
            JOIN payment AS p ON p.id = pi.payment_id JOIN contract AS c ON c.id = p.contract_id
            LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE \(standingPayment) AND \(yearClause) GROUP BY i.id HAVING count(*) > 1 ORDER BY i.id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .invoice(vendor: row.string("vendor") ?? "", number: row.string("number") ?? ""),
                                    .invoicePaidTwice(payments: (row.string("payments") ?? "").split(separator: "、").map(String.init)),
                                    records: [Reconciliation.Evidence(kind: .invoice, id: row.int64("id") ?? 0, number: row.string("number") ?? "",
                                                                      vendor: row.string("vendor"))]
                                        + (try (row.string("payment_ids") ?? "").split(separator: ",").compactMap { Int64($0) }
                                            .flatMap { try LoopEvidence.payment(c.db, $0) })))
        }
        // R13M three-way match: a payment stands on an invoice of its own contract. Its vendor is
        // the contract's (refused at entry); a paid payment with no invoice, or paying one that
        // bills another contract or none, is a gap, named with the invoice and its vendor.
        for row in try c.db.rows("""
            SELECT p.id, p.voucher, p.contract_id, substr(p.paid_on, 1, 10) AS paid_on, \(contractYear) AS year
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            WHERE \(standingPayment) AND NOT EXISTS (SELECT 1 FROM payment_invoice WHERE payment_id = p.id) AND \(yearClause)
            ORDER BY p.id
            """, [c.yearValue]) {
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .paidWithoutInvoice(paidOn: row.string("paid_on") ?? ""),
                                    records: try LoopEvidence.payment(c.db, row.int64("id")) + LoopEvidence.contract(c.db, row.int64("contract_id") ?? 0)))
        }
        for row in try c.db.rows("""
            SELECT p.id, p.voucher, p.contract_id, i.id AS invoice_id, i.number AS invoice, v.name AS vendor, i.contract_id AS billed_id,
                   (SELECT number FROM contract WHERE id = i.contract_id) AS billed, \(contractYear) AS year
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
            JOIN payment_invoice AS pi ON pi.payment_id = p.id JOIN invoice AS i ON i.id = pi.invoice_id JOIN vendor AS v ON v.id = i.vendor_id
            WHERE \(standingPayment) AND i.contract_id IS NOT p.contract_id AND \(yearClause)
            ORDER BY p.id, i.id
            """, [c.yearValue]) {
            let invoice = Reconciliation.Evidence(kind: .invoice, id: row.int64("invoice_id") ?? 0, number: row.string("invoice") ?? "", vendor: row.string("vendor"))
            let billed = try row.int64("billed_id").map { try LoopEvidence.contract(c.db, $0) } ?? []
            findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                    .invoiceOfAnotherContract(invoice: row.string("invoice") ?? "", vendor: row.string("vendor") ?? "", billed: row.string("billed")),
                                    records: try LoopEvidence.payment(c.db, row.int64("id")) + LoopEvidence.contract(c.db, row.int64("contract_id") ?? 0)
                                        + [invoice] + billed))
        }
        // R15: paid and not booked after the limit. Every entry of cash is booked, a reversing
        // entry too (money come back is money in the books); a reversal left unbooked leaves the
        // books showing more paid out than was.
        if let asOf = c.asOf, let limit = c.setting(.notBooked) {
            for row in try c.db.rows("""
                SELECT p.id, p.voucher, p.reverses_id, p.contract_id, substr(p.paid_on, 1, 10) AS paid_on, \(contractYear) AS year,
                       (SELECT coalesce(o.voucher, '#' || o.id) FROM payment AS o WHERE o.id = p.reverses_id) AS reverses
                FROM payment AS p JOIN contract AS c ON c.id = p.contract_id LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
                WHERE p.paid_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM booking_payment WHERE payment_id = p.id) AND \(yearClause)
                ORDER BY p.id
                """, [c.yearValue]) {
                guard let paidOn = row.string("paid_on"), let paid = DayNumber.of(paidOn), asOf - paid > limit else { continue }
                findings.append(c.doubt(row.int64("year"), .payment(id: row.int64("id") ?? 0, voucher: row.string("voucher")),
                                        .notBooked(paidOn: paidOn, days: asOf - paid, limit: limit, reverses: row.string("reverses")),
                                        records: try LoopEvidence.payment(c.db, row.int64("id")) + LoopEvidence.payment(c.db, row.int64("reverses_id"))
                                            + LoopEvidence.contract(c.db, row.int64("contract_id") ?? 0)))
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
