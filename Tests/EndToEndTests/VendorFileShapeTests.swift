import Foundation
import Testing

/// Vendors' files in the shapes they arrive in (issue 26, items 1–3): a title row above the
/// header (merged across, as 美音 makes it), merged cells over two orders' rows, a 合计 row
/// merged across, and a file without a column all its orders share (仕贤's, no category).
/// The workbooks are made by LibreOffice (Fixtures/workbooks, see its README).
@Suite struct VendorFileShapeTests {
    static func fixture(_ name: String) -> String { WorkbookImportTests.fixture(name) }

    func prepared(_ clerk: Clerk) throws {
        _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
        _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司")
        _ = try clerk.ok("category", "add", "--name", "网络")
        _ = try clerk.ok("category", "add", "--name", "维修工单")
        _ = try clerk.ok("unit", "add", "--name", "芙蓉区财政局")
        _ = try clerk.ok("unit", "add", "--name", "芙蓉区审计局")
    }

    func orders(_ clerk: Clerk) throws -> [String] {
        try clerk.ok("export", "orders", "--headers", "en").split(separator: "\n").map(String.init)
    }

    /// 美音's April workbook: the title merged across A1:H1 is no header, B3:B4 gives both orders
    /// 芙蓉区财政局, and the 合计 row merged across A6:B6 is passed over; the summary says each.
    @Test func aTitleRowAndMergedCellsImportAsTheSheetShowsThem() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let result = try clerk.run("import", "orders", Self.fixture("vendor-april.xlsx"), "--vendor", "美音")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("The header is on row 2 of sheet \"4月\"; the 1 row above it (a title) holds no record"), "\(result.stdout)")
            #expect(result.stdout.contains("Merged cells B3:B4, A6:B6 of sheet \"4月\": the 2 cells they cover took the merged value"), "\(result.stdout)")
            #expect(result.stdout.contains("the total row on row 6 of sheet \"4月\""), "\(result.stdout)")
            // The 合计 row is a row read and passed over: 4 read, 3 written.
            #expect(result.stdout.contains("4 rows read, 3 written"), "\(result.stdout)")
            let rows = try orders(clerk)
            #expect(rows.count == 4, "\(rows)")
            let unitOf = { (ticket: String) in rows.first { $0.contains(ticket) }?.contains(",芙蓉区财政局,") ?? false }
            #expect(unitOf("MY-0401") && unitOf("MY-0402"), "\(rows)")
            #expect(rows.contains { $0.contains("MY-0403") && $0.contains(",芙蓉区审计局,") })
            // In Chinese, the same notes.
            _ = try clerk.ok("import", "undo", "1")
            let chinese = try drc(["import", "orders", Self.fixture("vendor-april.xlsx"), "--vendor", "美音"], in: clerk.folder,
                                  environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.status == 0, "\(chinese.stderr)")
            #expect(chinese.stdout.contains("表头在工作表“4月”的第 2 行；其上 1 行（标题）不是记录，未导入。"), "\(chinese.stdout)")
            #expect(chinese.stdout.contains("工作表“4月”的合并单元格 B3:B4、A6:B6：它们覆盖的 2 个单元格都取了合并区域的值"), "\(chinese.stdout)")
            #expect(chinese.stdout.contains("合计行（工作表“4月”第 6 行）"), "\(chinese.stdout)")
        }
    }

    /// --header-row names the header where it is; a row past the file's end is refused by name.
    @Test func theHeaderRowCanBeNamedAndAProfileKeepsIt() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let past = try clerk.run("import", "orders", Self.fixture("vendor-april.xlsx"), "--vendor", "美音", "--header-row", "40")
            #expect(past.status == 1)
            #expect(past.stderr.contains("header-row"), "\(past.stderr)")
            // Row 3 as the header: its cells are a row of data, which name no column.
            let wrong = try clerk.run("import", "orders", Self.fixture("vendor-april.xlsx"), "--vendor", "美音", "--header-row", "3")
            #expect(wrong.status == 1)
            #expect(wrong.stderr.contains("MY-0401"), "\(wrong.stderr)")
            _ = try clerk.ok("import", "profile", "save", "美音", "--vendor", "美音", "--header-row", "2")
            #expect(try clerk.ok("import", "profile", "show", "美音").contains("2"))
            let result = try clerk.run("import", "orders", Self.fixture("vendor-april.xlsx"), "--profile", "美音")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("The header is on row 2"), "\(result.stdout)")
            #expect(try orders(clerk).count == 4)
        }
    }

    /// 仕贤's file has no category column (all 维修工单) and a title and a blank row above its
    /// header: refused for the missing column, then imported with --set, kept in a profile.
    @Test func aWholeFileDefaultFillsAColumnTheFileLeavesOut() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let file = Self.fixture("vendor-shixian.xlsx")
            let refused = try clerk.run("import", "orders", file, "--vendor", "仕贤")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("category"), "\(refused.stderr)")
            let unknown = try clerk.run("import", "orders", file, "--vendor", "仕贤", "--set", "服务类别=维修单")
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("维修单") && unknown.stderr.contains("维修工单"), "\(unknown.stderr)")
            let notAField = try clerk.run("import", "orders", file, "--vendor", "仕贤", "--set", "colour=red")
            #expect(notAField.status == 1)
            #expect(notAField.stderr.contains("colour=red"), "\(notAField.stderr)")
            #expect(try orders(clerk).count == 1)
            // By the Chinese label, and a default that fills empty cells of a column the file has.
            let result = try clerk.run("import", "orders", file, "--vendor", "仕贤", "--set", "服务类别=维修工单", "--set", "priority=紧急")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("2 rows read, 2 written"), "\(result.stdout)")
            let rows = try orders(clerk)
            #expect(rows.filter { $0.contains("长沙仕贤计算机有限公司") && $0.contains(",维修工单,") }.count == 2, "\(rows)")
            #expect(rows.contains { $0.contains("SX-0402") && $0.contains(",芙蓉区审计局,") && $0.contains(",new,") }, "\(rows)")
            // A profile keeps the defaults.
            _ = try clerk.ok("import", "undo", "1")
            _ = try clerk.ok("import", "profile", "save", "仕贤", "--vendor", "仕贤", "--set", "category=维修工单")
            #expect(try clerk.ok("import", "profile", "show", "仕贤").contains("category=维修工单"))
            let again = try clerk.run("import", "orders", file, "--profile", "仕贤")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try orders(clerk).filter { $0.contains(",维修工单,") }.count == 2)
            // A profile refuses a default that names no field, as --set does.
            let bad = try clerk.run("import", "profile", "save", "坏", "--set", "colour=red")
            #expect(bad.status == 1)
        }
    }

    /// A CSV file with a title line above its header, and a default for a column it has, whose
    /// empty cells take it; a rejects file keeps the added column so it imports again as fixed.
    @Test func aCSVFileWithATitleLineAndDefaults() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            try clerk.write("title.csv", """
                仕贤 2021年5月运维记录
                工单号,年度,报修单位,服务类别,故障描述
                SX-0501,2021,,网络,交换机掉线
                SX-0502,2021,芙蓉区审计局,网络,打印机卡纸
                SX-0503,2021,,无此类别,显示器黑屏

                """)
            let result = try clerk.run("import", "orders", "title.csv", "--vendor", "仕贤", "--set", "unit=芙蓉区财政局",
                                       "--set", "source=仕贤邮件", "--skip-bad", "--rejects", "bad.csv")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("The header is on row 2; the 1 row above it"), "\(result.stdout)")
            #expect(result.stdout.contains("3 rows read, 2 written, 1 rejected"), "\(result.stdout)")
            let rows = try orders(clerk)
            #expect(rows.contains { $0.contains("SX-0501") && $0.contains(",芙蓉区财政局,") }, "\(rows)")
            #expect(rows.contains { $0.contains("SX-0502") && $0.contains(",芙蓉区审计局,") }, "\(rows)")
            let rejects = try clerk.read("bad.csv")
            #expect(rejects.hasPrefix("工单号,年度,报修单位,服务类别,故障描述,source,reason\n"), "\(rejects)")
            #expect(rejects.contains("SX-0503,2021,芙蓉区财政局,无此类别,显示器黑屏,仕贤邮件,"), "\(rejects)")
        }
    }
}
