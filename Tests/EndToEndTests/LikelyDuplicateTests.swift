import Foundation
import Testing

/// A work order typed in twice (issue 26, item 15): added, with a warning naming the other
/// order by its number (and ticket); an order with its own ticket, another unit, an opening
/// more than an hour apart or another summary is no duplicate.
@Suite struct LikelyDuplicateTests {
    @Test func aLikelyDuplicateIsAddedWithAWarningNamingTheOther() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "网络")
            _ = try clerk.ok("unit", "add", "--name", "芙蓉区财政局")
            _ = try clerk.ok("unit", "add", "--name", "芙蓉区审计局")
            let base = ["order", "add", "--vendor", "美音", "--category", "网络"]
            let first = try clerk.run(base + ["--unit", "财政局", "--opened", "2021-04-01 09:00", "--summary", "三楼交换机掉线",
                                              "--ticket", "MY-0401"])
            #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
            // The same call typed in 20 minutes later, in other words, without the ticket.
            let again = try clerk.run(base + ["--unit", "芙蓉区财政局", "--opened", "2021-04-01 09:20", "--summary", "三楼的交换机掉线了"])
            #expect(again.status == 0)
            #expect(again.stdout.contains("Added order #2"), "\(again.stdout)")
            #expect(again.stderr.contains("drc: warning: work order #2 may repeat work order #1 (opened 2021-04-01 09:00, ticket MY-0401): "
                                          + "the same vendor and unit, opened 20 minutes apart"), "\(again.stderr)")
            #expect(!again.stderr.contains("1, MY-0401"))
            let chinese = try drc(base + ["--unit", "芙蓉区财政局", "--opened", "2021年4月1日 9:40", "--summary", "三楼交换机掉线"],
                                  in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.status == 0)
            #expect(chinese.stderr.contains("工单 #3 可能与工单 #2（2021-04-01 09:20 报修）重复"), "\(chinese.stderr)")
            #expect(chinese.stderr.contains("工单 #3 可能与工单 #1（2021-04-01 09:00 报修，工单号 MY-0401）重复"), "\(chinese.stderr)")
            // None of these is a duplicate: another unit, two hours on, another summary, its own ticket.
            for extra in [["--unit", "审计局", "--opened", "2021-04-01 09:10", "--summary", "三楼交换机掉线"],
                          ["--unit", "财政局", "--opened", "2021-04-01 11:30", "--summary", "三楼交换机掉线"],
                          ["--unit", "财政局", "--opened", "2021-04-01 09:05", "--summary", "打印机卡纸"],
                          ["--unit", "财政局", "--opened", "2021-04-01 09:05", "--summary", "三楼交换机掉线", "--ticket", "MY-0402"]] {
                let other = try clerk.run(base + extra)
                #expect(other.status == 0)
                #expect(other.stderr.isEmpty, "\(extra): \(other.stderr)")
            }
            #expect(try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").count == 8)
        }
    }
}
