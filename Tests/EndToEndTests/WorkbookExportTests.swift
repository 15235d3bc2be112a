import Foundation
import Testing

/// `export --format xlsx` through the built binary: a real workbook that imports back to the
/// same records (orders with their times and tickets, budget lines with their amounts), in
/// either header language; checked by LibreOffice too where it is installed (not needed).
@Suite struct WorkbookExportTests {
    func enterOrders(_ clerk: Clerk) throws {
        try clerk.enterOrderReferences()
        _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", "2020-03-02 14:05",
                         "--summary", "交换机\"掉线\", 重启 & <检查>", "--ticket", "MY-0301", "--phone", "07318412345", "--unit", "文艺路街道")
        _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--year", "2020", "--summary=  =SUM(A1)",
                         "--project", "政务网络")
        _ = try clerk.ok("order", "solve", "1", "--at", "2020-03-02 16:30", "--solution", "第一行\n第二行")
        _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "文艺路街道", "--kind", "项目支出", "--name", "运维费",
                         "--budget", "113.03万", "--final", "1,234.56")
    }

    /// A second database with the same references, for the round trip.
    func second(_ clerk: Clerk) throws -> Clerk {
        let second = Clerk(folder: clerk.folder + "/second")
        try FileManager.default.createDirectory(atPath: second.folder, withIntermediateDirectories: false)
        _ = try second.ok("init")
        try second.enterOrderReferences()
        return second
    }

    @Test func aWorkbookExportImportsBackToTheSameRecords() throws {
        try withClerk { clerk throws in
            try enterOrders(clerk)
            let exported = try clerk.run("export", "orders", "--format", "xlsx", "-o", "orders.xlsx")
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stderr.contains("Exported 2 work orders to orders.xlsx"))
            let bytes = try clerk.readBytes("orders.xlsx")
            #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a zip")
            // The same records give the same file.
            _ = try clerk.ok("export", "orders", "--format", "xlsx", "-o", "again.xlsx")
            #expect(try clerk.readBytes("again.xlsx") == bytes)
            _ = try clerk.ok("export", "budgets", "--format", "xlsx", "--headers", "zh", "-o", "budgets.xlsx")
            let second = try second(clerk)
            let orders = try second.run("import", "orders", "../orders.xlsx")
            #expect(orders.status == 0, "\(orders.stderr)")
            let budgets = try second.run("import", "budgets", "../budgets.xlsx")
            #expect(budgets.status == 0, "\(budgets.stderr)")
            for kind in ["orders", "budgets"] {
                #expect(try second.ok("export", kind) == clerk.ok("export", kind), "\(kind) came back the same")
            }
            #expect(try second.ok("budget", "show", "1", "--format", "json").contains("\"final\":1234.56"))
            // A clerk's corrected workbook goes back with --update, by its id column.
            let same = try second.run("import", "orders", "../orders.xlsx", "--again")
            #expect(same.stdout.contains("0 new, 2 unchanged"), "\(same.stdout)")
        }
    }

    @Test func theWorkbookIsWhatLibreOfficeReadsWhenItIsInstalled() throws {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try withClerk { clerk throws in
            try enterOrders(clerk)
            _ = try clerk.ok("export", "orders", "--format", "xlsx", "--headers", "zh", "-o", "orders.xlsx")
            guard let soffice else { return }  // LibreOffice is a check beside the test, not a need of it.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = ["-env:UserInstallation=file://" + clerk.folder + "/lo-profile", "--headless", "--convert-to",
                                 "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", clerk.folder + "/lo", clerk.folder + "/orders.xlsx"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: clerk.folder + "/lo/orders.csv")), as: UTF8.self)
            let ours = try clerk.ok("export", "orders", "--headers", "zh")
            // LibreOffice writes every cell as it shows it; the text cells are ours exactly.
            #expect(csv.split(separator: "\n").first == ours.split(separator: "\n").first, "\(csv)")
            #expect(csv.contains("交换机\"\"掉线\"\", 重启 & <检查>"), "\(csv)")
            #expect(csv.contains("2020-03-02 14:05,2020-03-02 16:30"))
            #expect(csv.contains("MY-0301"))
            #expect(csv.contains("=SUM(A1)"), "a formula-looking text stays text")
        }
    }

    @Test func aWorkbookNeedsAFileAndNoBOM() throws {
        try withClerk { clerk throws in
            let bom = try clerk.run("export", "orders", "--format", "xlsx", "--bom", "-o", "x.xlsx")
            #expect(bom.status == 64)
            #expect(bom.stderr.contains("--bom is for CSV"))
            let unknown = try clerk.run("export", "orders", "--format", "xls")
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("--format: use csv, json or xlsx"))
        }
    }
}
