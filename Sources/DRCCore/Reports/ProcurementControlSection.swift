import SQLiteDB

/// The report's procurement internal-control annex (政府采购内部控制情况), when the year has
/// contracts: the ledger's money, where the contracts stand in the loop, and the 疑点 found,
/// all from the same functions as budget totals, `loop` and `check`. Chinese only.
struct ProcurementControlSection {
    let db: Connection
    let year: Int64
    let asOf: Int64?

    func blocks(describing describe: (Reconciliation.Finding) -> String) throws -> [ReportDocument.Block] {
        let positions = try Ledger.positions(db, year: year)
        let lines = try Ledger.compute(db, year: year, by: .budgetLine)
        let total = try Ledger.total(lines.map { var flows = $0.figures; flows.budget = 0; return flows }, year: year)
        // A year with no contract of its own may still pay from its lines (a contract of the
        // year before): the section is written whenever the year's loop moves money.
        guard !positions.isEmpty || total.committed != 0 || total.paid != 0 || total.booked != 0 else { return [] }
        var blocks: [ReportDocument.Block] = []
        let amount = { (fen: Int64?) in EvaluationReport.amount(fen) }
        // Table cells keep two decimals, so a column of amounts lines up.
        let cell = { (fen: Int64?) in fen.map { Money.wan($0) + "万元" } ?? "未知" }
        blocks.append(.paragraph("（一）资金。本年度\(positions.count)份合同承诺\(amount(total.committed))，已验收\(amount(total.accepted))，"
            + "已开票\(amount(total.invoiced))，已支付\(amount(total.paid))，已入账\(amount(total.booked))。"))
        var table = DocumentTable(headings: ["预算科目", "全年预算数", "合同承诺", "已支付", "已入账", "余额", "支付进度"],
                                  alignments: [.leading] + Array(repeating: .trailing, count: 6))
        for line in lines where line.figures.committed != 0 || line.figures.paid != 0 {
            let figures = line.figures
            let name = line.key == nil ? LedgerWords.noBudgetLine.zh : line.name
            table.rows.append([name, cell(figures.budget), cell(figures.committed), cell(figures.paid), cell(figures.booked),
                               cell(try figures.remaining), figures.paymentProgressBasisPoints.map { Ledger.percent($0) + "%" } ?? "未知"])
        }
        blocks.append(.table(table))
        let entries = positions.map { LoopStatus.entry(for: $0, asOf: asOf ?? 0) }
        let counts = LoopStatus.Step.allCases.compactMap { step -> String? in
            let count = entries.filter { $0.step == step }.count
            return count == 0 ? nil : "\(step.term.zh)\(count)份"
        }
        blocks.append(.paragraph("（二）闭环。按合同金额全部通过计，\(EvaluationReport.list(counts))；"
            + "已完成从采购到入账闭环的合同\(entries.filter(\.isClosed).count)份。"))
        let doubts = try LoopRules.check(db, year: year, asOf: asOf).filter { $0.severity == .doubt }
        if doubts.isEmpty {
            blocks.append(.paragraph("（三）疑点。按核查规则未发现疑点。"))
        } else {
            blocks.append(.paragraph("（三）疑点。以下\(doubts.count)项为数据显示的需核实事项，不是结论："))
            blocks.append(.list(doubts.compactMap { finding -> String? in
                guard case .doubt(let doubt) = finding.issue else { return nil }
                // Each 疑点 with the records it rests on, by their numbers.
                let records = finding.records.map { record in
                    RecordKinds.kind(record.kind).noun.zh + record.number + (record.vendor.map { "（\($0)）" } ?? "")
                }
                return "【\(doubt.rule.rawValue)】\(describe(finding))（依据：\(doubt.rule.basis.zh)"
                    + (records.isEmpty ? "" : "；涉及：" + records.joined(separator: "、")) + "）"
            }))
        }
        return blocks
    }
}
