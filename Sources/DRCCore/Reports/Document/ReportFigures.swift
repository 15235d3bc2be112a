import SQLiteDB

/// The three figures a manager reads at a glance, from the same totals the tables give: orders
/// by month, orders by vendor × category, and budget execution (budget beside final, line by
/// line). The web dashboard and the report's HTML draw these same figures.
public enum ReportFigures {
    public static let unknown = Term(zh: "未知", en: "unknown")

    /// From `WorkOrderTotals` by month: one bar per month, orders without a date under 未知月份.
    public static func ordersByMonth(_ totals: ResultTable) -> ReportFigure {
        ReportFigure(id: "chart-month", title: Term(zh: "每月工单数", en: "Orders by month"),
                     labelHeading: WorkOrderTotals.Dimension.month.term, series: [Term(zh: "工单数", en: "orders")],
                     bars: totals.rows.map { row in ReportFigure.Bar(label: [row[0]], values: [count(row[1])]) })
    }

    /// From `WorkOrderTotals` by vendor and category: one bar per pair.
    public static func ordersByVendorAndCategory(_ totals: ResultTable) -> ReportFigure {
        ReportFigure(id: "chart-vendor-category", title: Term(zh: "供应商 × 服务类别", en: "Vendor × category"),
                     labelHeading: Term(zh: "供应商 · 服务类别", en: "vendor · category"), series: [Term(zh: "工单数", en: "orders")],
                     bars: totals.rows.map { row in ReportFigure.Bar(label: [row[0], row[1]], values: [count(row[2])]) })
    }

    /// The same counts grouped for a narrow column (the dashboard): each vendor's total, its
    /// categories set in under it, so every name reads whole at the chart's own size instead of
    /// the whole chart shrinking to fit "vendor·category" labels.
    public static func ordersByVendorThenCategory(_ totals: ResultTable) -> ReportFigure {
        var vendors: [(cell: ResultTable.Cell, parts: [(ResultTable.Cell, ReportFigure.Value?)])] = []
        for row in totals.rows {
            if let index = vendors.firstIndex(where: { $0.cell.text == row[0].text }) {
                vendors[index].parts.append((row[1], count(row[2])))
            } else {
                vendors.append((row[0], [(row[1], count(row[2]))]))
            }
        }
        var bars: [ReportFigure.Bar] = []
        for vendor in vendors {
            // A vendor's total is known only when each of its counts is.
            let counts = vendor.parts.map { $0.1?.magnitude }
            let total = counts.contains(nil) ? nil : counts.reduce(Int64(0)) { $0 + ($1 ?? 0) }
            bars.append(ReportFigure.Bar(label: [vendor.cell], values: [total.map { ReportFigure.Value(magnitude: $0, text: String($0)) }]))
            bars += vendor.parts.map { ReportFigure.Bar(label: [$0.0], values: [$0.1], depth: 1) }
        }
        return ReportFigure(id: "chart-vendor-category", title: Term(zh: "供应商 × 服务类别", en: "Vendor × category"),
                            labelHeading: Term(zh: "供应商 · 服务类别", en: "vendor · category"), series: [Term(zh: "工单数", en: "orders")],
                            bars: bars)
    }

    /// Every budget line of the year, its parts after it: the 全年预算数 (adjusted, else the
    /// 年初预算数) beside the 全年执行数, in 万元, each unknown where the line does not say it.
    public static func budgetExecution(_ db: Connection, year: Int64) throws -> ReportFigure {
        let lines = try BudgetTotals.lines(db, year: year)
        let children = Dictionary(grouping: lines.filter { $0.parentID != nil }) { $0.parentID! }
        var ordered: [(line: BudgetTotals.Line, depth: Int)] = []
        func visit(_ line: BudgetTotals.Line, depth: Int) {
            ordered.append((line, depth))
            for part in children[line.id] ?? [] { visit(part, depth: depth + 1) }
        }
        for root in lines where root.parentID == nil { visit(root, depth: 0) }
        let money = { (fen: Int64?) in fen.map { ReportFigure.Value(magnitude: $0, text: Money.wan($0)) } }
        return ReportFigure(id: "chart-budget", title: Term(zh: "预算执行（万元）", en: "Budget execution (10k yuan)"),
                            labelHeading: Term(zh: "预算科目", en: "budget line"), series: [BudgetWords.adjusted, BudgetWords.spent],
                            bars: ordered.map {
                                ReportFigure.Bar(label: [.text($0.line.name)], values: [money($0.line.execution.annual), money($0.line.final)],
                                                 depth: $0.depth)
                            })
    }

    /// Contracts by the stage of the procurement loop they stand at, every stage shown (a stage
    /// with none as 0), from `LoopStatus`.
    public static func loopStages(_ entries: [LoopStatus.Entry]) -> ReportFigure {
        ReportFigure(id: "chart-loop", title: Term(zh: "合同所处环节", en: "Contracts by stage"),
                     labelHeading: Term(zh: "所处环节", en: "stage"), series: [Term(zh: "合同数", en: "contracts")],
                     bars: LoopStatus.Step.allCases.map { step in
                         let count = Int64(entries.filter { $0.step == step }.count)
                         return ReportFigure.Bar(label: [.word(key: step.rawValue, step.term)],
                                                 values: [ReportFigure.Value(magnitude: count, text: String(count))])
                     })
    }

    /// From `WorkOrderTotals` by any dimensions, one year or several side by side: one bar per
    /// row (its dimensions' names as the label), one series per year, the first `limit` rows.
    public static func totals(_ totals: ResultTable, dimensions: Int, years: [Int64], limit: Int = 30) -> ReportFigure {
        let width = max(1, dimensions)
        let series = years.count > 1 ? years.map { Term(zh: "\($0)年", en: "\($0)") } : [Term(zh: "工单数", en: "orders")]
        return ReportFigure(id: "chart-totals", title: Term(zh: "工单数", en: "Orders"),
                            labelHeading: Term(zh: "统计维度", en: "dimensions"), series: series,
                            bars: totals.rows.prefix(limit).map { row in
                                ReportFigure.Bar(label: Array(row.prefix(width)),
                                                 values: series.indices.map { width + $0 < row.count ? count(row[width + $0]) : nil })
                            })
    }

    private static func count(_ cell: ResultTable.Cell) -> ReportFigure.Value? {
        Int64(cell.text).map { ReportFigure.Value(magnitude: $0, text: cell.text) }
    }
}
