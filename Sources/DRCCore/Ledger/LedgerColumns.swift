import SQLiteDB

/// The ledger's columns as budget totals shows them beside each line: the line's own budget,
/// and the loop's money on the line and on every line that breaks it down.
enum LedgerColumns {
    static let keys = ["committed", "accepted", "invoiced", "paid", "booked", "remaining", "payment_progress"]
    static let headings: [Term?] = [LedgerWords.committed, LedgerWords.accepted, LedgerWords.invoiced, LedgerWords.paid,
                                    LedgerWords.booked, LedgerWords.remaining, LedgerWords.paymentProgress]

    /// The ledger by line, and the money of the year's contracts that name no line at all;
    /// nil when the year has neither a contract nor a payment from its lines, so a year whose
    /// loop is not recorded shows empty cells, not zeros (unknown is not zero).
    static func byLine(_ db: Connection, year: Int64) throws -> (lines: [Int64: Ledger.Figures], unassigned: Ledger.Figures?)? {
        let rows = try Ledger.compute(db, year: year, by: .budgetLine)
        let moves = { (figures: Ledger.Figures) in
            figures.committed != 0 || figures.invoiced != 0 || figures.paid != 0 || figures.booked != 0
        }
        guard try rows.contains(where: { moves($0.figures) }) || !Ledger.positions(db, year: year).isEmpty else { return nil }
        var figures: [Int64: Ledger.Figures] = [:]
        var unassigned: Ledger.Figures?
        for row in rows {
            if let key = row.key { figures[key] = row.figures } else if moves(row.figures) { unassigned = row.figures }
        }
        return (figures, unassigned)
    }

    /// A line's figures: its budget, and the ledger's flows on it and on its parts.
    static func figures(of id: Int64, budget: Int64?, ledger: (lines: [Int64: Ledger.Figures], unassigned: Ledger.Figures?)?,
                        children: [Int64: [BudgetTotals.Line]], year: Int64) throws -> Ledger.Figures? {
        guard let ledger else { return nil }
        var ids: [Int64] = [id]
        var index = 0
        while index < ids.count {
            ids += (children[ids[index]] ?? []).map(\.id)
            index += 1
        }
        var total = try Ledger.total(ids.compactMap { ledger.lines[$0] }.map { var flows = $0; flows.budget = 0; return flows }, year: year)
        total.budget = budget
        return total
    }

    static func cells(_ figures: Ledger.Figures?, money: (Int64?) -> ResultTable.Cell) throws -> [ResultTable.Cell] {
        guard let figures else { return Array(repeating: .null, count: keys.count) }
        return [money(figures.committed), money(figures.accepted), money(figures.invoiced), money(figures.paid), money(figures.booked),
         money(try figures.remaining), figures.paymentProgressBasisPoints.map { .number(Ledger.percent($0)) } ?? .null]
    }
}

/// The ledger's words, in both languages.
public enum LedgerWords {
    public static let budget = Term(zh: "全年预算数", en: "budget")
    public static let committed = Term(zh: "合同承诺", en: "committed")
    public static let accepted = Term(zh: "已验收", en: "accepted")
    public static let invoiced = Term(zh: "已开票", en: "invoiced")
    public static let paid = Term(zh: "已支付", en: "paid")
    public static let booked = Term(zh: "已入账", en: "booked")
    public static let remaining = Term(zh: "余额", en: "remaining")
    /// 已支付 ÷ 合同承诺: how far the contracts are paid, never called 执行率.
    public static let paymentProgress = Term(zh: "支付进度(%)", en: "payment_progress")
    public static let noBudgetLine = Term(zh: "（未指定预算科目）", en: "(no budget line)")
}

extension LedgerWords {
    public static let contract = Term(zh: "合同", en: "contract")
    public static let vendor = Term(zh: "供应商", en: "vendor")
}
