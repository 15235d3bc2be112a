import SQLiteDB

/// A year's budget lines by the 自评表's three figures (年初预算数, 全年预算数, 全年执行数) and
/// 执行率 = 全年执行数 ÷ 全年预算数 (`BudgetExecution`), by kind or by classification. "Of which"
/// breakdowns count once: a line with parts contributes its parts, and for a partial
/// breakdown also the remainder the source does not itemise. Unknown amounts stay unknown.
/// Beside each kind's line, the procurement loop's money under its own names (支付进度, not 执行率).
public enum BudgetTotals {
    public enum Dimension: String, CaseIterable, Sendable {
        case kind, economic, functional

        /// The column's heading for people.
        public var term: Term {
            switch self {
            case .kind: return BudgetWords.kind
            case .economic: return Term(zh: "经济分类", en: "economic")
            case .functional: return Term(zh: "功能分类", en: "functional")
            }
        }
    }

    struct Line {
        let id: Int64, parentID: Int64?
        let kind: String, name: String, breakdown: String
        let economic: String?, functional: String?
        /// 年初预算数 and 全年执行数 (决算).
        let budget: Int64?, final: Int64?
        /// 全年预算数 when an adjustment is recorded.
        let adjusted: Int64?
        let projectID: Int64?
        let note: String?

        var execution: BudgetExecution { BudgetExecution(initial: budget, adjusted: adjusted, spent: final) }
    }

    /// One share of the expenditure, after breakdowns are resolved.
    struct Share {
        let kind: String
        let economic: String
        let functional: String
        let execution: BudgetExecution
    }

    static let notItemised = "(not itemised)"
    static let unclassified = "(unclassified)"

    /// A group's cell: a kind by its word, the shares no classification names by drc's words.
    static func cell(_ dimension: Dimension, _ value: String) -> ResultTable.Cell {
        switch (dimension, value) {
        case (.kind, _): return BudgetWords.choice(value, BudgetKind.choices)
        case (_, notItemised): return .word(key: value, BudgetWords.notItemised)
        case (_, unclassified): return .word(key: value, BudgetWords.unclassified)
        default: return .text(value)
        }
    }

    static func lines(_ db: Connection, year: Int64) throws -> [Line] {
        try db.rows("""
            SELECT id, parent_id, kind, name, breakdown, budget_fen, adjusted_fen, final_fen, project_id, note,
                   nullif(trim(coalesce(economic_code, '') || ' ' || coalesce(economic_name, '')), '') AS economic,
                   nullif(trim(coalesce(functional_code, '') || ' ' || coalesce(functional_name, '')), '') AS functional
            FROM budget_line WHERE year = ? ORDER BY id
            """, year).map {
            Line(id: $0.int64("id") ?? 0, parentID: $0.int64("parent_id"), kind: $0.string("kind") ?? "",
                 name: $0.string("name") ?? "", breakdown: $0.string("breakdown") ?? "none",
                 economic: $0.string("economic"), functional: $0.string("functional"),
                 budget: $0.int64("budget_fen"), final: $0.int64("final_fen"), adjusted: $0.int64("adjusted_fen"),
                 projectID: $0.int64("project_id"), note: $0.string("note"))
        }
    }

    static func split(_ line: Line, children: [Int64: [Line]], year: Int64) throws -> [Share] {
        let parts = children[line.id] ?? []
        guard !parts.isEmpty else {
            return [Share(kind: line.kind, economic: line.economic ?? unclassified, functional: line.functional ?? unclassified,
                          execution: line.execution)]
        }
        var shares = try parts.flatMap { try split($0, children: children, year: year) }
        if line.breakdown != "complete" {
            let whole = line.execution, itemised = try BudgetExecution.total(parts.map(\.execution), year: year)
            let rest = BudgetExecution(initial: try remainder(of: whole.initial, itemised: itemised.initial, year: year),
                                       annual: try remainder(of: whole.annual, itemised: itemised.annual, year: year),
                                       spent: try remainder(of: whole.spent, itemised: itemised.spent, year: year),
                                       basis: whole.basis)
            if rest.initial != 0 || rest.annual != 0 || rest.spent != 0 {
                shares.append(Share(kind: line.kind, economic: line.economic ?? notItemised,
                                    functional: line.functional ?? notItemised, execution: rest))
            }
        }
        return shares
    }

    static func remainder(of whole: Int64?, itemised: Int64?, year: Int64) throws -> Int64? {
        guard let whole, let itemised else { return nil }
        return try MoneySum.difference(whole, minus: itemised, year: year)
    }

    /// What a line's parts leave of it; unknown when the line or any part is unknown.
    static func remainder(of whole: Int64?, parts: [Int64?], year: Int64) throws -> Int64? {
        guard let whole, let itemised = try MoneySum.totalIfKnown(parts, year: year) else { return nil }
        return try MoneySum.difference(whole, minus: itemised, year: year)
    }

