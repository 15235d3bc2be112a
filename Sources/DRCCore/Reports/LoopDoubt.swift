/// A point to verify (疑点) in the procurement loop: what the data shows against a rule, with
/// the facts it was found from. Never a verdict: an explanation may be on paper (an approval,
/// a contract clause); `check` says so. The edges put these in words (DRCText `DoubtText`).
public enum LoopDoubt: Sendable, Equatable {
    /// R1 化整为零: `count` non-tender purchases of the same year, budget line and item (品目),
    /// each below the tender threshold, add up to `total`, over it (条例第28条: 超过; exactly
    /// the threshold is not splitting). `names` are all of them.
    case splitPurchase(item: String, count: Int, total: Int64, threshold: Int64, names: [String])
    /// R2: a method other than open tendering at or above the threshold, without an approval.
    case methodNotApproved(method: String, amount: Int64, threshold: Int64)
    /// R3 先实施后采购: `work` (named by `reference`) dated `on`, before the contract was signed
    /// (`signedOn`, nil when it is not signed at all).
    case workBeforeContract(work: LoopWork, reference: String, on: String, signedOn: String?)
    /// R4: signed `days` days after the award, more than `limit`.
    case lateContract(awardOn: String, signedOn: String, days: Int64, limit: Int64)
    /// R5: published `workingDays` working days after signing (not yet when `publishedOn` is nil).
    case latePublication(signedOn: String, publishedOn: String?, workingDays: Int64, limit: Int64)
    /// R5: filed (备案) `workingDays` working days after signing (not yet when `filedOn` is nil).
    case lateFiling(signedOn: String, filedOn: String?, workingDays: Int64, limit: Int64)
    /// R6: supplementary contracts `numbers` add `supplements` to `original`, over `percent` %.
    case supplementsOver(original: Int64, supplements: Int64, percent: Int64, numbers: [String])
    /// R7: `measure` (committed or paid on a budget line, or a purchase's award) is over `budget`.
    case overBudget(measure: LedgerMeasure, amount: Int64, budget: Int64)
    /// R8: a payment of a stage whose condition is acceptance, paid `paidOn`, with no passed
    /// acceptance on or before it (`acceptedOn`: the first passed one after, if any).
    /// `kind` is the stage's typed condition (acceptance or final acceptance), `condition` its
    /// words; `stage` is empty for a payment naming no stage of a contract whose every stage
    /// waits on acceptance.
    case paidBeforeAcceptance(stage: String, kind: StageCondition, condition: String?, paidOn: String, acceptedOn: String?)
    /// R9: service ended `endsOn`, `days` ago (more than `limit`), and not wholly accepted.
    case acceptanceOverdue(endsOn: String, days: Int64, limit: Int64)
    /// R10: the whole contract (or its last stage) accepted `acceptedOn`, before the service it
    /// accepts ended (`endsOn`).
    case acceptedBeforeServiceEnded(acceptedOn: String, endsOn: String)
    /// R11: an acceptance report (验收书) with members who did not sign, items without a result,
    /// no items at all, or the vendor's signature recorded as missing.
    case incompleteAcceptance(unsignedMembers: [String], itemsWithoutResult: [String], noItems: Bool, vendorNotSigned: Bool)
    /// R17: bought by `method`, not open tendering, with no reason recorded (法第42条).
    case methodWithoutReason(method: String)
    /// R18: a single-source purchase of `amount`, at or above the threshold, publicised for
    /// `workingDays` working days (nil: no publicity recorded), fewer than `limit`.
    case singleSourceNotPublicised(amount: Int64, from: String?, to: String?, workingDays: Int64?, limit: Int64)
    /// R19: vendors competing in one purchase (`vendors`, two or more) share their `tie`, `value`.
    case vendorsConnected(vendors: [String], tie: VendorTie, value: String)
    /// R12: `person` handled the purchase or the contract (`duty`) and sits on acceptance
    /// `acceptance` of it.
    case dutiesCombined(person: String, duty: LoopDuty, acceptance: String)
    /// R12: `person` both applied for and approved the payment.
    case selfApproved(person: String)
    /// R13: paid `paid` on a contract of `amount` (with its supplementary contracts).
    case paidOverContract(paid: Int64, amount: Int64)
    /// R13: the contract's invoices add up to `invoiced`, its payments to `paid`.
    case invoicesDifferFromPayments(invoiced: Int64, paid: Int64)
    /// R13M three-way match: a payment paid `paidOn` names no invoice at all.
    case paidWithoutInvoice(paidOn: String)
    /// R13M three-way match: a payment pays invoice `invoice` of `vendor`, which bills another
    /// contract (`billed`), or none (nil).
    case invoiceOfAnotherContract(invoice: String, vendor: String, billed: String?)
    /// R14: the invoice is paid by more than one payment (`payments`).
    case invoicePaidTwice(payments: [String])
    /// R15: paid `paidOn`, `days` ago (more than `limit`), and not booked; `reverses` names the
    /// payment (by voucher) when this is a reversing entry, which must be booked too.
    case notBooked(paidOn: String, days: Int64, limit: Int64, reverses: String?)
    /// R15 (assets): equipment bought and booked on a capital line (`economicCode`, 310xx or
    /// 309xx) with no asset card.
    case notCarded(economicCode: String)
    /// R16: an asset card with no booking.
    case assetNotBooked
    /// R16: the cards a booking books are worth `value`, the booking books `booked`.
    case assetValueDiffers(value: Int64, booked: Int64)
    /// R16: the cards an invoice bills are worth `value`, the invoice is for `invoiced`.
    case assetValueDiffersFromInvoice(value: Int64, invoiced: Int64)
    /// R16: a card booked `bookedOn`, before the acceptance of `acceptedOn`.
    case assetBookedBeforeAcceptance(bookedOn: String, acceptedOn: String)
    /// R20: by the contract's end date and payment schedule, `due` fell due more than `limit`
    /// days ago (the first unbooked part on `dueOn`, `days` ago) and only `booked` is booked;
    /// the contract stands at `stage`.
    case loopOpen(stage: LoopStatus.Step, dueOn: String, days: Int64, limit: Int64, due: Int64, booked: Int64)

