import DRCCore
import DRCText
import Testing

/// Every case of every message type, rendered in both languages: none may be empty, and the
/// Chinese must be Chinese (hold a CJK character and differ from the English).
@Suite struct CompletenessTests {
    let zh = Messages(.zh)
    let en = Messages(.en)

    @Test func theSamplesHoldEveryCase() {
        #expect(Set(Samples.reasons.map(CaseTags.tag)) == Set(0..<CaseTags.reasonCount))
        #expect(Set(Samples.errors.map(CaseTags.tag)) == Set(0..<CaseTags.errorCount))
        #expect(Set(Samples.outputProblems.map(CaseTags.tag)) == Set(0..<CaseTags.outputCount))
        #expect(Set(Samples.restoreRefusals.map(CaseTags.tag)) == Set(0..<CaseTags.restoreCount))
        #expect(Set(Samples.reversalRefusals.map(CaseTags.tag)) == Set(0..<CaseTags.reversalCount))
        #expect(Set(Samples.undoRefusals.map(CaseTags.tag)) == Set(0..<CaseTags.undoCount))
        #expect(Set(Samples.actions.map(CaseTags.tag)) == Set(0..<CaseTags.actionCount))
        #expect(Set(Samples.warnings.map(CaseTags.tag)) == Set(0..<CaseTags.warningCount))
        #expect(Set(Samples.rowErrors.map { CaseTags.tag($0.problem) }) == Set(0..<CaseTags.problemCount))
    }

    @Test func everyReasonIsSaidInBothLanguages() {
        for reason in Samples.reasons { check(zh.reason(reason), en.reason(reason), "\(reason)") }
    }

    @Test func everyErrorIsSaidInBothLanguages() {
        for error in Samples.errors { check(zh.error(error), en.error(error), "\(error)") }
    }

    @Test func everyRefusalIsSaidInBothLanguages() {
        for problem in Samples.outputProblems { check(zh.output("out.csv", problem), en.output("out.csv", problem), "\(problem)") }
        for refusal in Samples.restoreRefusals {
            check(zh.restore(.vendor, 7, refusal), en.restore(.vendor, 7, refusal), "\(refusal)")
        }
        for refusal in Samples.reversalRefusals {
            check(zh.reversal(.order, 3, refusal), en.reversal(.order, 3, refusal), "\(refusal)")
        }
    }

    @Test func everyWarningRowErrorAndStorageFailureIsSaidInBothLanguages() {
        for warning in Samples.warnings { check(zh.warning(warning), en.warning(warning), "\(warning)") }
        for row in Samples.rowErrors {
            check(zh.row(row), en.row(row), "\(row)")
            check(zh.problem(row.problem), en.problem(row.problem), "\(row.problem)")
        }
        for failure in Samples.sqliteErrors { check(zh.storage(failure), en.storage(failure), "\(failure)") }
    }

    private func check(_ chinese: String, _ english: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!english.isEmpty, "empty English for \(what)", sourceLocation: sourceLocation)
        #expect(!chinese.isEmpty, "empty Chinese for \(what)", sourceLocation: sourceLocation)
        #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                "no Chinese in the Chinese for \(what): \(chinese)", sourceLocation: sourceLocation)
        #expect(chinese != english, "the Chinese is the English for \(what): \(chinese)", sourceLocation: sourceLocation)
    }
}
