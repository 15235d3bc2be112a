import DRCCore
import DRCWeb
import Foundation
import Testing

/// The dashboard's vendor × category chart, in its narrow column: each vendor's total with its
/// categories set in under it, every name whole, so the chart is drawn at its own size.
@Suite struct DashboardChartTests {
    /// Each label of the figure with the number drawn after it, in order.
    static func bars(_ page: String, _ id: String) -> [(label: String, part: Bool, value: String)] {
        guard let start = page.range(of: "<figure id=\"\(id)\"")?.lowerBound,
              let end = page.range(of: "</figure>", range: start..<page.endIndex)?.upperBound else { return [] }
        let figure = String(page[start..<end])
        let pattern = #/<text class="(label(?: part)?)"[^>]*>([^<]*)</text>\s*<rect[^>]*></rect>\s*<text class="value"[^>]*>([^<]*)</text>/#
        return figure.matches(of: pattern).map { (String($0.output.2), $0.output.1 == "label part", String($0.output.3)) }
    }

    @Test func vendorsCarryTheirTotalsAndCategoriesStandUnderThem() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            try await clerk.signIn("clerk")
            let page = try await clerk.get("/?year=2020").text
            let bars = Self.bars(page, "chart-vendor-category")
            // 湖南美音 in the seed: 36 + 151 + 285 + 235 + 21 + 612 = 1340, its six categories under it.
            let meiyin = try #require(bars.firstIndex { $0.label == "湖南美音网络技术有限公司" })
            #expect(!bars[meiyin].part && bars[meiyin].value == "1340")
            let parts = bars[(meiyin + 1)...].prefix(while: \.part)
            #expect(parts.count == 6)
            #expect(parts.map { Int($0.value) ?? 0 }.reduce(0, +) == 1340)
            #expect(parts.contains { $0.label == "全区网络故障" && $0.value == "151" })
            // No label joins a vendor and a category: each name stands whole on its own.
            #expect(!bars.contains { $0.label.contains("·") })
        }
    }
}
