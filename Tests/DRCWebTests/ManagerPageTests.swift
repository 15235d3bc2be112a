import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The manager's pages show the numbers of the core functions their commands call, and download
/// the same table as CSV (what `--format csv` prints, with Excel's BOM) and as a workbook.
@Suite struct ManagerPageTests {
    /// The table's cells as the page writes them, row by row (`<td>…</td>` text only).
    static func cells(_ page: String, in id: String) throws -> [[String]] {
        let start = try #require(page.range(of: "<div id=\"\(id)\">"))
        let end = try #require(page.range(of: "</table>", range: start.upperBound..<page.endIndex))
        let table = String(page[start.upperBound..<end.lowerBound])
        let body = table.components(separatedBy: "<tbody>").last ?? ""
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let text = cell.drop { $0 != ">" }.dropFirst()
                return String(text.prefix { $0 != "<" })
            }
        }
    }

    static func expected(_ table: ResultTable) -> [[String]] {
        (table.rows + table.footer).map { $0.map { $0.text(in: .zh).replacingOccurrences(of: "&", with: "&amp;") } }
    }

    static func csvRows(_ bytes: [UInt8]) -> [[String]] {
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "the CSV starts with a BOM")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theTotalsPageIsDrcTotalsWithItsFiltersAndYearsSideBySide() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let manager = Browser(client)
            try await manager.signIn("manager")
            let page = try await manager.get("/totals?year=2020&by=vendor&by2=category").text
            let table = try await fixture.service.read { try WorkOrderTotals.compute($0.db, year: 2020, by: [.vendor, .category]) }
            #expect(!table.rows.isEmpty)
            #expect(try Self.cells(page, in: "totals-table") == Self.expected(table))
            #expect(page.contains("id=\"chart-totals\""))
            // Filtered by vendor, ranked by count, beside another year: the core's query.
            let address = "/totals?year=2020&compare=2019&by=category&vendor=湖南美音网络技术有限公司&sort=count"
            let filtered = try await manager.get(address.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!).text
            let ranked = try await fixture.service.read { store in
                var query = WorkOrderTotals.Query(years: [2019, 2020], dimensions: [.category])
                query.vendorID = try store.resolve("湖南美音网络技术有限公司", to: .vendor)
                query.sortByCount = true
                return try WorkOrderTotals.compute(store.db, query)
            }
            #expect(try Self.cells(filtered, in: "totals-table") == Self.expected(ranked))
            #expect(ranked.columns.count > 2, "two years side by side")
            // The downloads: the command's CSV rows, and a workbook.
            let csv = try await manager.get("/totals?year=2020&by=vendor&format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let byVendor = try await fixture.service.read { try WorkOrderTotals.compute($0.db, year: 2020, by: [.vendor]) }
            #expect(Self.csvRows(Array(csv.body.readableBytesView)) == [["供应商", "数量"]] + byVendor.rows.map { $0.map(\.text) })
            let workbook = try await manager.get("/totals?year=2020&format=xlsx")
            #expect(Array(workbook.body.readableBytesView).starts(with: [0x50, 0x4B]), "an .xlsx is a zip")
            // A choice that is none of the choices is a 400 that names it, never a trap.
            let bad = try await manager.get("/totals?year=2020&by=password")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("统计维度"))
            #expect(try await manager.get("/totals?year=2020&format=pdf").status == .badRequest)
        }
    }

    @Test func theServiceLevelPageIsDrcSla() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            for (opened, restored) in [("2020-05-06 09:00", "2020-05-06 10:00"), ("2020-06-01 09:00", "2020-06-03 09:00")] {
                let added = try await clerk.post("/orders", form: [("_csrf", token), ("vendor", "美音"), ("category", "全区网络故障"),
                                                                    ("opened", opened), ("responded", opened), ("restored", restored),
                                                                    ("priority", "urgent"), ("remote", "yes")])
                #expect(added.status == .seeOther)
            }
            let manager = Browser(client)
            try await manager.signIn("manager")
            let page = try await manager.get("/sla?year=2020").text
            let table = try await fixture.service.read { try ServiceAssessment($0.db, year: 2020, vendorID: nil).table() }
            #expect(table.rows.count == 2)
            #expect(try Self.cells(page, in: "sla-table") == Self.expected(table))
            let breaches = try await manager.get("/sla?year=2020&detail=yes").text
            let detail = try await fixture.service.read { try ServiceAssessment($0.db, year: 2020, vendorID: nil).breachTable() }
            #expect(!detail.rows.isEmpty)
            #expect(try Self.cells(breaches, in: "sla-table") == Self.expected(detail))
            let csv = try await manager.get("/sla?year=2020&format=csv")
            #expect(Self.csvRows(Array(csv.body.readableBytesView)).count == table.rows.count + 1)
        }
    }

    @Test func theScoringPageIsDrcScoreWithGrades() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.service.write { store in
            let indicators = RecordRepository(store: store, kind: .indicator, actor: "test")
            for (name, target, actual, weight) in [("巡检次数", "100", "90", "60"), ("满意度", "95", "96", "40")] {
                _ = try indicators.add(["year": "2099", "project": "财政预算联网监督项目", "level1": "产出指标", "name": name,
                                        "target-op": ">=", "target": target, "actual": actual, "weight": weight])
            }
        }
        try await fixture.test { client in
            let manager = Browser(client)
            try await manager.signIn("manager")
            let page = try await manager.get("/score?year=2099").text
            let evaluation = try await fixture.service.read { try SelfEvaluation($0.db, year: 2099) }
            let set = try #require(evaluation.sets.first)
            #expect(try Self.cells(page, in: "score-table") == Self.expected(SelfEvaluationTable.summary(evaluation)))
            let projectID = try #require(set.projectID)
            #expect(page.contains("/score?year=2099&amp;project=\(projectID)"))
            let sheet = try await manager.get("/score?year=2099&project=\(projectID)").text
            #expect(try Self.cells(sheet, in: "score-table") == Self.expected(SelfEvaluationTable.sheet(set)))
            #expect(set.grade != nil)
            #expect(sheet.contains(SelfEvaluationTable.term(set.grade!).zh))
            // A project with no sheet that year is said so; one that does not exist is not found.
            let otherProject = try await fixture.service.read { try $0.resolve("全区政务网络运维服务项目", to: .project) }
            let none = try await manager.get("/score?year=2099&project=\(otherProject)")
            #expect(none.status == .badRequest)
            #expect(none.text.contains("2099"))
            #expect(try await manager.get("/score?year=2099&project=999999").status == .notFound)
        }
    }

    @Test func theBudgetPageIsDrcBudgetTotalsInWan() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let manager = Browser(client)
            try await manager.signIn("manager")
            let page = try await manager.get("/budget?year=2020").text
            let table = try await fixture.service.read { try BudgetTotals.compute($0.db, year: 2020, by: [.kind], amountsInWan: true) }
            #expect(!table.rows.isEmpty)
            #expect(try Self.cells(page, in: "budget-table") == Self.expected(table))
            #expect(page.contains("金额单位：万元"))
            #expect(page.contains("id=\"chart-budget\""))
            let economic = try await manager.get("/budget?year=2020&by=economic").text
            let byEconomic = try await fixture.service.read { try BudgetTotals.compute($0.db, year: 2020, by: [.economic], amountsInWan: true) }
            #expect(try Self.cells(economic, in: "budget-table") == Self.expected(byEconomic))
            let workbook = try await manager.get("/budget?year=2020&format=xlsx")
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }
}
