/// Sums of counts (work orders per vendor, per category …), checked like sums of money. Each
/// count is a `count(*)` over rows, so in practice the total fits; checking costs nothing and
/// keeps the promise that no figure drc adds can trap.
public enum CountSum {
    public static func total(_ counts: some Sequence<Int64>, year: Int64?) throws -> Int64 {
        try counts.reduce(0) { total, count in
            let (result, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { throw DRCError.countOverflow(year: year) }
            return result
        }
    }
}
