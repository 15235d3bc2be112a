/// One indicator's score in the self-evaluation (自评), by the default formulas of the 自评表
/// (pmkpi's selfpositiveindex, selfreverseindex, selfequalindex, selfqualscorecheck):
/// - 正向 (≥): full when B ≥ A, else B/A × 分值;
/// - 反向 (≤): full when B ≤ A, falling linearly to zero at B = 2A;
/// - 等于 (=): for A = 0 full when B ≤ 0, else nothing; for A > 0 as 正向;
/// - 定性: given by hand within its grade's band (达成 80–100%, 部分达成 60–80%, 未达成 0–60% of 分值).
/// A score given by hand replaces the formula's for any indicator. Scores are rounded to two
/// decimals, half up. A lower bound on the actual ("900多万条") gives a bound on the score.
public struct IndicatorScore: Sendable, Equatable {
    public enum Direction: String, Sendable, CaseIterable {
        case atLeast = ">=", atMost = "<=", equal = "=", qualitative
    }

    public enum Grade: String, Sendable, CaseIterable {
        case achieved, partly, missed

        /// The band of the weight a grade's score must fall in, in percent: [low, high], the
        /// high end open but for 达成.
        public var band: (low: Int128, high: Int128) {
            switch self {
            case .achieved: return (80, 100)
            case .partly: return (60, 80)
            case .missed: return (0, 60)
            }
        }
    }

    /// How far the score is known: exactly, or only as a bound because the actual is one.
    public enum Bound: String, Sendable { case exact, atLeast, atMost }

    /// Why an indicator has no score: each names what is missing, never a zero in its place.
    public enum Unscored: Sendable, Equatable {
        case noWeight
        case noDirection
        case noTarget(String?)
        case noActual
        case noGrade
        case noGivenScore
        case givenOutsideBand(grade: Grade, given: Points, low: Points, high: Points)
        case givenAboveWeight(given: Points, weight: Points)
        case tooLarge
    }

    public enum Outcome: Sendable, Equatable {
        case scored(Points, bound: Bound, given: Bool)
        case unscored(Unscored)
    }

    public let weight: Points?
    public let outcome: Outcome

    public var points: Points? {
        if case .scored(let points, _, _) = outcome { return points }
        return nil
    }

    /// Full marks, known: the score equals the weight and is no upper bound below it.
    public var isFull: Bool {
        guard let weight, case .scored(let points, let bound, _) = outcome else { return false }
        return points == weight && bound != .atMost
    }

    public init(direction: Direction?, target: String?, actual: String?, actualBound: Bound,
                weight: String?, grade: Grade?, given: String?) {
        guard let weightValue = weight.flatMap(ExactDecimal.init) else {
            self.weight = nil
            outcome = .unscored(.noWeight)
            return
        }
        let full = Points(hundredths: weightValue.hundredths)
        self.weight = full
        outcome = Self.outcome(direction: direction, target: target, actual: actual, actualBound: actualBound,
                               weight: weightValue, full: full, grade: grade, given: given)
    }

    private static func outcome(direction: Direction?, target: String?, actual: String?, actualBound: Bound,
                                weight: ExactDecimal, full: Points, grade: Grade?, given: String?) -> Outcome {
        if direction == .qualitative && grade == nil { return .unscored(.noGrade) }
        if let given {
            guard let value = ExactDecimal(given) else { return .unscored(.tooLarge) }
            let points = Points(hundredths: value.hundredths)
            if let grade, direction == .qualitative {
                let low = Points(hundredths: ExactDecimal.divideRounded(full.hundredths * grade.band.low, by: 100))
                let high = Points(hundredths: ExactDecimal.divideRounded(full.hundredths * grade.band.high, by: 100))
                let inside = points >= low && (grade == .achieved ? points <= high : points < high)
                guard inside else { return .unscored(.givenOutsideBand(grade: grade, given: points, low: low, high: high)) }
            }
            guard points <= full else { return .unscored(.givenAboveWeight(given: points, weight: full)) }
            return .scored(points, bound: .exact, given: true)
        }
        guard let direction else { return .unscored(.noDirection) }
        if direction == .qualitative { return .unscored(.noGivenScore) }
        guard let a = target.flatMap(ExactDecimal.init) else { return .unscored(.noTarget(target)) }
        guard let b = actual.flatMap(ExactDecimal.init) else { return .unscored(.noActual) }
        let fraction: (numerator: Int128, denominator: Int128)
        switch direction {
        case .atLeast, .equal:
            if a.nanos == 0 {
                fraction = direction == .equal ? (b.nanos == 0 ? (1, 1) : (0, 1)) : (1, 1)
            } else {
                fraction = b >= a ? (1, 1) : (b.nanos, a.nanos)
            }
        case .atMost:
            if a.nanos == 0 {
                fraction = b.nanos == 0 ? (1, 1) : (0, 1)
            } else if b <= a {
                fraction = (1, 1)
            } else {
                let twice = a.nanos * 2
                fraction = b.nanos >= twice ? (0, 1) : (twice - b.nanos, a.nanos)
            }
        case .qualitative:
            return .unscored(.noGivenScore)
        }
        let (product, overflow) = full.hundredths.multipliedReportingOverflow(by: fraction.numerator)
        guard !overflow else { return .unscored(.tooLarge) }
        let points = Points(hundredths: ExactDecimal.divideRounded(product, by: fraction.denominator))
        // An actual known only as "over N" scores at least as much for 正向 and at most as much for 反向.
        let bound: Bound
        switch (actualBound, direction) {
        case (.exact, _): bound = .exact
        case (.atLeast, .atLeast), (.atLeast, .equal), (.atMost, .atMost): bound = points == full ? .exact : .atLeast
        case (.atLeast, _), (.atMost, _): bound = points == Points(hundredths: 0) ? .exact : .atMost
        }
        return .scored(points, bound: bound, given: false)
    }
}
