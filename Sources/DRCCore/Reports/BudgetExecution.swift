import SQLiteDB

/// 执行率 as the finance bureau computes it in the 自评表 (财预〔2020〕10号): 全年执行数 (B) ÷
/// 全年预算数 (A). The 全年预算数 is the adjusted budget where an adjustment is recorded, else
/// the 年初预算数, and the figures say which (`basis`). Unknown is not zero: an unknown amount
/// leaves the rate unknown, and so does a 全年预算数 of 0 (nothing to divide by).
///
/// The procurement loop's money (committed, paid …) is another figure under its own name
/// (`Ledger.Figures.paymentProgressBasisPoints`, 支付进度), never this one.
public struct BudgetExecution: Sendable, Equatable {
    /// Where a 全年预算数 comes from.
    public enum Basis: String, Sendable, CaseIterable {
        /// An adjusted budget is recorded.
        case adjusted
        /// No adjustment recorded: the 年初预算数 stands for it.
        case initial
        /// A sum of lines, some adjusted and some not.
        case mixed
    }

    /// 年初预算数.
    public var initial: Int64?
    /// 全年预算数 in effect: the adjusted budget, else the 年初预算数.
    public var annual: Int64?
    /// 全年执行数 (决算).
    public var spent: Int64?
    public var basis: Basis

    /// One line's figures as stored: `adjusted` nil when no adjustment is recorded.
    public init(initial: Int64?, adjusted: Int64?, spent: Int64?) {
        self.initial = initial
        self.annual = adjusted ?? initial
        self.spent = spent
        self.basis = adjusted == nil ? .initial : .adjusted
    }

    init(initial: Int64?, annual: Int64?, spent: Int64?, basis: Basis) {
        self.initial = initial
        self.annual = annual
        self.spent = spent
        self.basis = basis
    }

    /// 执行率 = 全年执行数 ÷ 全年预算数, in basis points (1/100 of a per cent) rounded half up:
    /// 1,186,000 ÷ 1,200,000 → 9883 (98.83%). Nil when either is unknown or the budget is 0
    /// (or the rate is beyond any number a table can hold).
    public var rateBasisPoints: Int64? {
        guard let annual, let spent, annual > 0 else { return nil }
        return Int64(exactly: ExactDecimal.divideRounded(Int128(spent) * 10_000, by: Int128(annual)))
    }

    /// The sum of lines, checked; each amount unknown where any line's is.
    public static func total(_ lines: [BudgetExecution], year: Int64?) throws -> BudgetExecution {
        let bases = Set(lines.map(\.basis))
        return BudgetExecution(initial: try MoneySum.totalIfKnown(lines.map(\.initial), year: year),
                               annual: try MoneySum.totalIfKnown(lines.map(\.annual), year: year),
                               spent: try MoneySum.totalIfKnown(lines.map(\.spent), year: year),
                               basis: bases.count == 1 ? bases.first! : (bases.isEmpty ? .initial : .mixed))
    }
}

extension BudgetExecution {
    /// The department's figures for `year`: its basic and project spending, the lines no other
    /// line breaks down (三公经费 is a view across the other two, and parts are in their whole).
    /// Nil when the unit has no such line.
    public static func department(_ db: Connection, year: Int64, unitID: Int64) throws -> BudgetExecution? {
        try total(db, year: year, """
            SELECT budget_fen, adjusted_fen, final_fen FROM budget_line
            WHERE year = ?1 AND unit_id = ?2 AND parent_id IS NULL AND kind IN ('basic', 'project') ORDER BY id
            """, unitID)
    }

    /// A project's figures for `year`: the lines that fund it, each counted once (a line that
    /// breaks down another line of the same project is already in that one). Nil when no line
    /// names the project.
    public static func project(_ db: Connection, year: Int64, projectID: Int64) throws -> BudgetExecution? {
        try total(db, year: year, """
            WITH RECURSIVE above(line, ancestor) AS (
                SELECT id, parent_id FROM budget_line WHERE year = ?1 AND project_id = ?2 AND parent_id IS NOT NULL
                UNION ALL SELECT above.line, b.parent_id FROM above JOIN budget_line AS b ON b.id = above.ancestor
                WHERE b.parent_id IS NOT NULL)
            SELECT budget_fen, adjusted_fen, final_fen FROM budget_line
            WHERE year = ?1 AND project_id = ?2 AND kind <> 'sangong'
              AND id NOT IN (SELECT above.line FROM above JOIN budget_line AS a ON a.id = above.ancestor WHERE a.project_id = ?2)
            ORDER BY id
            """, projectID)
    }

    private static func total(_ db: Connection, year: Int64, _ sql: String, _ owner: Int64) throws -> BudgetExecution? {
        let lines = try db.rows(sql, year, owner).map {
            BudgetExecution(initial: $0.int64("budget_fen"), adjusted: $0.int64("adjusted_fen"), spent: $0.int64("final_fen"))
        }
        return lines.isEmpty ? nil : try total(lines, year: year)
    }
}
