/// One group's service-level figures: how many orders, and per measure the minutes known
/// (as a histogram, so the median and the 90th percentile are exact) and how many of the
/// orders with both minutes and a limit met it.
public struct ServiceFigures: Sendable, Equatable {
    public struct Measure: Sendable, Equatable {
        /// Orders whose minutes are known, and their sum.
        public var known: Int64 = 0
        public var sum: Int64 = 0
        /// Orders with both minutes and a limit, and those within it.
        public var measured: Int64 = 0
        public var met: Int64 = 0
        /// Minutes → how many orders took them, ascending.
        public var histogram: [(minutes: Int64, count: Int64)] = []

        public init() {}

        public static func == (a: Measure, b: Measure) -> Bool {
            a.known == b.known && a.sum == b.sum && a.measured == b.measured && a.met == b.met
                && a.histogram.map(\.minutes) == b.histogram.map(\.minutes) && a.histogram.map(\.count) == b.histogram.map(\.count)
        }

        /// The mean in tenths of a minute, rounded half up; nil when no minutes are known.
        public var meanTenths: Int64? { known == 0 ? nil : (sum * 20 + known) / (2 * known) }

        /// The median in halves of a minute (the mean of the two middle values when the count
        /// is even); nil when no minutes are known.
        public var medianHalves: Int64? {
            guard known > 0 else { return nil }
            let low = value(at: (known - 1) / 2), high = value(at: known / 2)
            return low + high
        }

        /// The 90th percentile by nearest rank: the value at rank ⌈0.9 n⌉ (1-based).
        public var p90: Int64? { known == 0 ? nil : value(at: (9 * known + 9) / 10 - 1) }

        /// Met ÷ measured in tenths of a percent, rounded half up; nil when nothing was measured.
        public var rateTenths: Int64? { measured == 0 ? nil : (met * 2000 + measured) / (2 * measured) }

        /// The value at 0-based `rank` of the sorted minutes.
        func value(at rank: Int64) -> Int64 {
            var seen: Int64 = 0
            for bucket in histogram {
                seen += bucket.count
                if rank < seen { return bucket.minutes }
            }
            return histogram.last?.minutes ?? 0
        }

        mutating func add(_ other: Measure) {
            known += other.known
            sum += other.sum
            measured += other.measured
            met += other.met
            var merged: [Int64: Int64] = [:]
            for bucket in histogram + other.histogram { merged[bucket.minutes, default: 0] += bucket.count }
            histogram = merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    public var orders: Int64 = 0
    /// Orders fixed remotely (远程处理): no arrival expected, so never in the arrival measure,
    /// and told apart from orders whose arrival time is missing.
    public var remote: Int64 = 0
    public var measures: [ServiceMeasure: Measure] = [:]

    /// Orders the measure leaves out: neither measured nor (for arrival) a remote fix. An
    /// arrival missing, or no limit that applies.
    public func unmeasured(_ measure: ServiceMeasure) -> Int64 {
        orders - self[measure].measured - (measure == .arrival ? remote : 0)
    }

    public init() {}

    public subscript(_ measure: ServiceMeasure) -> Measure { measures[measure] ?? Measure() }

    mutating func add(_ other: ServiceFigures) {
        orders += other.orders
        remote += other.remote
        for measure in ServiceMeasure.allCases {
            var figures = self[measure]
            figures.add(other[measure])
            measures[measure] = figures
        }
    }

    /// Tenths as text with one decimal: `125` → `12.5`.
    public static func tenths(_ value: Int64) -> String { "\(value / 10).\(value % 10)" }

    /// Halves as text: `9` → `4.5`, `8` → `4`.
    public static func halves(_ value: Int64) -> String { value % 2 == 0 ? String(value / 2) : "\(value / 2).5" }
}
