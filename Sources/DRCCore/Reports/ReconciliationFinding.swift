extension Reconciliation {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// A point to verify (疑点) in the procurement loop: not a verdict, and not a failure.
        case error, warning, doubt, note

        var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .doubt: return 2
            case .note: return 3
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Which of a budget line's two amounts a finding is about.
    public enum Amount: String, Sendable, CaseIterable {
        case budget, final
    }

    /// What a finding is about.
    public enum Subject: Sendable, Equatable {
        case budgetLine(id: Int64, name: String)
        case indicator(id: Int64, name: String)
        case project(name: String)
        /// A project's (or a unit's own) indicators as one self-evaluation sheet.
        case indicatorSet(name: String)
        /// What a source says of itself (a finding of the section `data`).
        case dataNote
        case procurement(id: Int64, name: String)
        case contract(number: String)
        case acceptance(id: Int64, document: String)
        case payment(id: Int64, voucher: String?)
        case invoice(vendor: String, number: String)
        case ruleSetting(name: String)
        /// A fixed-asset card, by its number.
        case asset(number: String, name: String)
        /// A booking (入账), by its voucher number.
        case booking(voucher: String)
    }

    /// What `check` found, with the facts it found it from; the edges put it in words.
    public enum Issue: Sendable, Equatable {
        /// A line marked as broken down (`breakdown`: partial or complete) has no parts.
        case breakdownWithoutParts(breakdown: String)
        /// The line's `amount`, or that of some of its `parts` parts, is unknown.
        case amountsUnknown(Amount, parts: Int)
        /// The parts add up to `itemised` (fen), the line says `whole`.
        case partsDisagree(Amount, itemised: Int64, whole: Int64)
        /// The parts list `itemised` of `whole`; the rest is not itemised (a partial breakdown).
        case partlyItemised(Amount, itemised: Int64, whole: Int64, rest: Int64)
        /// An indicator counting work orders says `actual` (exactly, or as a lower or upper
        /// bound), but `counted` orders are recorded among `scope` (project, vendor, category).
        case countDisagrees(actual: String, bound: Bound, counted: Int64, scope: [String])
        /// `count` of a project's orders are from `vendor`, who is not one of its vendors.
        case ordersFromOtherVendor(count: Int64, vendor: String)
        /// A data note, as the source wrote it.
        case note(text: String)
        /// A point to verify in the procurement loop (疑点), by rule.
        case doubt(LoopDoubt)
        /// A 疑点 rule's setting (rule_setting `name`) is missing, so the rule was not run.
        case settingMissing(name: String)
        /// A self-evaluation's weights add up to `total`, not 100.
        case weightsDoNotAddUp(total: Points)
        /// An indicator scores below full marks and says no 偏差原因.
        case shortWithoutReason(score: Points, weight: Points)
        /// A weighted indicator cannot be scored, and why.
        case unscored(IndicatorScore.Unscored)
        /// The line's 全年执行数 `spent` exceeds its 全年预算数 `annual` (fen), which is the
        /// adjusted budget, or the 年初预算数 where no adjustment is recorded (`adjusted` false).
        case spentOverBudget(spent: Int64, annual: Int64, adjusted: Bool)
        /// The line's 全年预算数 `adjusted` differs from its 年初预算数 `initial` (nil: unknown)
        /// and no adjustment note says why.
        case adjustedWithoutNote(initial: Int64?, adjusted: Int64)
        /// A payment stage whose condition is written (`condition`) but not typed: R8 cannot
        /// tell whether it waits on acceptance (left so by migration 31 when its words were
        /// unclear, or entered without a kind).
        case conditionUnclassified(stage: String, condition: String)

        public var severity: Severity {
            switch self {
            case .partsDisagree, .countDisagrees: return .error
            case .unscored(.givenOutsideBand), .unscored(.givenAboveWeight): return .error
            case .breakdownWithoutParts, .amountsUnknown, .partlyItemised, .ordersFromOtherVendor, .settingMissing,
                 .weightsDoNotAddUp, .shortWithoutReason, .unscored, .spentOverBudget, .adjustedWithoutNote,
                 .conditionUnclassified: return .warning
            case .doubt: return .doubt
            case .note: return .note
            }
        }
    }

    /// How an indicator's actual value is meant.
    public enum Bound: String, Sendable, CaseIterable {
        case exact, lower, upper
    }

    public struct Finding: Sendable, Equatable {
        public let year: Int64?
        public let subject: Subject
        public let issue: Issue
        /// Every record the finding rests on (a 疑点's contracts, payments, invoices …), by the
        /// number people know it by; empty for findings about one budget line or indicator.
        public let records: [Evidence]

        public var severity: Severity { issue.severity }

        public init(year: Int64?, subject: Subject, issue: Issue, records: [Evidence] = []) {
            self.year = year
            self.subject = subject
            self.issue = issue
            self.records = records
        }
    }

    /// A record a finding rests on: its kind, its id, and its business number (a contract's
    /// number, a payment's 支付凭证号, an invoice's 发票号码 with its vendor, a booking's 记账凭证号,
    /// an acceptance's 验收书 number, a purchase's code); `#id` only where the record has none.
    public struct Evidence: Sendable, Equatable, Hashable {
        public let kind: RecordKind.ID
        public let id: Int64
        public let number: String
        /// An invoice's vendor: two vendors may issue the same number.
        public let vendor: String?

        public init(kind: RecordKind.ID, id: Int64, number: String, vendor: String? = nil) {
            self.kind = kind
            self.id = id
            self.number = number
            self.vendor = vendor
        }
    }
}
