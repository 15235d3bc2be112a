import DRCCore
import DRCDocuments
import DRCText
import Hummingbird

/// The 疑点 page: `drc check`'s findings (reconciliation errors, warnings, the procurement loop's
/// points to verify, data notes) for managers and auditors, from the same core function and in
/// the same table as the command line, with what a 疑点 is not said above it.
extension WebApp {
    func checkPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let year = try NumberParameter.year.read(request.uri.queryParameters)
        let findings = try await service.read { store in
            try Reconciliation.check(store.db, year: year, asOf: DayNumber.of(store.clock.now().stamp) ?? 0)
        }
        let count = { (severity: Reconciliation.Severity) in findings.filter { $0.severity == severity }.count }
        let body: HTML = """
            <h1>\(viewer.say("核对与疑点", "Checks and 疑点"))</h1>
            <form method="get" action="/check" class="filters"><label>\(viewer.say("年度", "Year"))<input name="year" value="\(year.map(String.init) ?? "")" size="6"></label>
            <button type="submit">\(viewer.say("核对", "Check"))</button></form>
            <p id="check-counts">\(viewer.say("错误 \(count(.error)) 项，提示 \(count(.warning)) 项，疑点 \(count(.doubt)) 项，说明 \(count(.note)) 项。",
                                           "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.doubt)) 疑点, \(count(.note)) notes."))</p>
            <p class="notice">\(viewer.word(DoubtText.caveat))</p>
            \(Layout.table(CheckTable.table(findings, in: viewer.language), viewer))
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("核对", "Checks"), body: body))
    }
}
