import SQLiteDB

/// The report's service-level annex (运维服务级别情况), when the year's orders have
/// service-level data (a policy's limits or minutes measured): each vendor's response,
/// arrival and fix compliance and mean minutes, as `totals --measure` gives them, and each
/// vendor's monthly 考核 scores, as `drc sla` gives them. Chinese only.
struct ServiceLevelSection {
    let db: Connection
    let year: Int64

    func blocks() throws -> [ReportDocument.Block] {
        let withData = try db.scalar("""
            SELECT count(*) FROM work_order WHERE year = ? AND status <> 'cancelled' AND (sla_policy_id IS NOT NULL
                OR response_minutes IS NOT NULL OR arrival_minutes IS NOT NULL OR fix_minutes IS NOT NULL)
            """, year)?.int64 ?? 0
        guard withData > 0 else { return [] }
        let groups = try ServiceLevelTotals.groups(db, WorkOrderTotals.Query(years: [year], dimensions: [.vendor]), times: ServiceMeasure.allCases, compliance: true)
        var blocks: [ReportDocument.Block] = []
        let total = groups.total
        let rates = ServiceMeasure.allCases.map { measure -> String in
            let m = total[measure]
            // How many were measured, out of how many orders, is said beside every rate.
            // Remote fixes expect no arrival: said apart from the arrivals nobody recorded.
            let apart = measure == .arrival && total.remote > 0 ? "，远程处理\(total.remote)条不需到场" : ""
            guard let rate = m.rateTenths else { return "\(measure.term.zh)未考核（\(total.orders)条中考核0条\(apart)）" }
            return "\(measure.term.zh)及时率\(Self.percent(rate))（\(total.orders)条中考核\(m.measured)条，达标\(m.met)条\(apart)）"
        }
        blocks.append(.paragraph("（一）及时率。本年度工单\(total.orders)条，其中有服务级别数据的\(withData)条；\(EvaluationReport.list(rates))。"
            + "缺少时间或没有适用策略的工单不计入考核数，不按达标或超时计。"))
        var rateTable = DocumentTable(headings: ["供应商", "工单数", "响应及时率", "到场及时率", "修复及时率", "平均响应用时（分钟）", "平均修复用时（分钟）"],
                                      alignments: [.leading] + Array(repeating: .trailing, count: 6))
        for (cells, figures) in zip(groups.cells, groups.figures) {
            let rate = { (measure: ServiceMeasure) in figures[measure].rateTenths.map(Self.percent) ?? "未考核" }
            let mean = { (measure: ServiceMeasure) in figures[measure].meanTenths.map(ServiceFigures.tenths) ?? "未知" }
            let vendor = cells.first.map { $0 == .null ? "" : $0.text(in: .zh) } ?? ""
            rateTable.rows.append([vendor, String(figures.orders), rate(.response), rate(.arrival), rate(.fix), mean(.response), mean(.fix)])
        }
        blocks.append(.table(rateTable))
        let assessment = try ServiceAssessment(db, year: year)
        blocks.append(.paragraph("（二）考核。每月100分，每次超时按策略扣分，最低0分；当月没有一条工单可考核的，不评分，记为“无考核数据”。"))
        var scoreTable = DocumentTable(headings: ["供应商", "月份", "工单数", "已考核工单", "超时次数", "扣分", "得分"],
                                       alignments: [.leading, .leading, .trailing, .trailing, .trailing, .trailing, .trailing])
        for month in assessment.months {
            let breaches = month.breaches.values.reduce(0, +)
            scoreTable.rows.append([month.vendor, Self.month(month.month), String(month.orders), String(month.measured), String(breaches),
                                    month.score == nil ? "" : month.deductionPoints.text, month.score?.text ?? ServiceLevelWords.noData.zh])
        }
        blocks.append(.table(scoreTable))
        return blocks
    }

    /// Tenths of a percent as the report writes them: 66.7%.
    static func percent(_ tenths: Int64) -> String { ServiceFigures.tenths(tenths) + "%" }

    /// `2021-03` → 3月.
    static func month(_ text: String) -> String {
        Int(text.suffix(2)).map { "\($0)月" } ?? text
    }
}
