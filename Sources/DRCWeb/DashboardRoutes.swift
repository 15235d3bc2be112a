import DRCCore
import DRCDocuments
import Hummingbird

/// The start page: a year's orders by month and by vendor × category, budget execution (budget
/// against final, line by line) and, when the year has contracts, where they stand in the
/// procurement loop; each a server-drawn chart beside the core's table.
extension WebApp {
    func dashboard(_ request: Request, _ context: RoomContext<Lobby>) async throws -> Response {
        let viewer = context.viewer
        guard viewer.may(.readRecords) else {
            // An admin's start page is the accounts.
            if viewer.may(.manageUsers) { return Responses.redirect("/users") }
            throw WebFailure(status: .forbidden, error: .notPermitted(role: context.account.role.rawValue))
        }
        let asked = try NumberParameter.year.read(request.uri.queryParameters)
        let (year, years, byMonth, byVendorCategory, budget, budgetFigure, loop) = try await service.read { store in
            let years = try PickLists.orderYears(store)
            let year = asked ?? years.first ?? 0
            let byMonth = try WorkOrderTotals.compute(store.db, year: year, by: [.month])
            let byVendorCategory = try WorkOrderTotals.compute(store.db, year: year, by: [.vendor, .category])
            let budget = try BudgetTotals.compute(store.db, year: year, by: [.kind], amountsInWan: true)
            let loop = try LoopStatus.compute(store.db, filter: .init(year: year), asOf: DayNumber.of(store.clock.now().stamp) ?? 0)
            return (year, years, byMonth, byVendorCategory, budget, try ReportFigures.budgetExecution(store.db, year: year), loop)
        }
        // The figures the report draws, drawn the same way (an unknown amount said, never drawn as zero).
        let language = viewer.language
        let yearLinks = years.html { y -> HTML in
            y == year ? "<strong>\(y)</strong> " : "<a href=\"/?year=\(y)\">\(y)</a> "
        }
        let total = byMonth.footer.first?.last?.text ?? "0"
        let body: HTML = """
            <h1>\(viewer.say("\(year) 年概览", "\(year) at a glance"))</h1>
            <p>\(viewer.say("年度：", "Year: "))\(yearLinks)</p>
            <p id="order-total">\(viewer.say("工单合计（不含已取消）：", "Orders in all (cancelled left out): "))<strong>\(total)</strong></p>
            <div class="charts">
            \(Charts.bars(ReportFigures.ordersByMonth(byMonth), in: language))
            \(Charts.bars(ReportFigures.ordersByVendorThenCategory(byVendorCategory), in: language))
            \(Charts.bars(budgetFigure, in: language))
            \(loop.isEmpty ? "" : Charts.bars(ReportFigures.loopStages(loop), in: language))
            </div>
            <h2>\(viewer.say("供应商 × 服务类别", "Vendor × category"))</h2>\(Layout.table(byVendorCategory, viewer))
            <h2>\(viewer.say("预算执行", "Budget execution"))</h2>\(Layout.table(budget, viewer))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("概览", "Dashboard"), body: body))
    }
}
