import DRCCore
import Foundation
import Testing

/// Every kind of record through the built binary: add, list, show, edit, rm, and the
/// history that keeps what rm removed.
@Suite struct EveryKindTests {
    struct Case {
        let kind: String
        let add: [String]
        let edit: [String]
        let shows: String
        let edited: String
    }

    static let cases = [
        Case(kind: "unit", add: ["--name", "芙蓉区文艺路街道", "--posts", "12"], edit: ["--staff", "10"], shows: "芙蓉区文艺路街道", edited: "\"staff\":10"),
        Case(kind: "vendor", add: ["--name", "长沙某某科技有限公司", "--credit-code", "9144030071526726XG"], edit: ["--active", "no"],
             shows: "9144030071526726XG", edited: "\"active\":\"no\""),
        Case(kind: "category", add: ["--name", "打印机维修"], edit: ["--description", "打印机与复印机"], shows: "打印机维修", edited: "打印机与复印机"),
        Case(kind: "project", add: ["--name", "2021年运维项目", "--code", "FR-2021-01", "--first-year", "2021", "--vendors", "美音"],
             edit: ["--last-year", "2022"], shows: "湖南美音网络技术有限公司", edited: "\"last_year\":2022"),
        Case(kind: "budget", add: ["--year", "2021", "--unit", "中心", "--kind", "项目支出", "--name", "运维费", "--budget", "120万"],
             edit: ["--final", "¥1,180,000.50"], shows: "1200000.00", edited: "\"final\":1180000.50"),
        Case(kind: "order", add: ["--vendor", "美音", "--category", "网络", "--opened", "2021/5/6 08:30", "--summary", "断网"],
             edit: ["--solution", "更换光模块"], shows: "2021-05-06 08:30", edited: "更换光模块"),
        Case(kind: "indicator", add: ["--year", "2021", "--project", "网络运维", "--level1", "满意度指标", "--name", "服务对象满意度",
                                      "--target-op", "≥", "--target", "95%", "--actual", "98.5", "--measure", "%"],
             edit: ["--actual-text", "问卷调查"], shows: "98.5", edited: "问卷调查"),
        Case(kind: "finding", add: ["--year", "2021", "--unit", "中心", "--section", "建议", "--text", "建立工单日报"],
             edit: ["--source", "2021年自评"], shows: "recommendation", edited: "2021年自评"),
    ]

    @Test(arguments: cases)
    func addListShowEditRemove(_ item: Case) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "长沙市芙蓉区数据资源中心", "--short-name", "中心")
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            _ = try clerk.ok("project", "add", "--name", "全区政务网络运维服务项目", "--vendors", "美音")
            let added = try clerk.ok([item.kind, "add"] + item.add)
            let id = try #require(added.split(separator: "#").last?.prefix { $0.isNumber }).description
            #expect(try clerk.ok(item.kind, "list", "--format", "csv").contains(item.shows), "\(item.kind) list")
            #expect(try clerk.ok(item.kind, "show", id).contains(item.shows), "\(item.kind) show")
            _ = try clerk.ok([item.kind, "edit", id] + item.edit)
            #expect(try clerk.ok(item.kind, "show", id, "--format", "json").contains(item.edited), "\(item.kind) edit")
            // A field that does not exist, and an id that does not: both plain errors.
            let nothing = try clerk.run(item.kind, "edit", id)
            #expect(nothing.status == 1)
            #expect(nothing.stderr.contains("nothing to change"))
            let missing = try clerk.run(item.kind, "show", "99999")
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no \(RecordKinds.named(item.kind)?.noun.en ?? item.kind) matches \"99999\""))
            _ = try clerk.ok(item.kind, "rm", id)
            #expect(try clerk.run(item.kind, "show", id).status == 1)
            let history = try clerk.ok("history", item.kind, id, "--format", "json")
            #expect(history.contains("\"action\":\"delete\""))
            #expect(history.contains(item.edited.replacingOccurrences(of: "\"final\":1180000.50", with: "\"final_fen\":118000050")
                .replacingOccurrences(of: "\"active\":\"no\"", with: "\"active\":0")
                .replacingOccurrences(of: "\"staff\":10", with: "\"staff_in_post\":10")), "\(item.kind) history keeps the edit")
        }
    }
}
