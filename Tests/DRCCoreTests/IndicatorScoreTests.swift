import DRCCore
import Testing

/// The 自评 formulas, against scores worked out by hand.
@Suite struct IndicatorScoreTests {
    func points(_ direction: IndicatorScore.Direction, target: String, actual: String, weight: String,
                bound: IndicatorScore.Bound = .exact) -> String? {
        IndicatorScore(direction: direction, target: target, actual: actual, actualBound: bound,
                       weight: weight, grade: nil, given: nil).points?.text
    }

    @Test(arguments: [
        // 正向: full at or above the target, else actual ÷ target × weight, rounded half up.
        (IndicatorScore.Direction.atLeast, "1000", "1340", "20", "20"), (.atLeast, "1000", "900", "20", "18"),
        (.atLeast, "1000", "333", "10", "3.33"), (.atLeast, "1000", "125", "1", "0.13"),
        (.atLeast, "3", "2", "2.5", "1.67"), (.atLeast, "0", "0", "5", "5"),
        // 反向: full up to the target, (2A − B) ÷ A × weight above it, nothing from twice the target.
        (.atMost, "24", "20", "10", "10"), (.atMost, "24", "30", "10", "7.5"), (.atMost, "24", "36", "10", "5"),
        (.atMost, "24", "48", "10", "0"), (.atMost, "24", "60", "10", "0"), (.atMost, "0", "0", "10", "10"), (.atMost, "0", "1", "10", "0"),
        // 等于: a target of 0 is met by 0 only; any other as 正向.
        (.equal, "0", "0", "10", "10"), (.equal, "0", "1", "10", "0"), (.equal, "100", "95", "10", "9.5"), (.equal, "100", "100", "10", "10"),
    ])
    func formulas(direction: IndicatorScore.Direction, target: String, actual: String, weight: String, expected: String) {
        #expect(points(direction, target: target, actual: actual, weight: weight) == expected)
    }

    @Test func aLowerBoundScoresAtLeastAndSaysSo() {
        let score = IndicatorScore(direction: .atLeast, target: "10000000", actual: "9000000", actualBound: .atLeast,
                                   weight: "10", grade: nil, given: nil)
        #expect(score.outcome == .scored(Points(hundredths: 900), bound: .atLeast, given: false))
        #expect(!score.isFull)
        // Over the target it is simply full.
        let over = IndicatorScore(direction: .atLeast, target: "100", actual: "300", actualBound: .atLeast, weight: "10", grade: nil, given: nil)
        #expect(over.outcome == .scored(Points(hundredths: 1000), bound: .exact, given: false))
        // For 反向, more than a lower bound can only score less.
        let reverse = IndicatorScore(direction: .atMost, target: "24", actual: "30", actualBound: .atLeast, weight: "10", grade: nil, given: nil)
        #expect(reverse.outcome == .scored(Points(hundredths: 750), bound: .atMost, given: false))
    }

    @Test func aQualitativeScoreIsGivenWithinItsGradesBand() {
        func qualitative(_ grade: IndicatorScore.Grade?, _ given: String?) -> IndicatorScore.Outcome {
            IndicatorScore(direction: .qualitative, target: nil, actual: nil, actualBound: .exact, weight: "10", grade: grade, given: given).outcome
        }
        #expect(qualitative(.partly, "7") == .scored(Points(hundredths: 700), bound: .exact, given: true))
        #expect(qualitative(.achieved, "10") == .scored(Points(hundredths: 1000), bound: .exact, given: true))
        #expect(qualitative(.achieved, "8") == .scored(Points(hundredths: 800), bound: .exact, given: true))
        #expect(qualitative(.partly, "8.5") == .unscored(.givenOutsideBand(grade: .partly, given: Points(hundredths: 850),
                                                                           low: Points(hundredths: 600), high: Points(hundredths: 800))))
        // The bands meet: 8 is 达成's, not 部分达成's; 6 is 部分达成's, not 未达成's.
        #expect(qualitative(.partly, "8") != .scored(Points(hundredths: 800), bound: .exact, given: true))
        #expect(qualitative(.missed, "6") != .scored(Points(hundredths: 600), bound: .exact, given: true))
        #expect(qualitative(.missed, "5.99") == .scored(Points(hundredths: 599), bound: .exact, given: true))
        #expect(qualitative(nil, "7") == .unscored(.noGrade))
        #expect(qualitative(.partly, nil) == .unscored(.noGivenScore))
    }

    @Test func whatIsMissingIsNamedNeverScoredZero() {
        func outcome(_ direction: IndicatorScore.Direction?, _ target: String?, _ actual: String?, _ weight: String?) -> IndicatorScore.Outcome {
            IndicatorScore(direction: direction, target: target, actual: actual, actualBound: .exact, weight: weight, grade: nil, given: nil).outcome
        }
        #expect(outcome(.atLeast, "10", "5", nil) == .unscored(.noWeight))
        #expect(outcome(nil, "10", "5", "10") == .unscored(.noDirection))
        #expect(outcome(.atLeast, "约十次", "5", "10") == .unscored(.noTarget("约十次")))
        #expect(outcome(.atLeast, nil, "5", "10") == .unscored(.noTarget(nil)))
        #expect(outcome(.atLeast, "10", nil, "10") == .unscored(.noActual))
        // A score given by hand replaces the formula's, but never above the weight.
        let given = IndicatorScore(direction: .atLeast, target: "10", actual: "5", actualBound: .exact, weight: "10", grade: nil, given: "9")
        #expect(given.outcome == .scored(Points(hundredths: 900), bound: .exact, given: true))
        let above = IndicatorScore(direction: .atLeast, target: "10", actual: "5", actualBound: .exact, weight: "10", grade: nil, given: "11")
        #expect(above.outcome == .unscored(.givenAboveWeight(given: Points(hundredths: 1100), weight: Points(hundredths: 1000))))
    }

    @Test(arguments: [(Int128(10000), SelfEvaluation.Grade.excellent), (9000, .excellent), (8999, .good), (8000, .good),
                      (7999, .fair), (6000, .fair), (5999, .poor), (0, .poor)])
    func grades(hundredths: Int128, grade: SelfEvaluation.Grade) {
        #expect(SelfEvaluation.Grade(total: Points(hundredths: hundredths)) == grade)
    }

    @Test func exactDecimalsParseDigitsOnly() {
        #expect(ExactDecimal("2.5")?.hundredths == 250)
        #expect(ExactDecimal("0.125")?.hundredths == 13)
        for bad in ["", ".5", "5.", "1e3", "-1", "１０", "1.2.3", "1234567890123456789"] { #expect(ExactDecimal(bad) == nil, "\(bad)") }
        #expect(Points(hundredths: 8850).text == "88.5")
        #expect(Points(hundredths: 25).text == "0.25")
        #expect(Points(hundredths: 10000).text == "100")
    }
}
