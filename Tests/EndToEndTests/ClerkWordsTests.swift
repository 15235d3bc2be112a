import Foundation
import Testing

/// Messages name records as a clerk knows them (issue 26, item 16): a ticket already taken is
/// said with its vendor's name, never the vendor's internal id ("1, MY-2103-001").
@Suite struct ClerkWordsTests {
    @Test func aTakenTicketNamesItsVendorByName() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "网络")
            let order = ["order", "add", "--vendor", "美音", "--category", "网络", "--opened", "2021-03-01 10:00", "--ticket", "MY-2103-001"]
            _ = try clerk.ok(order)
            let again = try clerk.run(order)
            #expect(again.status == 1)
            #expect(again.stderr.contains("\"湖南美音网络技术有限公司, MY-2103-001\""), "\(again.stderr)")
            #expect(!again.stderr.contains("\"1, MY-2103-001\""), "\(again.stderr)")
            let chinese = try drc(order, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.stderr.contains("已经有供应商、工单号为\"湖南美音网络技术有限公司, MY-2103-001\"的工单"), "\(chinese.stderr)")
        }
    }
}
