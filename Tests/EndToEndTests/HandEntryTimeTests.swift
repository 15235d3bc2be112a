import Foundation
import Testing

/// `order add`, `order edit`, a status change's `--at` and the list's filters read every date and
/// time form an import reads (one parser, `TimeInput`): 2021-3-5 下午2:05, 2021年3月5日16时30分,
/// full-width digits. A time neither form reads is refused as before, naming the field.
@Suite struct HandEntryTimeTests {
    @Test func handEntryAcceptsWhatImportAccepts() throws {
        try withClerk { clerk in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2021-3-5 下午2:05")
            _ = try clerk.ok("order", "edit", "1", "--responded", "２０２１年３月５日１４时２０分")
            _ = try clerk.ok("order", "solve", "1", "--at", "2021年3月5日16时30分")
            let shown = try clerk.ok("order", "show", "1", "--format", "csv")
            #expect(shown.contains("2021-03-05 14:05"), "\(shown)")
            #expect(shown.contains("2021-03-05 14:20"), "\(shown)")
            #expect(shown.contains("2021-03-05 16:30"), "\(shown)")
            let listed = try clerk.ok("order", "list", "--from", "2021/3/5 下午2:00", "--format", "csv")
            #expect(listed.split(separator: "\n").count == 2, "\(listed)")
            let refused = try clerk.run("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "下午2:05")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("opened"), "\(refused.stderr)")
        }
    }
}
