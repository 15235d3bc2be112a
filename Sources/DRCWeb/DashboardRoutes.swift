import DRCCore
import Hummingbird

/// The start page: a year's orders by month and by vendor × category, budget execution (budget
/// against final by kind) and, when the year has contracts, where they stand in the procurement
/// loop; each a server-drawn chart beside the core's table.
extension WebApp {
    func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: nil)
        guard viewer.may(.readRecords) else {
            // An admin's start page is the accounts.
            if viewer.may(.manageUsers) { return Responses.redirect("/users") }
            throw WebFailure(status: .forbidden, error: .notPermitted(role: viewer.account?.role.rawValue ?? ""))
        }
        let asked = request.uri.queryParameters.get("year").flatMap { Int64($0) }
        let (year, years, byMonth, byVendorCategory, budget, loop) = try await service.read { store in
            let years = try store.db.rows("SELECT DISTINCT year FROM work_order WHERE year IS NOT NULL ORDER BY year DESC").compactMap { $0[0].int64 }
            let year = asked ?? years.first ?? 0
            let byMonth = try WorkOrderTotals.compute(store.db, year: year, by: [.month])
            let byVendorCategory = try WorkOrderTotals.compute(store.db, year: year, by: [.vendor, .category])
            let budget = try BudgetTotals.compute(store.db, year: year, by: [.kind], amountsInWan: true)
            let loop = try LoopStatus.compute(store.db, filter: .init(year: year), asOf: DayNumber.of(store.clock.now().stamp) ?? 0)
            return (year, years, byMonth, byVendorCategory, budget, loop)
        }
        let monthBars = byMonth.rows.map { row in
            Charts.Bar(label: row[0].text(in: viewer.language), value: Int64(row[1].text) ?? 0, second: nil, shown: row[1].text, secondShown: nil)
        }
        let pairBars = byVendorCategory.rows.map { row in
            // The vendor's first characters tell vendors apart; the category is the point.
            Charts.Bar(label: String(row[0].text(in: viewer.language).prefix(4)) + "·" + row[1].text(in: viewer.language), value: Int64(row[2].text) ?? 0,
                       second: nil, shown: row[2].text, secondShown: nil)
        }
        // An unknown amount is said, never drawn as zero.
        func shown(_ cell: ResultTable.Cell) -> String { cell == .null ? viewer.say("未知", "unknown") : cell.text }
        let budgetBars = budget.rows.map { row -> Charts.Bar in
            let budgetColumn = budget.columns.firstIndex(of: "budget") ?? 1
            let finalColumn = budget.columns.firstIndex(of: "final") ?? 2
            return Charts.Bar(label: row[0].text(in: viewer.language), value: Self.hundredths(row[budgetColumn].text),
                              second: Self.hundredths(row[finalColumn].text), shown: shown(row[budgetColumn]), secondShown: shown(row[finalColumn]))
        }
        let yearLinks = years.html { y -> HTML in
            y == year ? "<strong>\(y)</strong> " : "<a href=\"/?year=\(y)\">\(y)</a> "
        }
        let total = byMonth.footer.first?.last?.text ?? "0"
        let body: HTML = """
            <h1>\(viewer.say("\(year) 年概览", "\(year) at a glance"))</h1>
            <p>\(viewer.say("年度：", "Year: "))\(yearLinks)</p>
            <p id="order-total">\(viewer.say("工单合计（不含已取消）：", "Orders in all (cancelled left out): "))<strong>\(total)</strong></p>
            <div class="charts">
            \(Charts.bars(monthBars, title: viewer.say("每月工单数", "Orders by month"), id: "chart-month"))
            \(Charts.bars(pairBars, title: viewer.say("供应商 × 服务类别", "Vendor × category"), id: "chart-vendor-category"))
            \(Charts.bars(budgetBars, title: viewer.say("预算执行（万元）", "Budget execution (10k yuan)"), id: "chart-budget",
                          legend: (viewer.say("预算数", "budget"), viewer.say("决算数", "final"))))
            \(loop.isEmpty ? "" : Self.loopChart(loop, viewer))
            </div>
            <h2>\(viewer.say("供应商 × 服务类别", "Vendor × category"))</h2>\(Layout.table(byVendorCategory, viewer))
            <h2>\(viewer.say("预算执行", "Budget execution"))</h2>\(Layout.table(budget, viewer))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("概览", "Dashboard"), body: body))
    }

    /// `113.03` → 11303: bar lengths from the table's formatted amounts, unknown as zero.
    static func hundredths(_ text: String) -> Int64 {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first.flatMap({ Int64($0) }) else { return 0 }
        let fraction = parts.count > 1 ? Int64(String(parts[1].prefix(2)).padding(toLength: 2)) ?? 0 : 0
        return whole * 100 + (whole < 0 ? -fraction : fraction)
    }
}

private extension String {
    func padding(toLength length: Int) -> String { count >= length ? self : self + String(repeating: "0", count: length - count) }
}
