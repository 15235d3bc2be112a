import DRCCore
import DRCWeb
import HummingbirdTesting
import Testing

/// The entry page says so when the order just entered may repeat another (issue 26, item 15),
/// with a link to the other order; the order is entered all the same.
@Suite struct LikelyDuplicatePageTests {
    @Test func theEntryPageWarnsOfALikelyDuplicate() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            var order = [("_csrf", token), ("vendor", "美音"), ("category", "全区网络故障"), ("unit", "办公室"),
                         ("opened", "2021-04-01 09:00"), ("summary", "三楼交换机掉线")]
            let first = try #require(try await clerk.post("/orders", form: order).location)
            let firstPage = try await clerk.get(first).text
            #expect(!firstPage.contains("class=\"warning\""))
            order[4] = ("opened", "2021年4月1日 9:30")
            let second = try #require(try await clerk.post("/orders", form: order).location)
            let firstID = try #require(first.split(separator: "=").last.map(String.init))
            let page = try await clerk.get(second).text
            #expect(page.contains("class=\"warning\""), "\(page)")
            #expect(page.contains("可能与工单 #\(firstID)（2021-04-01 09:00 报修）重复"), "\(page)")
            #expect(page.contains("<a href=\"/orders/\(firstID)\">"))
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE summary = '三楼交换机掉线'") == 2)
        }
    }
}
