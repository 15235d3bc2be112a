import DRCCore
import DRCWeb
import Foundation
import Testing

/// The procurement loop and the 疑点 on the web, from the examples (fictional): the clean loop
/// and the R8 example (paid and booked with no acceptance) give one contract booked and one
/// still at signed, and R8 among the 疑点, with what a 疑点 is not said.
@Suite struct LoopCheckPageTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    /// Imports the example folders' files in order, as the README's walk-through does.
    static func load(_ fixture: WebFixture, _ folders: [String]) async throws {
        for folder in folders {
            let directory = examples.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).filter({ $0.hasSuffix(".csv") }).sorted() {
                // 07-contracts.csv holds contracts.
                let name = String(file.dropLast(4).drop { $0 != "-" }.dropFirst())
                let kind = try #require(RecordKinds.named(name), "\(file)")
                let path = directory.appendingPathComponent(file).path
                _ = try await fixture.service.write { store in
                    try Importer(store: store, kind: kind, actor: "test", options: ImportOptions(sourceName: file)).run(FileSource(path: path))
                }
            }
        }
    }

    @Test func theLoopPageCountsContractsByStageAndTheCheckPageNamesTheRule() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await Self.load(fixture, ["clean", "R8-paid-before-acceptance"])
        try await fixture.test { client in
            let manager = Browser(client)
            try await manager.signIn("manager")
            let loop = try await manager.get("/loop?year=2021")
            #expect(loop.status == .ok)
            // Each bar's label is followed by its count: 示例-HT-001 is booked, 示例-HT-801 was
            // paid without an acceptance and so stands at signed.
            let chart = try #require(loop.text.range(of: "id=\"chart-loop\"").map { String(loop.text[$0.lowerBound...]) })
            for (stage, count) in [("未签订", 0), ("已签订", 1), ("已验收", 0), ("已开票", 0), ("已支付", 0), ("已入账", 1)] {
                #expect(Self.barValue(chart, stage) == String(count), "\(stage)")
            }
            #expect(loop.text.contains("示例-HT-801") && loop.text.contains("示例-HT-001"))
            // In 万元, as the other pages: 985000.00 yuan is 98.50.
            #expect(loop.text.contains(">98.50<") && !loop.text.contains("985000.00"))

            let check = try await manager.get("/check?year=2021")
            #expect(check.status == .ok)
            #expect(check.text.contains("<td>R8</td>"))
            #expect(check.text.contains("疑点是需要核实的事项，不是结论。"))

            let dashboard = try await manager.get("/?year=2021")
            #expect(dashboard.text.contains("id=\"chart-loop\""))
            let noContracts = try await manager.get("/?year=2020")
            #expect(!noContracts.text.contains("id=\"chart-loop\""))
        }
    }

    /// The number written on a bar: the text after the label's rectangle.
    static func barValue(_ chart: String, _ label: String) -> String? {
        guard let start = chart.range(of: ">\(label)</text>") else { return nil }
        let rest = chart[start.upperBound...]
        guard let value = rest.range(of: "class=\"value\""), let open = rest[value.upperBound...].range(of: ">"),
              let close = rest[open.upperBound...].range(of: "</text>") else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }
}
