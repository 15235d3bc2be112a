import DRCCore
import DRCText
import Testing

/// Every finding renders in both languages: the English as `check` has always said it, the
/// Chinese with no English word of drc's own in it.
@Suite struct FindingTextTests {
    static let samples: [Reconciliation.Issue] = [
        .breakdownWithoutParts(breakdown: "partial"),
        .amountsUnknown(.budget, parts: 3),
        .partsDisagree(.final, itemised: 6_000, whole: 10_000),
        .partlyItemised(.final, itemised: 63_020_000, whole: 113_030_000, rest: 50_010_000),
        .countDisagrees(actual: "1340", bound: .lower, counted: 1341, scope: ["运维项目", "美音"]),
        .ordersFromOtherVendor(count: 4, vendor: "美音"),
        .note(text: "报告第二部分"),
        .doubt(.selfApproved(person: "周某")),
        .settingMissing(name: "contract_days"),
        .weightsDoNotAddUp(total: Points(hundredths: 9500)),
        .shortWithoutReason(score: Points(hundredths: 850), weight: Points(hundredths: 1000)),
        .unscored(.noWeight), .unscored(.noDirection), .unscored(.noTarget("约一千")), .unscored(.noTarget(nil)),
        .unscored(.noActual), .unscored(.noGrade), .unscored(.noGivenScore),
        .unscored(.givenOutsideBand(grade: .partly, given: Points(hundredths: 900), low: Points(hundredths: 600), high: Points(hundredths: 800))),
        .unscored(.givenAboveWeight(given: Points(hundredths: 1100), weight: Points(hundredths: 1000))), .unscored(.tooLarge),
        .spentOverBudget(spent: 1_250_000_00, annual: 1_200_000_00, adjusted: false), .spentOverBudget(spent: 90_000_00, annual: 80_000_00, adjusted: true),
        .adjustedWithoutNote(initial: 1_000_000_00, adjusted: 800_000_00), .adjustedWithoutNote(initial: nil, adjusted: 800_000_00),
        .conditionUnclassified(stage: "尾款", condition: "双方确认后支付"),
    ]

    /// A number per case; the switch stops compiling when a case is added, so the samples
    /// (and the check below) must take it in.
    static func number(_ issue: Reconciliation.Issue) -> Int {
        switch issue {
        case .breakdownWithoutParts: return 0
        case .amountsUnknown: return 1
        case .partsDisagree: return 2
        case .partlyItemised: return 3
        case .countDisagrees: return 4
        case .ordersFromOtherVendor: return 5
        case .note: return 6
        case .doubt: return 7
        case .settingMissing: return 8
        case .weightsDoNotAddUp: return 9
        case .shortWithoutReason: return 10
        case .unscored: return 11
        case .spentOverBudget: return 12
        case .adjustedWithoutNote: return 13
        case .conditionUnclassified: return 14
        }
    }

    @Test func everyCaseIsSaidInChineseWithoutEnglishWords() {
        #expect(Set(Self.samples.map(Self.number)) == Set(0..<15))
        for issue in Self.samples {
            let chinese = FindingText.issue(issue, in: .zh), english = FindingText.issue(issue, in: .en)
            #expect(!chinese.isEmpty && chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(issue)")
            #expect(englishWords(chinese).isEmpty, "\(issue): \(chinese)")
            if case .note = issue { continue }
            #expect(chinese != english, "\(issue)")
        }
        for subject in [Reconciliation.Subject.budgetLine(id: 1, name: "基本支出"), .indicator(id: 2, name: "服务次数"), .project(name: "运维"),
                        .indicatorSet(name: "运维"), .dataNote,
                        .procurement(id: 1, name: "运维服务"), .contract(number: "HT-001"), .acceptance(id: 1, document: "YS-001"),
                        .payment(id: 1, voucher: "ZF-001"), .invoice(vendor: "美音", number: "04391"), .ruleSetting(name: "甲")] {
            #expect(englishWords(FindingText.subject(subject, in: .zh)).isEmpty, "\(subject)")
        }
        for severity in Reconciliation.Severity.allCases {
            #expect(englishWords(FindingText.severity(severity).zh).isEmpty)
        }
    }

    @Test func theEnglishIsWhatCheckHasAlwaysSaid() {
        let finding = Reconciliation.Finding(year: 2020, subject: .budgetLine(id: 1, name: "基本支出"), issue: Self.samples[3])
        #expect(FindingText.sentence(finding, in: .en)
            == "budget #1 基本支出: final: the parts itemise 63.02万元 of 113.03万元; 50.01万元 is not itemised (partial breakdown)")
        #expect(FindingText.sentence(finding, in: .zh) == "预算科目 #1 基本支出：决算113.03万元中列明明细63.02万元，另有50.01万元未列明（明细不完整）")
        #expect(FindingText.issue(Self.samples[4], in: .en) == "says over 1340, but 1341 work orders are recorded (运维项目 / 美音)")
    }

    /// Runs of three or more ASCII letters.
    func englishWords(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for character in text + " " {
            if character.isASCII && character.isLetter { current.append(character); continue }
            if current.count >= 3 { words.append(current) }
            current = ""
        }
        return words
    }
}