    public var rule: LoopRule {
        switch self {
        case .splitPurchase: return .splitting
        case .methodNotApproved: return .methodApproval
        case .workBeforeContract: return .workBeforeContract
        case .lateContract: return .lateContract
        case .latePublication: return .latePublication
        case .lateFiling: return .lateFiling
        case .supplementsOver: return .supplements
        case .overBudget: return .overBudget
        case .paidBeforeAcceptance: return .paidBeforeAcceptance
        case .acceptanceOverdue: return .acceptanceOverdue
        case .acceptedBeforeServiceEnded: return .acceptedEarly
        case .incompleteAcceptance: return .incompleteAcceptance
        case .methodWithoutReason: return .methodReason
        case .singleSourceNotPublicised: return .singleSourcePublicity
        case .vendorsConnected: return .vendorsConnected
        case .dutiesCombined: return .dutiesCombined
        case .selfApproved: return .selfApproved
        case .paidOverContract: return .paidOverContract
        case .invoicesDifferFromPayments: return .invoicesDiffer
        case .paidWithoutInvoice, .invoiceOfAnotherContract: return .threeWayMatch
        case .invoicePaidTwice: return .invoicePaidTwice
        case .notBooked: return .notBooked
        case .loopOpen: return .loopOpen
        case .notCarded: return .notCarded
        case .assetNotBooked, .assetValueDiffers, .assetValueDiffersFromInvoice, .assetBookedBeforeAcceptance: return .assetMismatch
        }
    }
}

/// The 疑点 rules, by code (the numbering of the domain notes, R1–R20), each with the law or
/// rule behind it.
public enum LoopRule: String, CaseIterable, Sendable {
    case splitting = "R1", methodApproval = "R2", workBeforeContract = "R3", lateContract = "R4"
    case latePublication = "R5P", lateFiling = "R5F", supplements = "R6", overBudget = "R7"
    case paidBeforeAcceptance = "R8", acceptanceOverdue = "R9", acceptedEarly = "R10", incompleteAcceptance = "R11"
    case dutiesCombined = "R12", selfApproved = "R12A", paidOverContract = "R13", invoicesDiffer = "R13I", threeWayMatch = "R13M"
    case invoicePaidTwice = "R14", notBooked = "R15", notCarded = "R15A", assetMismatch = "R16", methodReason = "R17", singleSourcePublicity = "R18", vendorsConnected = "R19"
    case loopOpen = "R20"

