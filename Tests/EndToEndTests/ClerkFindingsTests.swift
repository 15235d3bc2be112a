import DRCCore
import Foundation
import Testing

/// What a new clerk found confusing, asked again of the built binary: the report's wording,
/// units that share a name, clearing a derived field, list counts, help, and warnings.
@Suite struct ClerkFindingsTests {
    @Test func theReportSaysDoneOnlyForSolvedAndClosedOrders() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "长沙市芙蓉区数据资源中心", "--short-name", "中心")
            _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司")
            _ = try clerk.ok("category", "add", "--name", "维修工单")
            _ = try clerk.ok("project", "add", "--name", "机关大院内电脑设备运维", "--unit", "中心", "--vendors", "仕贤")
            for _ in 0..<5 { _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "维修工单", "--project", "电脑设备", "--opened", "2021-03-02") }
            let none = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            #expect(none.contains("2021年长沙仕贤计算机有限公司共计受理维修工单5次，均未完成。"), "\(none)")
            #expect(none.contains("2021年各供应商共受理工单5次，均未完成"))
            #expect(!none.contains("完成维修工单") && !none.contains("提供服务"))
            _ = try clerk.ok("order", "solve", "1", "2", "--at", "2021-03-03")
            _ = try clerk.ok("order", "close", "2", "--at", "2021-03-04")
            let some = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            #expect(some.contains("共计受理维修工单5次，其中已完成2次。"), "\(some)")
            _ = try clerk.ok("order", "solve", "3", "4", "5", "--at", "2021-03-03")
            let all = try clerk.ok("report", "--year", "2021", "--unit", "中心")
            #expect(all.contains("2021年长沙仕贤计算机有限公司共计完成维修工单5次。"), "\(all)")
            #expect(all.contains("2021年各供应商共提供服务5次"))
        }
    }

    @Test func unitsThatShareANameAreShownWithTheirParentOnlyThen() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            for (name, parent) in [("数据中心", nil), ("财政局", nil), ("办公室", "数据中心"), ("办公室", "财政局"), ("办公室", nil)] as [(String, String?)] {
                _ = try clerk.ok(["unit", "add", "--name", name] + (parent.map { ["--parent", $0] } ?? []))
            }
            let ambiguous = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--unit", "办公室")
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("\"办公室\" matches 3 units: #4 数据中心/办公室; #5 财政局/办公室; #6 /办公室; "
                                              + "give the id, or the parent and the name as the list shows them (parent/name)"), "\(ambiguous.stderr)")
            for unit in ["数据中心/办公室", "财政局/办公室", "/办公室", "文艺路街道"] {
                _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--unit", unit)
            }
            let list = try clerk.ok("order", "list", "--format", "csv")
            for unit in [",数据中心/办公室,", ",财政局/办公室,", ",/办公室,", ",文艺路街道,"] { #expect(list.contains(unit), "\(unit) in \(list)") }
            #expect(!list.contains("/文艺路街道"))
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"unit\":\"财政局/办公室\""))
            let totals = try clerk.ok("totals", "--year", "2020", "--by", "unit", "--format", "csv")
            #expect(totals == "unit,count\n文艺路街道,1\n数据中心/办公室,1\n财政局/办公室,1\n/办公室,1\n", "\(totals)")
            #expect(try clerk.ok("history", "order", "3").contains("unit_id=6 (/办公室)"))
            _ = try clerk.ok("order", "edit", "3", "--unit", "数据中心/办公室")
            #expect(try clerk.ok("history", "order", "3").contains("unit_id: 6 (/办公室) → 4 (数据中心/办公室)"))
            #expect(try clerk.ok("unit", "list", "--format", "csv").contains("5,办公室,,财政局,"))
            // Names that are unique stay bare.
            #expect(try clerk.ok("unit", "show", "文艺路街道", "--format", "json").contains("\"name\":\"文艺路街道\""))
        }
    }

    @Test func clearingSaysWhyAndNamesTheKindProperly() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2020-03-02")
            let year = try clerk.run("order", "edit", "1", "--clear", "year")
            #expect(year.status == 1)
            #expect(year.stderr == "drc: error: year cannot be cleared: it follows opened (taken from it); change opened instead\n", "\(year.stderr)")
            let foo = try clerk.run("order", "edit", "1", "--clear", "foo")
            #expect(foo.status == 1)
            #expect(foo.stderr.contains("foo \"\": is not a field of a work order; its fields are: year, vendor"), "\(foo.stderr)")
            let indicator = try clerk.run("indicator", "edit", "1", "--clear", "x")
            #expect(indicator.stderr.contains("no indicator matches \"1\""))
        }
    }

    @Test func aLimitedListSaysHowManyThereAre() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            for vendor in ["美音", "仕贤", "仕贤"] {
                _ = try clerk.ok("order", "add", "--vendor", vendor, "--category", "终端桌面", "--year", "2020")
            }
            #expect(try clerk.ok("order", "list", "--limit", "2").hasSuffix("\n2 of 3 work orders\n"))
            #expect(try clerk.ok("order", "list", "--vendor", "仕贤", "--limit", "1").hasSuffix("\n1 of 2 work orders\n"))
            #expect(try clerk.ok("order", "list", "--vendor", "仕贤", "--limit", "2").hasSuffix("\n2 work orders\n"))
            #expect(try clerk.ok("order", "list", "--limit", "5").hasSuffix("\n3 work orders\n"))
            #expect(try clerk.ok("category", "list", "--limit", "1").hasSuffix("\n1 of 2 categories\n"))
        }
    }

    /// Every command's help, walked from `drc --help`: each leaf shows --db and --as; --wan
    /// only where the kind has amounts; --solution only on solve; no --status on order edit;
    /// every kind named where kinds are listed; "a unit", never "an unit".
    @Test func helpOffersWhatEachCommandTakes() throws {
        try withTemporaryFolder { folder throws in
            var leaves: [[String]: String] = [:]
            func walk(_ path: [String]) throws {
                let help = try drc(path + ["--help"], in: folder)
                #expect(help.status == 0, "\(path)")
                guard let section = help.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else {
                    leaves[path] = help.stdout
                    return
                }
                // The list ends at the first blank line; names are lower-case words.
                for line in section.components(separatedBy: "\n\n")[0].split(separator: "\n") where !line.hasPrefix("   ") {
                    let name = String(line.dropFirst(2).prefix { $0 != " " })
                    guard path.count < 3, name != "help", name.allSatisfy({ $0.isLowercase || $0 == "-" }) else { continue }
                    try walk(path + [name])
                }
            }
            try walk([])
            #expect(leaves.count > 50, "\(leaves.keys.sorted { $0.joined() < $1.joined() })")
            for (path, help) in leaves {
                let command = path.joined(separator: " ")
                #expect(help.contains("--db <path>") && help.contains("--as <name>"), "drc \(command) --help lacks --db or --as")
                #expect(!help.contains("an unit"), "drc \(command)")
                if path.last == "list" || path.last == "show", let kind = RecordKinds.named(path[0]) {
                    let hasAmounts = kind.columns.contains { $0.format == .money }
                    #expect(help.contains("--wan") == hasAmounts, "drc \(command): --wan offered \(!hasAmounts)")
                }
                if path.first == "order", let action = path.last.flatMap(WorkOrderStatus.Action.init(rawValue:)) {
                    #expect(help.contains("--solution") == (action == .solve), "drc \(command)")
                }
            }
            #expect(leaves[["order", "edit"]]?.contains("--status") == false)
            #expect(leaves[["order", "add"]]?.contains("--status") == true)
            #expect(leaves[["unit", "add"]]?.contains("Add a unit.") == true)
            #expect(leaves[["indicator", "add"]]?.contains("Add an indicator.") == true)
            for command in [["import", "file"], ["export"]] { #expect(leaves[command]?.contains("findings") == true, "\(command)") }
            #expect(leaves[["import", "undo"]]?.contains("--db <path>") == true)
            #expect(leaves[["history"]]?.contains("finding") == true)
            // The options the help shows are the ones that work, before or after the command.
            #expect(try drc(["init", "--db", "h.sqlite"], in: folder).status == 0)
            #expect(try drc(["--db", "h.sqlite", "vendor", "list"], in: folder).status == 0)
            #expect(try drc(["vendor", "add", "--name", "x", "--db", "h.sqlite", "--as", "王丽"], in: folder).status == 0)
            #expect(try drc(["history", "--db", "h.sqlite", "--format", "csv"], in: folder).stdout.contains(",王丽,insert,vendor,"))
            #expect(try drc(["vendor", "list", "--wan", "--db", "h.sqlite"], in: folder).status == 64)
            #expect(try drc(["budget", "list", "--wan", "--db", "h.sqlite"], in: folder).status == 0)
        }
    }

    @Test func warningsGoToStandardErrorAndTheChangeIsMade() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
            let ordinary = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2020-03-02")
            #expect(ordinary.status == 0 && ordinary.stderr.isEmpty)
            let future = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", String(thisYear + 1))
            #expect(future.status == 0 && future.stdout == "Added order #2.\n")
            #expect(future.stderr == "drc: warning: the work order's year \(thisYear + 1) is after the current year \(thisYear); check it is not a slip\n")
            let budget = try clerk.run("budget", "add", "--year", String(thisYear + 3), "--unit", "文艺路街道", "--kind", "basic", "--name", "x")
            #expect(budget.status == 0 && budget.stderr.contains("drc: warning: the budget line's year \(thisYear + 3) is after"))
            let late = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2020-01-02", "--solved", "2021-03-01",
                                 "--status", "solved")
            #expect(late.status == 0)
            #expect(late.stderr == "drc: warning: work order 3 was solved more than one year after it was opened (opened 2020-01-02, solved 2021-03-01)\n")
            let relate = try clerk.run("order", "edit", "1", "--solved", "2022-05-01")
            #expect(relate.status == 0 && relate.stderr.contains("work order 1 was solved more than one year after it was opened"))
            _ = try clerk.ok("order", "close", "3", "--at", "2021-03-02")
            let added = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2020-03-02")
            let id = String(try #require(added.split(separator: "#").last?.prefix { $0.isNumber }))
            let solved = try clerk.run("order", "solve", id, "--at", "2022-01-01")
            #expect(solved.status == 0 && solved.stdout == "Work order #\(id) is now solved (已解决).\n")
            #expect(solved.stderr == "drc: warning: work order \(id) was solved more than one year after it was opened (opened 2020-03-02, solved 2022-01-01)\n")
            let closed = try clerk.run("order", "edit", "3", "--summary", "补记")
            #expect(closed.status == 0 && closed.stdout == "Updated order #3.\n")
            #expect(closed.stderr == "drc: warning: work order 3 is closed; it was changed anyway, and its history keeps the values it had\n")
            #expect(try clerk.ok("order", "show", "3", "--format", "json").contains("\"summary\":\"补记\""))
        }
    }

    /// Cancelled orders are not services: totals leave them out unless asked for them.
    @Test func totalsCountCancelledOrdersOnlyWhenAsked() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            for _ in 0..<3 { _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020") }
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--year", "2020")
            _ = try clerk.ok("order", "cancel", "1", "4")
            #expect(try clerk.ok("totals", "--year", "2020", "--format", "csv") == "vendor,count\n湖南美音网络技术有限公司,2\n")
            #expect(try clerk.ok("totals", "--year", "2020", "--include-cancelled", "--format", "csv")
                    == "vendor,count\n湖南美音网络技术有限公司,3\n长沙仕贤计算机有限公司,1\n")
            #expect(try clerk.ok("totals", "--year", "2020", "--by", "status", "--include-cancelled", "--format", "csv")
                    == "status,count\nnew,2\ncancelled,2\n")
            #expect(try clerk.ok("totals", "--year", "2020", "--by", "status", "--format", "csv") == "status,count\nnew,2\n")
        }
    }
}
