import SQLiteDB
import Foundation
import Testing

/// Runs `drc` against one database in a temporary folder, as a clerk would.
struct Clerk {
    let folder: String
    func run(_ arguments: String..., stdin: String? = nil) throws -> RunResult {
        try run(arguments, stdin: stdin)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try drc(arguments, in: folder, stdin: stdin, environment: ["DRC_DB": folder + "/records.sqlite", "DRC_USER": "王丽"])
    }
    /// Runs a command that must succeed, and returns its standard output.
    func ok(_ arguments: String...) throws -> String {
        try ok(arguments)
    }

    func ok(_ arguments: [String]) throws -> String {
        let result = try drc(arguments, in: folder, environment: ["DRC_DB": folder + "/records.sqlite", "DRC_USER": "王丽"])
        #expect(result.status == 0, "drc \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result.stdout
    }
}

func withClerk(_ body: (Clerk) throws -> Void) throws {
    try withTemporaryFolder { folder throws in
        let clerk = Clerk(folder: folder)
        _ = try clerk.ok("init")
        try body(clerk)
    }
}

@Suite struct RecordCommandTests {
    /// The reference records most tests need: the centre, two vendors, a category, a project.
    func enterReferenceData(_ clerk: Clerk) throws {
        _ = try clerk.ok("unit", "add", "--name", "长沙市芙蓉区数据资源中心", "--short-name", "区数据资源中心", "--posts", "9", "--staff", "5")
        _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
        _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司", "--credit-code", "91350100M000100Y43")
        _ = try clerk.ok("category", "add", "--name", "全区网络故障")
        _ = try clerk.ok("project", "add", "--name", "全区政务网络运维服务项目", "--unit", "区数据资源中心", "--vendors", "美音")
    }