    /// The citation, short.
    public var basis: Term {
        switch self {
        case .splitting: return Term(zh: "政府采购法实施条例第28条", en: "GPL Regulations art. 28")
        case .methodApproval: return Term(zh: "政府采购法第27条", en: "Government Procurement Law art. 27")
        case .workBeforeContract: return Term(zh: "政府采购法第46条", en: "Government Procurement Law art. 46")
        case .lateContract: return Term(zh: "政府采购法第46条", en: "Government Procurement Law art. 46")
        case .latePublication: return Term(zh: "政府采购法实施条例第50条", en: "GPL Regulations art. 50")
        case .lateFiling: return Term(zh: "政府采购法第47条", en: "Government Procurement Law art. 47")
        case .supplements: return Term(zh: "政府采购法第49条", en: "Government Procurement Law art. 49")
        case .overBudget: return Term(zh: "政府采购法实施条例第30条", en: "GPL Regulations art. 30")
        case .paidBeforeAcceptance: return Term(zh: "财库〔2016〕205号；合同付款条件", en: "Caiku [2016] No. 205; the contract's payment terms")
        case .acceptanceOverdue: return Term(zh: "政府采购法实施条例第45条", en: "GPL Regulations art. 45")
        case .acceptedEarly: return Term(zh: "政府采购法实施条例第45条：按合同约定的技术、服务标准验收", en: "GPL Regulations art. 45: accept against the contract's standards")
        case .methodReason: return Term(zh: "政府采购法第42条", en: "Government Procurement Law art. 42")
        case .singleSourcePublicity: return Term(zh: "政府采购法实施条例第38条", en: "GPL Regulations art. 38")
        case .vendorsConnected: return Term(zh: "政府采购法实施条例第18条、第74条", en: "GPL Regulations arts. 18 and 74")
        case .incompleteAcceptance: return Term(zh: "政府采购法第41条；实施条例第45条", en: "Government Procurement Law art. 41; GPL Regulations art. 45")
        case .dutiesCombined, .selfApproved: return Term(zh: "行政事业单位内部控制规范（财会〔2012〕21号）", en: "Internal Control Norms for Administrative Units (Caikuai [2012] No. 21)")
        case .paidOverContract, .invoicesDiffer: return Term(zh: "政府采购法实施条例第51条；内控规范", en: "GPL Regulations art. 51; internal control norms")
        case .threeWayMatch: return Term(zh: "内控规范：合同、验收、发票与支付相互核对", en: "Internal control norms: contract, acceptance, invoice and payment matched")
        case .invoicePaidTwice: return Term(zh: "内控规范：支出凭原始单据审核", en: "Internal control norms: pay against original documents")
        case .notBooked: return Term(zh: "内控规范：及时入账", en: "Internal control norms: timely booking")
        case .notCarded, .assetMismatch: return Term(zh: "内控规范：资产验收入账、账实相符", en: "Internal control norms: assets accepted, booked and matching the books")
        case .loopOpen: return Term(zh: "2020年评价报告建议：从采购到验收入账形成闭环", en: "2020 evaluation: close the loop from purchase to booking")
        }
    }

    /// The setting a rule reads (rule_setting.name), when it reads one.
    public var setting: String? {
        switch self {
        case .splitting, .methodApproval: return "tender_threshold_wan"
        case .singleSourcePublicity: return "single_source_publicity_working_days"
        case .lateContract: return "contract_days"
        case .latePublication: return "publication_working_days"
        case .lateFiling: return "filing_working_days"
        case .supplements: return "supplement_percent"
        case .acceptanceOverdue: return "acceptance_due_days"
        case .notBooked: return "booking_due_days"
        case .loopOpen: return "open_loop_days"
        default: return nil
        }
    }
}

/// What was done before the contract was signed.
public enum LoopWork: String, Sendable, CaseIterable {
    /// The contract itself was signed before the award (中标通知).
    case signedBeforeAward = "award"
    case acceptance, payment
    case workOrder = "work_order"
}

/// Which of the ledger's figures is over the budget.
public enum LedgerMeasure: String, Sendable, CaseIterable {
    case committed, paid, award
}

/// What two competing vendors share (R19).
public enum VendorTie: String, Sendable, CaseIterable {
    case principal, phone, email
}

/// The purchase-side duty that may not be combined with acceptance.
public enum LoopDuty: String, Sendable, CaseIterable {
    case purchaseHandler = "purchase_handler", contractHandler = "contract_handler"
}