    public static func compute(_ db: Connection, year: Int64, by dimensions: [Dimension], amountsInWan: Bool = false) throws -> ResultTable {
        try DistinctDimensions.require(dimensions)
        let all = try lines(db, year: year)
        let children = Dictionary(grouping: all.filter { $0.parentID != nil }) { $0.parentID! }
        let roots = all.filter { $0.parentID == nil }
        let money: (Int64?) -> ResultTable.Cell = { amount in
            amount.map { .number(amountsInWan ? Money.wan($0) : Money.yuan($0)) } ?? .null
        }
        let sum = { (amounts: [Int64?]) in try MoneySum.totalIfKnown(amounts, year: year) }
        // 年初预算数, 全年预算数, where it comes from, 全年执行数, 执行率.
        let figures = { (execution: BudgetExecution) -> [ResultTable.Cell] in
            [money(execution.initial), money(execution.annual), BudgetWords.basis(execution.basis), money(execution.spent),
             execution.rateBasisPoints.map { .number(Ledger.percent($0)) } ?? .null]
        }
        let figureColumns = ["budget", "adjusted", "adjusted_from", "final", "rate"]
        let figureHeadings = [BudgetWords.initial, BudgetWords.adjusted, BudgetWords.basis, BudgetWords.spent, BudgetWords.rate]
        let dimensions = dimensions.isEmpty ? [.kind] : dimensions
        if dimensions == [.kind] {
            // One row per kind: the whole line, how much of it is itemised, and the rest.
            // The loop's money on each line and its parts comes from the one ledger.
            var table = ResultTable(columns: ["kind", "name"] + figureColumns + ["itemised_final", "not_itemised_final", "breakdown"] + LedgerColumns.keys,
                                    headings: [BudgetWords.kind, BudgetWords.name] + figureHeadings
                                        + [BudgetWords.itemisedFinal, BudgetWords.notItemisedFinal, BudgetWords.breakdown] + LedgerColumns.headings)
            let ledger = try LedgerColumns.byLine(db, year: year)
            var loopTotals: [Ledger.Figures] = []
            for root in roots {
                let parts = children[root.id] ?? []
                let itemised = parts.isEmpty ? nil : try sum(parts.map(\.final))
                let rest = parts.isEmpty ? nil : try remainder(of: root.final, itemised: itemised, year: year)
                let loop = try LedgerColumns.figures(of: root.id, budget: root.execution.annual, ledger: ledger, children: children, year: year)
                if root.kind != "sangong", let loop { loopTotals.append(loop) }
                table.rows.append([BudgetWords.choice(root.kind, BudgetKind.choices), .text(root.name)] + figures(root.execution)
                                  + [money(itemised), money(rest), BudgetWords.choice(root.breakdown, BudgetKind.breakdowns)]
                                  + (try LedgerColumns.cells(loop, money: money)))
            }
            // Money of the year's contracts that name no budget line (nor through a purchase or
            // a parent) is shown on a row of its own, so the totals hold every contract.
            if let unassigned = ledger?.unassigned {
                // No budget of its own: in the total it takes from the lines' remainder.
                var counted = unassigned
                counted.budget = 0
                loopTotals.append(counted)
                table.rows.append([.null, .word(key: LedgerWords.noBudgetLine.en, LedgerWords.noBudgetLine)]
                                  + Array(repeating: .null, count: figureColumns.count + 3) + (try LedgerColumns.cells(unassigned, money: money)))
            }
            let spending = try BudgetExecution.total(roots.filter { $0.kind != "sangong" }.map(\.execution), year: year)
            table.footer = [[.word(key: "total", TableWords.total), .word(key: "basic + project", BudgetWords.basicAndProject)]
                            + figures(spending) + [.null, .null, .null]
                            + (try LedgerColumns.cells(ledger == nil ? nil : try Ledger.total(loopTotals, year: year), money: money))]
            return table
        }
        // By classification: the shares grouped, in the order they first appear. 三公经费 is a
        // view across the other kinds, so it is left out unless kind is one of the dimensions.
        let shares = try roots.filter { dimensions.contains(.kind) || $0.kind != "sangong" }.flatMap { try split($0, children: children, year: year) }
        var order: [[String]] = []
        var groups: [[String]: [Share]] = [:]
        for share in shares {
            let key = dimensions.map { dimension -> String in
                switch dimension {
                case .kind: return share.kind
                case .economic: return share.economic
                case .functional: return share.functional
                }
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(share)
        }
        var table = ResultTable(columns: dimensions.map(\.rawValue) + figureColumns,
                                headings: dimensions.map(\.term) + figureHeadings)
        for key in order {
            let group = groups[key] ?? []
            table.rows.append(zip(dimensions, key).map(cell) + figures(try BudgetExecution.total(group.map(\.execution), year: year)))
        }
        let counted = try BudgetExecution.total(shares.filter { $0.kind != "sangong" }.map(\.execution), year: year)
        table.footer = [[.word(key: "total", TableWords.total)] + Array(repeating: .text(""), count: dimensions.count - 1) + figures(counted)]
        return table
    }
}
