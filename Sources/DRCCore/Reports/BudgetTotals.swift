import SQLiteDB

/// Budget and final expenditure of a year, by kind or by classification. "Of which"
/// breakdowns count once: a line with parts contributes its parts, and for a partial
/// breakdown also the remainder the source does not itemise. Unknown amounts stay unknown.
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
        let budget: Int64?, final: Int64?
        let note: String?
    }

    /// One share of the expenditure, after breakdowns are resolved.
    struct Share {
        let kind: String
        let economic: String
        let functional: String
        let budget: Int64?
        let final: Int64?
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
            SELECT id, parent_id, kind, name, breakdown, budget_fen, final_fen, note,
                   nullif(trim(coalesce(economic_code, '') || ' ' || coalesce(economic_name, '')), '') AS economic,
                   nullif(trim(coalesce(functional_code, '') || ' ' || coalesce(functional_name, '')), '') AS functional
            FROM budget_line WHERE year = ? ORDER BY id
            """, year).map {
            Line(id: $0.int64("id") ?? 0, parentID: $0.int64("parent_id"), kind: $0.string("kind") ?? "",
                 name: $0.string("name") ?? "", breakdown: $0.string("breakdown") ?? "none",
                 economic: $0.string("economic"), functional: $0.string("functional"),
                 budget: $0.int64("budget_fen"), final: $0.int64("final_fen"), note: $0.string("note"))
        }
    }

    static func split(_ line: Line, children: [Int64: [Line]], year: Int64) throws -> [Share] {
        let parts = children[line.id] ?? []
        guard !parts.isEmpty else {
            return [Share(kind: line.kind, economic: line.economic ?? unclassified, functional: line.functional ?? unclassified,
                          budget: line.budget, final: line.final)]
        }
        var shares = try parts.flatMap { try split($0, children: children, year: year) }
        if line.breakdown != "complete" {
            let remainderBudget = try remainder(of: line.budget, parts: parts.map(\.budget), year: year)
            let remainderFinal = try remainder(of: line.final, parts: parts.map(\.final), year: year)
            if remainderBudget != 0 || remainderFinal != 0 {
                shares.append(Share(kind: line.kind, economic: line.economic ?? notItemised,
                                    functional: line.functional ?? notItemised, budget: remainderBudget, final: remainderFinal))
            }
        }
        return shares
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
        let dimensions = dimensions.isEmpty ? [.kind] : dimensions
        if dimensions == [.kind] {
            // One row per kind: the whole line, how much of it is itemised, and the rest.
            // The loop's money on each line and its parts comes from the one ledger.
            var table = ResultTable(columns: ["kind", "name", "budget", "final", "itemised_final", "not_itemised_final", "breakdown"] + LedgerColumns.keys,
                                    headings: [BudgetWords.kind, BudgetWords.name, BudgetWords.budget, BudgetWords.final,
                                               BudgetWords.itemisedFinal, BudgetWords.notItemisedFinal, BudgetWords.breakdown] + LedgerColumns.headings)
            let ledger = try LedgerColumns.byLine(db, year: year)
            var loopTotals: [Ledger.Figures] = []
            for root in roots {
                let parts = children[root.id] ?? []
                let itemised = parts.isEmpty ? nil : try sum(parts.map(\.final))
                let rest = parts.isEmpty ? nil : try remainder(of: root.final, parts: parts.map(\.final), year: year)
                let loop = try LedgerColumns.figures(of: root.id, budget: root.budget, ledger: ledger, children: children, year: year)
                if root.kind != "sangong", let loop { loopTotals.append(loop) }
                table.rows.append([BudgetWords.choice(root.kind, BudgetKind.choices), .text(root.name), money(root.budget), money(root.final),
                                   money(itemised), money(rest), BudgetWords.choice(root.breakdown, BudgetKind.breakdowns)]
                                  + (try LedgerColumns.cells(loop, money: money)))
            }
            let spending = roots.filter { $0.kind != "sangong" }
            table.footer = [[.word(key: "total", TableWords.total), .word(key: "basic + project", BudgetWords.basicAndProject), money(try sum(spending.map(\.budget))),
                             money(try sum(spending.map(\.final))), .null, .null, .null]
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
        var table = ResultTable(columns: dimensions.map(\.rawValue) + ["budget", "final"],
                                headings: dimensions.map(\.term) + [BudgetWords.budget, BudgetWords.final])
        for key in order {
            let group = groups[key] ?? []
            table.rows.append(zip(dimensions, key).map(cell) + [money(try sum(group.map(\.budget))), money(try sum(group.map(\.final)))])
        }
        let counted = shares.filter { $0.kind != "sangong" }
        table.footer = [[.word(key: "total", TableWords.total)] + Array(repeating: .text(""), count: dimensions.count - 1)
                        + [money(try sum(counted.map(\.budget))), money(try sum(counted.map(\.final)))]]
        return table
    }
}
