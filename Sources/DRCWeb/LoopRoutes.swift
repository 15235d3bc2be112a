import DRCCore
import Hummingbird

/// The procurement loop's page: how many contracts stand at each stage (a chart) and each
/// contract's stage, age there and what is missing, from the one ledger `drc loop` reads.
extension WebApp {
    func loopPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try await gate.viewer(request, context, may: .runReports)
        let year = request.uri.queryParameters.get("year").flatMap { Int64($0) }
        let entries = try await service.read { store in
            try LoopStatus.compute(store.db, filter: .init(year: year), asOf: DayNumber.of(store.clock.now().stamp) ?? 0)
        }
        let body: HTML = """
            <h1>\(viewer.say("采购闭环", "The procurement loop"))</h1>
            <form method="get" action="/loop" class="filters"><label>\(viewer.say("年度", "Year"))<input name="year" value="\(year.map(String.init) ?? "")" size="6"></label>
            <button type="submit">\(viewer.say("查看", "Show"))</button></form>
            \(Self.loopChart(entries, viewer))
            \(Layout.table(LoopStatus.table(entries), viewer))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("采购闭环", "Loop"), body: body))
    }

    /// Contracts by the stage they stand at, every stage shown (a stage with none as 0).
    static func loopChart(_ entries: [LoopStatus.Entry], _ viewer: Viewer) -> HTML {
        let bars = LoopStatus.Step.allCases.map { step in
            let count = Int64(entries.filter { $0.step == step }.count)
            return Charts.Bar(label: viewer.word(step.term), value: count, second: nil, shown: String(count), secondShown: nil)
        }
        return Charts.bars(bars, title: viewer.say("合同所处环节", "Contracts by stage"), id: "chart-loop")
    }
}
