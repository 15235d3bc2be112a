import SQLiteDB

/// `check`: where the figures do not agree with each other. Errors are contradictions (parts
/// that do not add up to a complete whole, counts that disagree with an indicator); warnings
/// are gaps to know about (a partial breakdown); notes carry what a source says of itself.
public enum Reconciliation {
    /// `asOf` (a day number, see `DayNumber`) is the day the loop's ages are counted to; without
    /// it the rules that count days to today are not run.
    public static func check(_ db: Connection, year: Int64? = nil, asOf: Int64? = nil) throws -> [Finding] {
        let years = try year.map { [$0] } ?? db.rows("""
            SELECT year FROM budget_line UNION SELECT year FROM indicator UNION SELECT year FROM finding ORDER BY year
            """).compactMap { $0.int64("year") }
        var findings: [Finding] = []
        for year in years {
            findings += try breakdowns(db, year: year)
            findings += try budgetAdjustments(db, year: year)
            findings += try indicatorCounts(db, year: year)
            findings += try ordersOutsideTheirProject(db, year: year)
            findings += try ScoringChecks.findings(db, year: year)
            findings += try FindingLog.texts(db, year: year, section: "data").map {
                Finding(year: year, subject: .dataNote, issue: .note(text: $0))
            }
        }
        findings += try LoopRules.check(db, year: year, asOf: asOf)
        return findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// Every line with parts: do the parts add up to it?
    static func breakdowns(_ db: Connection, year: Int64) throws -> [Finding] {
        let lines = try BudgetTotals.lines(db, year: year)
        let children = Dictionary(grouping: lines.filter { $0.parentID != nil }) { $0.parentID! }
        var findings: [Finding] = []
        for line in lines {
            let parts = children[line.id] ?? []
            let subject = Subject.budgetLine(id: line.id, name: line.name)
            if parts.isEmpty {
                if line.breakdown != "none" {
                    findings.append(Finding(year: year, subject: subject, issue: .breakdownWithoutParts(breakdown: line.breakdown)))
                }
                continue
            }
            for (amount, whole, amounts) in [(Amount.final, line.final, parts.map(\.final)), (.budget, line.budget, parts.map(\.budget))] {
                let known = amounts.compactMap { $0 }
                if known.isEmpty && whole == nil { continue }
                guard let whole, known.count == amounts.count else {
                    findings.append(Finding(year: year, subject: subject, issue: .amountsUnknown(amount, parts: parts.count)))
                    continue
                }
                let itemised = try MoneySum.total(known, year: year)
                let difference = try MoneySum.difference(whole, minus: itemised, year: year)
                switch line.breakdown {
                case "complete" where difference != 0, "none" where difference < 0, "partial" where difference < 0:
                    findings.append(Finding(year: year, subject: subject, issue: .partsDisagree(amount, itemised: itemised, whole: whole)))
                case "partial" where difference > 0, "none" where difference > 0:
                    findings.append(Finding(year: year, subject: subject,
                                            issue: .partlyItemised(amount, itemised: itemised, whole: whole, rest: difference)))
                default:
                    break
                }
            }
        }
        return findings
    }

    /// Every line whose 全年执行数 exceeds its 全年预算数, and every 全年预算数 that differs from
    /// the 年初预算数 with no adjustment note saying why.
    static func budgetAdjustments(_ db: Connection, year: Int64) throws -> [Finding] {
        var findings: [Finding] = []
        for row in try db.rows("""
            SELECT id, name, budget_fen, adjusted_fen, final_fen, adjustment_note FROM budget_line WHERE year = ? ORDER BY id
            """, year) {
            let subject = Subject.budgetLine(id: row.int64("id") ?? 0, name: row.string("name") ?? "")
            let execution = BudgetExecution(initial: row.int64("budget_fen"), adjusted: row.int64("adjusted_fen"), spent: row.int64("final_fen"))
            if let spent = execution.spent, let annual = execution.annual, spent > annual {
                findings.append(Finding(year: year, subject: subject,
                                        issue: .spentOverBudget(spent: spent, annual: annual, adjusted: execution.basis == .adjusted)))
            }
            if let adjusted = row.int64("adjusted_fen"), adjusted != row.int64("budget_fen"),
               (row.string("adjustment_note") ?? "").trimmingSpaces().isEmpty {
                findings.append(Finding(year: year, subject: subject, issue: .adjustedWithoutNote(initial: row.int64("budget_fen"), adjusted: adjusted)))
            }
        }
        return findings
    }

    /// Indicators that count work orders, against the orders recorded.
    static func indicatorCounts(_ db: Connection, year: Int64) throws -> [Finding] {
        let indicators = try db.rows("""
            SELECT i.id, i.name, i.actual, i.actual_bound, i.project_id, i.vendor_id, i.category_id,
                   coalesce(p.name, '') AS project, coalesce(v.name, '') AS vendor, coalesce(c.name, '') AS category
            FROM indicator AS i LEFT JOIN project AS p ON p.id = i.project_id
            LEFT JOIN vendor AS v ON v.id = i.vendor_id LEFT JOIN category AS c ON c.id = i.category_id
            WHERE i.year = ? AND i.counts_orders = 1 AND i.actual IS NOT NULL ORDER BY i.id
            """, year)
        var findings: [Finding] = []
        for indicator in indicators {
            guard let actualText = indicator.string("actual"), let actual = Double(actualText) else { continue }
            let counted = try db.scalar("""
                SELECT count(*) FROM work_order WHERE year = ? AND status <> 'cancelled'
                AND (? IS NULL OR project_id = ?) AND (? IS NULL OR vendor_id = ?) AND (? IS NULL OR category_id = ?)
                """,
                [.integer(year), indicator["project_id"], indicator["project_id"], indicator["vendor_id"], indicator["vendor_id"],
                 indicator["category_id"], indicator["category_id"]])?.int64 ?? 0
            let bound = indicator.string("actual_bound").flatMap(Bound.init(rawValue:)) ?? .exact
            let agrees: Bool
            switch bound {
            case .lower: agrees = Double(counted) > actual
            case .upper: agrees = Double(counted) < actual
            case .exact: agrees = Double(counted) == actual
            }
            guard !agrees else { continue }
            let scope = [indicator.string("project"), indicator.string("vendor"), indicator.string("category")]
                .compactMap { $0 }.filter { !$0.isEmpty }
            findings.append(Finding(year: year, subject: .indicator(id: indicator.int64("id") ?? 0, name: indicator.string("name") ?? ""),
                                    issue: .countDisagrees(actual: actualText, bound: bound, counted: counted, scope: scope)))
        }
        return findings
    }

    /// Orders whose vendor is not among the vendors of their project.
    static func ordersOutsideTheirProject(_ db: Connection, year: Int64) throws -> [Finding] {
        try db.rows("""
            SELECT p.name AS project, v.name AS vendor, count(*) AS n FROM work_order AS o
            JOIN project AS p ON p.id = o.project_id JOIN vendor AS v ON v.id = o.vendor_id
            WHERE o.year = ? AND EXISTS (SELECT 1 FROM project_vendor WHERE project_id = o.project_id)
              AND NOT EXISTS (SELECT 1 FROM project_vendor WHERE project_id = o.project_id AND vendor_id = o.vendor_id)
            GROUP BY o.project_id, o.vendor_id ORDER BY o.project_id, o.vendor_id
            """, year).map {
            Finding(year: year, subject: .project(name: $0.string("project") ?? ""),
                    issue: .ordersFromOtherVendor(count: $0.int64("n") ?? 0, vendor: $0.string("vendor") ?? ""))
        }
    }
}
