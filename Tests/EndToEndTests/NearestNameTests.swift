import Foundation
import Testing

/// An unknown vendor, unit or category is refused with the nearest names a clerk may have meant
/// (美音公司 → 湖南美音网络技术有限公司; 芙蓉区财政居 → 芙蓉区财政局), never a guess taken; a name
/// near nothing is refused as before.
@Suite struct NearestNameTests {
    @Test func anUnknownNameSuggestsTheNearest() throws {
        try withClerk { clerk in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            _ = try clerk.ok("unit", "add", "--name", "芙蓉区财政局")
            _ = try clerk.ok("unit", "add", "--name", "芙蓉区审计局")
            let chinese = ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"]
            let vendor = try drc(["order", "add", "--vendor", "美音公司", "--category", "全区网络故障", "--opened", "2021-03-05"],
                                 in: clerk.folder, environment: chinese)
            #expect(vendor.status == 1)
            #expect(vendor.stderr.contains("供应商\"美音公司\"：找不到；是不是 \"湖南美音网络技术有限公司\"？"), "\(vendor.stderr)")
            let unit = try drc(["order", "add", "--vendor", "美音", "--category", "全区网络故障", "--unit", "芙蓉区财政居", "--opened", "2021-03-05"],
                               in: clerk.folder, environment: chinese)
            #expect(unit.stderr.contains("\"芙蓉区财政居\"：找不到；是不是 \"芙蓉区财政局\"、\"芙蓉区审计局\"？"), "\(unit.stderr)")
            let english = try clerk.run("order", "add", "--vendor", "美音公司", "--category", "全区网络故障", "--opened", "2021-03-05")
            #expect(english.stderr.contains("no vendor matches \"美音公司\"; did you mean \"湖南美音网络技术有限公司\"?"), "\(english.stderr)")
            let far = try clerk.run("order", "add", "--vendor", "不存在", "--category", "全区网络故障", "--opened", "2021-03-05")
            #expect(far.stderr.contains("no vendor matches \"不存在\"") && !far.stderr.contains("did you mean"), "\(far.stderr)")
            // Refused means nothing written: the list is its header alone.
            #expect(try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").count == 1)
        }
    }
}
