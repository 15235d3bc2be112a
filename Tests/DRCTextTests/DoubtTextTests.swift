import DRCCore
import DRCText
import Testing

/// Every 疑点 is said in both languages, the Chinese without an English letter, with its rule's
/// citation in both.
@Suite struct DoubtTextTests {
    static let samples: [LoopDoubt] = [
        .splitPurchase(item: "信息技术服务", count: 2, total: 300_000_000, threshold: 200_000_000, names: ["采购一", "采购二"]),
        .methodNotApproved(method: "single-source", amount: 300_000_000, threshold: 200_000_000),
        .workBeforeContract(work: .acceptance, reference: "验-001", on: "2021-03-10", signedOn: "2021-03-20"),
        .workBeforeContract(work: .payment, reference: "支-001", on: "2021-03-10", signedOn: nil),
        .workBeforeContract(work: .signedBeforeAward, reference: "运维服务", on: "2021-03-10", signedOn: "2021-03-01"),
        .workBeforeContract(work: .workOrder, reference: "#12", on: "2021-03-10", signedOn: "2021-03-20"),
        .lateContract(awardOn: "2021-01-05", signedOn: "2021-03-20", days: 74, limit: 30),
        .latePublication(signedOn: "2021-03-20", publishedOn: nil, workingDays: 9, limit: 2),
        .lateFiling(signedOn: "2021-03-20", filedOn: "2021-04-20", workingDays: 20, limit: 7),
        .supplementsOver(original: 3_000_000, supplements: 400_000, percent: 10, numbers: ["合-002-1"]),
        .overBudget(measure: .committed, amount: 2, budget: 1),
        .paidBeforeAcceptance(stage: "尾款", kind: .acceptance, condition: "验收合格", paidOn: "2021-03-01", acceptedOn: nil),
        .paidBeforeAcceptance(stage: "", kind: .finalAcceptance, condition: nil, paidOn: "2021-03-01", acceptedOn: "2021-04-01"),
        .acceptanceOverdue(endsOn: "2021-06-30", days: 90, limit: 30),
        .incompleteAcceptance(unsignedMembers: ["周某"], itemsWithoutResult: ["性能"], noItems: false, vendorNotSigned: true),
        .acceptedBeforeServiceEnded(acceptedOn: "2021-06-01", endsOn: "2021-06-30"),
        .methodWithoutReason(method: "inquiry"),
        .singleSourceNotPublicised(amount: 300_000_000, from: "2021-03-01", to: "2021-03-04", workingDays: 4, limit: 5),
        .singleSourceNotPublicised(amount: 300_000_000, from: nil, to: nil, workingDays: nil, limit: 5),
        .vendorsConnected(vendors: ["甲公司", "乙公司"], tie: .phone, value: "0731-8888"),
        .dutiesCombined(person: "周某", duty: .contractHandler, acceptance: "验-002"),
        .selfApproved(person: "周某"),
        .paidOverContract(paid: 2, amount: 1),
        .invoicesDifferFromPayments(invoiced: 1, paid: 2),
        .invoicePaidTwice(payments: ["支-1", "支-2"]),
        .paidWithoutInvoice(paidOn: "2021-03-25"),
        .invoiceOfAnotherContract(invoice: "发-7", vendor: "某公司", billed: "合-3"),
        .invoiceOfAnotherContract(invoice: "发-7", vendor: "某公司", billed: nil),
        .notBooked(paidOn: "2021-03-25", days: 40, limit: 30, reverses: nil),
        .notBooked(paidOn: "2021-03-25", days: 40, limit: 30, reverses: "支-9"),
        .notCarded(economicCode: "31002"),
        .assetNotBooked,
        .assetValueDiffers(value: 2, booked: 1),
        .assetValueDiffersFromInvoice(value: 2, invoiced: 1),
        .assetBookedBeforeAcceptance(bookedOn: "2021-03-01", acceptedOn: "2021-03-05"),
        .loopOpen(stage: .accepted, dueOn: "2021-06-30", days: 200, limit: 180, due: 3_000_000, booked: 1_000_000),
    ]

    @Test func everyRuleHasASampleAndIsSaidInBothLanguages() {
        #expect(Set(Self.samples.map(\.rule)) == Set(LoopRule.allCases))
        for doubt in Self.samples {
            let chinese = DoubtText.text(doubt, in: .zh), english = DoubtText.text(doubt, in: .en)
            #expect(chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(doubt)")
            // The samples' own values hold no ASCII letter, so any in the Chinese is drc's.
            #expect(!chinese.contains { $0.isASCII && $0.isLetter }, "\(doubt): \(chinese)")
            #expect(chinese != english)
        }
        for rule in LoopRule.allCases {
            #expect(!rule.basis.zh.isEmpty && !rule.basis.en.isEmpty && rule.basis.zh != rule.basis.en)
        }
    }

    @Test func aDoubtSaysItsFactsAndLimit() {
        #expect(DoubtText.text(Self.samples[6], in: .zh) == "中标通知日2021-01-05，合同于2021-03-20签订，相隔74日（期限30日）")
        #expect(DoubtText.text(Self.samples[6], in: .en) == "signed 2021-03-20, 74 days after the award on 2021-01-05 (limit 30 days)")
    }
}
