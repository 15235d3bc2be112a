import SQLiteDB

/// `loop`: where each contract stands in the closed loop (闭环) signed → accepted → invoiced →
/// paid → booked, how long it has stood there, and what is still missing. A step is reached
/// when all of the contract's amount has passed it (and every step before it).
public enum LoopStatus {
    public enum Step: String, CaseIterable, Sendable, Comparable {
        case unsigned, signed, accepted, invoiced, paid, booked

        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rank < rhs.rank }

        public var term: Term {
            switch self {
            case .unsigned: return Term(zh: "未签订", en: "unsigned")
            case .signed: return Term(zh: "已签订", en: "signed")
            case .accepted: return Term(zh: "已验收", en: "accepted")
            case .invoiced: return Term(zh: "已开票", en: "invoiced")
            case .paid: return Term(zh: "已支付", en: "paid")
            case .booked: return Term(zh: "已入账", en: "booked")
            }
        }
    }

    /// A step not yet reached, and how much of the contract has not passed it (unknown when
    /// the accepted amount is unknown).
    public struct Gap: Sendable, Equatable {
        public let step: Step
        public let short: Int64?
    }

    public struct Entry: Sendable, Equatable {
        public let position: ContractPosition
        public let step: Step
        /// Days from the day the step was reached to `asOf`; nil without that day.
        public let days: Int64?
        public let missing: [Gap]
        public var isClosed: Bool { step == .booked }
    }

    public struct Filter: Sendable {
        public var year: Int64?
        public var step: Step?
        /// A vendor's id.
        public var vendorID: Int64?
        public init(year: Int64? = nil, step: Step? = nil, vendorID: Int64? = nil) {
            self.year = year
            self.step = step
            self.vendorID = vendorID
        }
    }

    public static func compute(_ db: Connection, filter: Filter = Filter(), asOf: Int64) throws -> [Entry] {
        try Ledger.positions(db, year: filter.year)
            .filter { filter.vendorID == nil || $0.vendorID == filter.vendorID }
            .map { entry(for: $0, asOf: asOf) }
            .filter { filter.step == nil || $0.step == filter.step }
    }

    public static func entry(for position: ContractPosition, asOf: Int64) -> Entry {
        let amount = position.amount
        // What has passed each step, and the day it last moved.
        let passed: [(Step, Int64?, String?)] = [
            (.signed, position.signedOn == nil ? 0 : amount, position.signedOn),
            (.accepted, position.accepted, position.acceptedOn),
            (.invoiced, position.invoiced, position.invoicedOn),
            (.paid, position.paid, position.paidOn),
            (.booked, position.booked, position.bookedOn),
        ]
        var reached = Step.unsigned
        var reachedOn: String?
        var missing: [Gap] = []
        for (step, figure, day) in passed {
            let complete = figure.map { $0 >= amount } ?? false
            if complete && missing.isEmpty {
                reached = step
                reachedOn = day
            } else if !complete {
                missing.append(Gap(step: step, short: figure.map { amount &- $0 }))
            }
        }
        let days = DayNumber.of(reachedOn).map { asOf - $0 }
        return Entry(position: position, step: reached, days: days, missing: missing)
    }

    /// The entries as a table: contract, vendor, year, amount, the step reached, its age in
    /// days, the money at each step, and the steps missing (with the amount short).
    public static func table(_ entries: [Entry], amountsInWan: Bool = false) -> ResultTable {
        let money: (Int64?) -> ResultTable.Cell = { amount in amount.map { .number(amountsInWan ? Money.wan($0) : Money.yuan($0)) } ?? .null }
        var table = ResultTable(
            columns: ["contract", "vendor", "year", "amount", "stage", "days", "accepted", "invoiced", "paid", "booked", "missing"],
            headings: [LedgerWords.contract, LedgerWords.vendor, Term(zh: "年度", en: "year"), Term(zh: "合同金额", en: "amount"),
                       Term(zh: "所处环节", en: "stage"), Term(zh: "停留天数", en: "days"), LedgerWords.accepted, LedgerWords.invoiced,
                       LedgerWords.paid, LedgerWords.booked, Term(zh: "尚缺", en: "missing")])
        for entry in entries {
            let p = entry.position
            table.rows.append([.text(p.number), .text(p.vendor), .init(p.year), money(p.amount),
                               .word(key: entry.step.rawValue, entry.step.term), .init(entry.days),
                               money(p.accepted), money(p.invoiced), money(p.paid), money(p.booked),
                               .missing(entry.missing, amountsInWan: amountsInWan)])
        }
        return table
    }
}

extension ResultTable.Cell {
    /// The missing steps, each with the amount short: `accepted 689500.00; invoiced …`, words
    /// in the reader's language.
    static func missing(_ gaps: [LoopStatus.Gap], amountsInWan: Bool) -> ResultTable.Cell {
        let say = { (language: Language) in
            gaps.map { gap in
                gap.step.term.text(in: language) + " " + (gap.short.map { amountsInWan ? Money.wan($0) : Money.yuan($0) } ?? "?")
            }.joined(separator: language == .zh ? "；" : "; ")
        }
        guard !gaps.isEmpty else { return .null }
        return .word(key: say(.en), Term(zh: say(.zh), en: say(.en), enPlural: say(.en)))
    }
}
