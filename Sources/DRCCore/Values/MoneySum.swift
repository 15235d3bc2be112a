/// Every sum of money drc shows (totals, budget totals, check, the report, and every ledger to
/// come) is added here, with checked arithmetic: a sum too large for Int64 fen is an error
/// naming the year, never an overflow trap. Amounts typed today are capped at
/// `Money.largestAmount`, so this fires only on data written before the ceiling or edited
/// outside drc; it must still fail cleanly.
public enum MoneySum {
    /// The sum of amounts that are all known.
    public static func total(_ amounts: some Sequence<Int64>, year: Int64?) throws -> Int64 {
        try amounts.reduce(0) { try add($0, $1, year: year) }
    }

    /// The sum where every amount is known; one unknown makes the sum unknown.
    public static func totalIfKnown(_ amounts: some Sequence<Int64?>, year: Int64?) throws -> Int64? {
        var total: Int64 = 0
        for amount in amounts {
            guard let amount else { return nil }
            total = try add(total, amount, year: year)
        }
        return total
    }

    /// `whole - part`, checked: what is left of a line once its parts are taken off.
    public static func difference(_ whole: Int64, minus part: Int64, year: Int64?) throws -> Int64 {
        let (result, overflow) = whole.subtractingReportingOverflow(part)
        guard !overflow else { throw DRCError.moneyOverflow(year: year) }
        return result
    }

    public static func add(_ first: Int64, _ second: Int64, year: Int64?) throws -> Int64 {
        let (result, overflow) = first.addingReportingOverflow(second)
        guard !overflow else { throw DRCError.moneyOverflow(year: year) }
        return result
    }
}
