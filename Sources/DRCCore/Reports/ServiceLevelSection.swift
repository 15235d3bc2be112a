import SQLiteDB

/// The report's service-level section (运维服务级别情况), when the year's orders have
/// service-level data (a policy's limits or minutes measured): each vendor's response,
/// arrival and fix compliance and mean minutes, as `totals --measure` gives them, and each
/// vendor's monthly 考核 scores, as `drc sla` gives them. Chinese only.
struct ServiceLevelSection {
    let db: Connection
    let year: Int64
    /// The section's number in the outline (八 or 九, after the procurement section when there is one).
    let number: Int

    func markdown() throws -> String {
        let withData = try db.scalar("""
            SELECT count(*) FROM work_order WHERE year = ? AND status <> 'cancelled' AND (sla_policy_id IS NOT NULL
                OR response_minutes IS NOT NULL OR arrival_minutes IS NOT NULL OR fix_minutes IS NOT NULL)
            """, year)?.int64 ?? 0
        guard withData > 0 else { return "" }
        let groups = try ServiceLevelTotals.groups(db, WorkOrderTotals.Query(years: [year], dimensions: [.vendor]), histograms: [])
        var text = "## \(EvaluationReport.chineseNumber(number))、运维服务级别情况\n\n"
        let total = groups.total
        let rates = ServiceMeasure.allCases.map { measure -> String in
            let m = total[measure]
            guard let rate = m.rateTenths else { return "\(measure.term.zh)未考核" }
            return "\(measure.term.zh)及时率\(Self.percent(rate))（\(m.met)/\(m.measured)）"
        }
        text += "（一）及时率。本年度工单\(total.orders)条，其中有服务级别数据的\(withData)条；\(EvaluationReport.list(rates))。"
            + "缺少时间或没有适用策略的工单不计入考核数，不按达标或超时计。\n\n"
        text += "| 供应商 | 工单数 | 响应及时率 | 到场及时率 | 修复及时率 | 平均响应用时（分钟） | 平均修复用时（分钟） |\n"
        text += "|---|---|---|---|---|---|---|\n"
        for (cells, figures) in zip(groups.cells, groups.figures) {
            let rate = { (measure: ServiceMeasure) in figures[measure].rateTenths.map(Self.percent) ?? "未考核" }
            let mean = { (measure: ServiceMeasure) in figures[measure].meanTenths.map(ServiceFigures.tenths) ?? "未知" }
            text += "| \(cells.first.map(EvaluationReport.markdownCell) ?? "") | \(figures.orders) | \(rate(.response)) | \(rate(.arrival)) | "
                + "\(rate(.fix)) | \(mean(.response)) | \(mean(.fix)) |\n"
        }
        let assessment = try ServiceAssessment(db, year: year)
        text += "\n（二）考核。每月100分，每次超时按策略扣分，最低0分。\n\n"
        text += "| 供应商 | 月份 | 工单数 | 超时次数 | 扣分 | 得分 |\n|---|---|---|---|---|---|\n"
        for month in assessment.months {
            let breaches = month.breaches.values.reduce(0, +)
            text += "| \(month.vendor) | \(Self.month(month.month)) | \(month.orders) | \(breaches) | \(month.deductionPoints.text) | \(month.score.text) |\n"
        }
        text += "\n"
        return text
    }

    /// Tenths of a percent as the report writes them: 66.7%.
    static func percent(_ tenths: Int64) -> String { ServiceFigures.tenths(tenths) + "%" }

    /// `2021-03` → 3月.
    static func month(_ text: String) -> String {
        Int(text.suffix(2)).map { "\($0)月" } ?? text
    }
}
