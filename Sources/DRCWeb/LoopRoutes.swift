import DRCCore
import DRCDocuments
import Hummingbird

/// The procurement loop's page: how many contracts stand at each stage (a chart) and each
/// contract's stage, age there and what is missing, from the one ledger `drc loop` reads,
/// amounts in 万元 as on every other page.
extension WebApp {
    func loopPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let year = try NumberParameter.year.read(request.uri.queryParameters)
        let entries = try await service.read { store in
            try LoopStatus.compute(store.db, filter: .init(year: year), asOf: DayNumber.of(store.clock.now().stamp) ?? 0)
        }
        let body: HTML = """
            <h1>\(viewer.say("采购闭环", "The procurement loop"))</h1>
            <form method="get" action="/loop" class="filters"><label>\(viewer.say("年度", "Year"))<input name="year" value="\(year.map(String.init) ?? "")" size="6"></label>
            <button type="submit">\(viewer.say("查看", "Show"))</button></form>
            \(Charts.bars(ReportFigures.loopStages(entries), in: viewer.language))
            <p class="note">\(viewer.say("金额单位：万元；与命令 drc loop --wan 的结果相同。", "Amounts in 万元 (10,000 yuan); the same as drc loop --wan."))</p>
            \(Layout.table(LoopStatus.table(entries, amountsInWan: true), viewer))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("采购闭环", "Loop"), body: body))
    }
}
