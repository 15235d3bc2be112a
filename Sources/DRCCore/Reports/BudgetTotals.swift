import SQLiteDB

/// Budget and final expenditure of a year, by kind or by classification. "Of which"
/// breakdowns count once: a line with parts contributes its parts, and for a partial
/// breakdown also the remainder the source does not itemise. Unknown amounts stay unknown.
public enum BudgetTotals {
    public enum Dimension: String, CaseIterable, Sendable {
        case kind, economic, functional
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

    /// Adds amounts where every one is known; one unknown makes the sum unknown.
    static func sum(_ amounts: [Int64?]) -> Int64? {
        amounts.reduce(Int64(0) as Int64?) { total, amount in
            guard let total, let amount else { return nil }
            return total + amount
        }
    }

    static func split(_ line: Line, children: [Int64: [Line]]) -> [Share] {
        let parts = children[line.id] ?? []
        guard !parts.isEmpty else {
            return [Share(kind: line.kind, economic: line.economic ?? unclassified, functional: line.functional ?? unclassified,
                          budget: line.budget, final: line.final)]
        }
        var shares = parts.flatMap { split($0, children: children) }
        if line.breakdown != "complete" {
            let remainderBudget = line.budget.flatMap { total in sum(parts.map(\.budget)).map { total - $0 } }
            let remainderFinal = line.final.flatMap { total in sum(parts.map(\.final)).map { total - $0 } }
            if remainderBudget != 0 || remainderFinal != 0 {
                shares.append(Share(kind: line.kind, economic: line.economic ?? notItemised,
                                    functional: line.functional ?? notItemised, budget: remainderBudget, final: remainderFinal))
            }
        }
        return shares
    }

    public static func compute(_ db: Connection, year: Int64, by dimensions: [Dimension], amountsInWan: Bool = false) throws -> ResultTable {
        let all = try lines(db, year: year)
        let children = Dictionary(grouping: all.filter { $0.parentID != nil }) { $0.parentID! }
        let roots = all.filter { $0.parentID == nil }
        let money: (Int64?) -> ResultTable.Cell = { amount in
            amount.map { .number(amountsInWan ? Money.wan($0) : Money.yuan($0)) } ?? .null
        }
        let dimensions = dimensions.isEmpty ? [.kind] : dimensions
        if dimensions == [.kind] {
            // One row per kind: the whole line, how much of it is itemised, and the rest.
            var table = ResultTable(columns: ["kind", "name", "budget", "final", "itemised_final", "not_itemised_final", "breakdown"])
            for root in roots {
                let parts = children[root.id] ?? []
                let itemised = parts.isEmpty ? nil : sum(parts.map(\.final))
                let rest = parts.isEmpty ? nil : root.final.flatMap { total in itemised.map { total - $0 } }
                table.rows.append([.text(root.kind), .text(root.name), money(root.budget), money(root.final),
                                   money(itemised), money(rest), .text(root.breakdown)])
            }
            let spending = roots.filter { $0.kind != "sangong" }
            table.footer = [[.text("total"), .text("basic + project"), money(sum(spending.map(\.budget))),
                             money(sum(spending.map(\.final))), .null, .null, .null]]
            return table
        }
        // By classification: the shares grouped, in the order they first appear. 三公经费 is a
        // view across the other kinds, so it is left out unless kind is one of the dimensions.
        let shares = roots.filter { dimensions.contains(.kind) || $0.kind != "sangong" }.flatMap { split($0, children: children) }
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
        var table = ResultTable(columns: dimensions.map(\.rawValue) + ["budget", "final"])
        for key in order {
            let group = groups[key] ?? []
            table.rows.append(key.map { .text($0) } + [money(sum(group.map(\.budget))), money(sum(group.map(\.final)))])
        }
        let counted = shares.filter { $0.kind != "sangong" }
        table.footer = [[.text("total")] + Array(repeating: .text(""), count: dimensions.count - 1)
                        + [money(sum(counted.map(\.budget))), money(sum(counted.map(\.final)))]]
        return table
    }
}