    @Test func aClerksDayWithWorkOrders() throws {
        try withClerk { clerk throws in
            try enterReferenceData(clerk)
            #expect(try clerk.ok("order", "add", "--vendor", "美音", "--category", "网络故障", "--project", "政务网络",
                                 "--opened", "2020年3月2日", "--summary", "交换机\"掉线\", 重启").contains("Added order #1"))
            _ = try clerk.ok("order", "solve", "1", "--at", "2020-03-02 16:00", "--solution", "更换模块")
            #expect(try clerk.ok("order", "close", "1", "--at", "2020-03-03 09:00").contains("closed (已关闭)"))
            let shown = try clerk.ok("order", "show", "1", "--format", "json")
            #expect(shown.contains("\"status\":\"closed\""))
            #expect(shown.contains("\"closed\":\"2020-03-03 09:00\""))
            #expect(shown.contains("\"summary\":\"交换机\\\"掉线\\\", 重启\""))
            let illegal = try clerk.run("order", "close", "1")
            #expect(illegal.status == 1)
            #expect(illegal.stderr.contains("work order 1 is closed, so it cannot close now; from closed it can: reopen"))
            _ = try clerk.ok("order", "reopen", "1")
            #expect(try clerk.ok("order", "list", "--status", "assigned", "--format", "csv").contains("1,2020,湖南美音网络技术有限公司"))
        }
    }

    @Test func listsFilterAndFormat() throws {
        try withClerk { clerk throws in
            try enterReferenceData(clerk)
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "1", "--opened", "2020-03-02 14:05")
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "1", "--opened", "2020/4/2")
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "1", "--year", "2021")
            #expect(try clerk.ok("order", "list", "--year", "2020").contains("2 work orders"))
            #expect(try clerk.ok("order", "list", "--vendor", "仕贤", "--format", "json").components(separatedBy: "\"id\"").count == 3)
            let csv = try clerk.ok("order", "list", "--from", "2020-03-01", "--to", "2020-03-31", "--format", "csv")
            #expect(csv.split(separator: "\n").count == 2)
            #expect(csv.hasPrefix("id,year,vendor,project,category,unit,status,opened,closed,summary,ticket\n"))
            let vendors = try clerk.ok("vendor", "list").split(separator: "\n")
            #expect(vendors.contains { $0.hasPrefix(" 2  长沙仕贤计算机有限公司") && $0.contains("  91350100M000100Y43  yes") })
        }
    }

    @Test func tablesAlignChineseByDisplayWidth() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司", "--credit-code", "91350100M000100Y43")
            _ = try clerk.ok("vendor", "add", "--name", "ABC Ltd", "--credit-code", "9144030071526726XG")
            _ = try clerk.ok("vendor", "add", "--name", "美音👩‍💻", "--credit-code", "91330100716105852F")
            let lines = try clerk.ok("vendor", "list").split(separator: "\n").map(String.init)
            let rows = lines.filter { $0.contains("9135") || $0.contains("9144") || $0.contains("9133") }
            #expect(rows.count == 3)
            // The credit-code column starts at the same terminal column on every row.
            let columnStarts = rows.map { row -> Int in
                let range = row.range(of: "91")!
                return displayWidth(String(row[..<range.lowerBound]))
            }
            #expect(Set(columnStarts).count == 1, "\(lines.joined(separator: "\n"))")
        }
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        try withClerk { clerk throws in
            try enterReferenceData(clerk)
            let cases: [([String], String)] = [
                (["order", "add", "--vendor", "美音", "--category", "1", "--opened", "2020-02-30"], "opened \"2020-02-30\": is not a real date"),
                (["order", "add", "--vendor", "美音", "--category", "1", "--year", "2020", "--opened", "2021-01-01"], "is not in the order's year 2020"),
                (["order", "add", "--vendor", "不存在的公司", "--category", "1", "--year", "2020"], "no vendor matches \"不存在的公司\""),
                (["order", "add", "--vendor", "有限公司", "--category", "1", "--year", "2020"], "matches 2 vendors"),
                (["order", "add", "--vendor", "美音", "--category", "1"], "year \"\": is required"),
                (["unit", "add", "--name", "x", "--staff=-3"], "staff \"-3\": is negative"),
                (["budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "x", "--final", "12.345"], "has more than two decimals"),
                (["vendor", "add", "--name", "y", "--credit-code", "91350100M000100Y44"], "wrong check character"),
                (["vendor", "add", "--name", "湖南美音网络技术有限公司"], "already exists"),
                (["vendor", "rm", "美音"], "it has 1 project served"),
            ]
            for (arguments, message) in cases {
                let before = try clerk.ok("history", "--format", "csv")
                let result = try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite"])
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"))
                #expect(try clerk.ok("history", "--format", "csv") == before, "\(arguments) wrote something")
            }
            _ = try clerk.ok("vendor", "edit", "美音", "--active", "no")
            let inactive = try clerk.run("order", "add", "--vendor", "美音", "--category", "1", "--year", "2020")
            #expect(inactive.status == 1)
            #expect(inactive.stderr.contains("is inactive and takes no new work orders"))
            let usage = try clerk.run("order", "add", "--colour", "red")
            #expect(usage.status == 64)
        }
    }

    @Test func historyShowsEveryChangeAndKeepsDeletedRecords() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "临时供应商")
            _ = try clerk.ok("vendor", "edit", "临时供应商", "--note", "试用")
            _ = try clerk.ok("vendor", "rm", "1", "--as", "李明")
            let history = try clerk.ok("history", "vendor", "1")
            #expect(history.contains("insert"))
            #expect(history.contains("note: ∅ → 试用"))
            #expect(history.contains("王丽"))
            #expect(history.split(separator: "\n").contains { $0.contains("李明") && $0.contains("delete") })
            let json = try clerk.ok("history", "vendor", "1", "--format", "json")
            #expect(json.contains("\"old\":{\"id\":1,\"name\":\"临时供应商\",\"credit_code\":null,\"active\":1,\"note\":\"试用\",\"principal\":null,\"phone\":null,\"email\":null}"))
            #expect(try clerk.run("vendor", "show", "1").status == 1)
        }
    }

    @Test func longHistoriesShowTheLatestThousandInATable() throws {
        try withClerk { clerk throws in
            let db = try Connection(path: clerk.folder + "/records.sqlite")
            try db.transaction {
                for index in 1...1500 {
                    try db.run("INSERT INTO history (at, actor, action, kind, record_id, note) VALUES ('2026-01-01T00:00:00Z', 'x', 'batch', 'order', NULL, ?)", "note \(index)")
                }
            }
            let table = try clerk.ok("history")
            #expect(table.contains("note 1500"))
            #expect(!table.contains("note 500\n"))
            #expect(table.hasSuffix("The latest 1000 changes; there are more: use --limit N, or --format csv for all.\n"))
            let csv = try clerk.ok("history", "--format", "csv")
            #expect(csv.split(separator: "\n").count == 1501, "\(csv.split(separator: "\n").count) \(csv.suffix(200))")
        }
    }

    @Test func namesWithQuotesAndSQLAreStoredLiterally() throws {
        try withClerk { clerk throws in
            let name = "O'Brien\"; DROP TABLE vendor; --"
            _ = try clerk.ok("vendor", "add", "--name", name)
            #expect(try clerk.ok("vendor", "show", name, "--format", "json").contains("\"name\":\"O'Brien\\\"; DROP TABLE vendor; --\""))
            #expect(try clerk.ok("vendor", "list").contains(name))
        }
    }

    @Test func budgetAmountsInYuanOrWan() throws {
        try withClerk { clerk throws in
            try enterReferenceData(clerk)
            _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "区数据资源中心", "--kind", "基本支出", "--name", "基本支出",
                             "--final", "113.03万", "--breakdown", "partial")
            _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "奖金",
                             "--economic-code", "30103", "--final", "¥363,200.00", "--parent", "1")
            #expect(try clerk.ok("budget", "list", "--format", "csv").contains(",1130300.00,"))
            #expect(try clerk.ok("budget", "list", "--wan", "--format", "csv").contains(",36.32,"))
            _ = try clerk.ok("budget", "edit", "2", "--clear", "final")
            #expect(try clerk.ok("budget", "show", "2", "--format", "json").contains("\"final\":null"))
        }
    }
}

/// Terminal columns, counted independently of drc: CJK ideographs and emoji take two.
func displayWidth(_ text: String) -> Int {
    text.reduce(0) { width, character in
        let scalar = character.unicodeScalars.first!.value
        let wide = (0x4E00...0x9FFF).contains(scalar) || (0x1F300...0x1FAFF).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
        return width + (wide ? 2 : 1)
    }
}
