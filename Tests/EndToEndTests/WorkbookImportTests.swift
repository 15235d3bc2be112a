import Foundation
import Testing

/// Vendors' workbooks (.xlsx) through the built binary: fixture workbooks made by LibreOffice
/// (Fixtures/workbooks, see its README) imported as their CSV would be, twice without counting
/// twice; errors naming sheet, row and column; old .xls and misnamed files refused with advice.
@Suite struct WorkbookImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/workbooks")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A fresh database with the vendor and category the fixtures name.
    func prepared(_ clerk: Clerk) throws {
        _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
        _ = try clerk.ok("category", "add", "--name", "网络")
    }

    func orders(_ clerk: Clerk) throws -> String {
        try clerk.ok("export", "orders", "--headers", "en")
    }

    @Test func aVendorWorkbookImportsAsItsCSVWouldAndTwiceCountsOnce() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let march = Self.fixture("vendor-march.xlsx")
            let first = try clerk.run("import", "orders", march, "--vendor", "美音")
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("Passed over the total row on row 5 of sheet \"3月\""), "\(first.stdout)")
            #expect(first.stdout.contains("4 rows read, 3 written"), "\(first.stdout)")
            let out = try orders(clerk)
            // Date serials with their formats become the CSV path's times (seconds dropped); a
            // phone stored as a number reads as its digits, one stored as text keeps its 0; the
            // empty cells (solved, requester) are empty; a year stored as a number is a year.
            #expect(out.contains(",2021,湖南美音网络技术有限公司,,网络,,solved,2021-03-05 08:05,2021-03-05 10:30,,交换机掉线,,"), "\(out)")
            #expect(out.contains("MY-0301,王芳,13812345678,"))
            #expect(out.contains(",assigned,2021-03-06 14:05,,,打印机卡纸,,") && out.contains("MY-0302,,07318412345,"), "\(out)")
            #expect(out.contains(",solved,2021-03-07 09:00,2021-03-07 09:45,,\"无法上网, 已重启\",,"), "\(out)")
            // The same sheet again is refused whole; with --again it adds nothing.
            let again = try clerk.run("import", "orders", march, "--vendor", "美音")
            #expect(again.status == 1)
            #expect(again.stderr.contains("as batch 1"), "\(again.stderr)")
            let forced = try clerk.run("import", "orders", march, "--vendor", "美音", "--again")
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(forced.stdout.contains("0 new, 3 unchanged, 0 updated, 0 in conflict"), "\(forced.stdout)")
            // The workbook's other sheet is an import of its own: a date-only cell, 待处理 → new.
            let april = try clerk.run("import", "orders", march, "--vendor", "美音", "--sheet", "4月")
            #expect(april.status == 0, "\(april.stderr)")
            #expect(april.stdout.contains("2 new, 0 unchanged"), "\(april.stdout)")
            #expect(try orders(clerk).contains(",new,2021-04-02,,,显示器黑屏,,"))
            // The same bytes under another name are still the same sheet.
            try FileManager.default.copyItem(atPath: march, toPath: clerk.folder + "/copy.xlsx")
            #expect(try clerk.run("import", "orders", "copy.xlsx", "--vendor", "美音", "--sheet", "4月").status == 1)
            let batches = try clerk.ok("import", "list", "--format", "csv")
            // Two batches wrote: the 3月 sheet and the 4月 sheet (the --again import added nothing).
            #expect(batches.components(separatedBy: "vendor-march.xlsx").count == 3, "\(batches)")
            #expect(try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").count == 6)
        }
    }

    @Test func aBadRowNamesItsSheetRowAndColumnInBothLanguages() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let bad = Self.fixture("vendor-bad.xlsx")
            let result = try clerk.run("import", "orders", bad, "--vendor", "美音")
            #expect(result.status == 1)
            #expect(result.stderr.contains("sheet \"3月\", row 3, column E (opened) \"2021-02-30 08:00\": is not a real date"), "\(result.stderr)")
            #expect(result.stderr.contains("sheet \"3月\", row 4, column C (category) \"无此类别\": no category matches"), "\(result.stderr)")
            #expect(try clerk.ok("order", "list", "--format", "csv") == "id,year,vendor,project,category,unit,status,opened,closed,summary,ticket\n")
            let chinese = try drc(["import", "orders", bad, "--vendor", "美音"], in: clerk.folder,
                                  environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.status == 1)
            #expect(chinese.stderr.contains("工作表“3月” 第 3 行 列 E（报修时间） \"2021-02-30 08:00\"：日期不存在"), "\(chinese.stderr)")
            #expect(chinese.stderr.contains("工作表“3月” 第 4 行 列 C（服务类别）"), "\(chinese.stderr)")
            // The good row goes in; the bad ones go to a CSV with a BOM, in Excel's manners.
            let skipped = try clerk.run("import", "orders", bad, "--vendor", "美音", "--skip-bad", "--rejects", "bad.csv")
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(skipped.stdout.contains("3 rows read, 1 written, 2 rejected"), "\(skipped.stdout)")
            let rejects = try clerk.readBytes("bad.csv")
            #expect(Array(rejects.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: rejects.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("工单号,年度,服务类别,状态,报修时间,解决时间,故障描述,reason\r\n"
                                   + "MY-0502,2021,网络,已完成,2021-02-30 08:00,,日期不存在,"), "\(text)")
            #expect(text.contains("MY-0503,2021,无此类别,已完成,2021-03-07 09:00,,类别不存在,"))
            #expect(text.components(separatedBy: "\r\n").count == 4)
        }
    }

    @Test func aSheetThatIsNotThereIsNamedWithTheSheetsThereAre() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let result = try clerk.run("import", "orders", Self.fixture("vendor-march.xlsx"), "--vendor", "美音", "--sheet", "5月")
            #expect(result.status == 1)
            #expect(result.stderr.contains("sheet \"5月\": is not in the workbook; its sheets are: \"3月\", \"4月\"; name one with --sheet"),
                    "\(result.stderr)")
            #expect(try clerk.ok("import", "list", "--format", "csv").split(separator: "\n").count == 1)
        }
    }

    /// A workbook saved with a password has an old .xls's signature; it is called what it is,
    /// with the advice to take the password off (saving it as .xlsx would keep it).
    @Test func aWorkbookSavedWithAPasswordIsSaidToBeEncrypted() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let result = try clerk.run("import", "orders", Self.fixture("encrypted.xlsx"), "--vendor", "美音")
            #expect(result.status == 1)
            #expect(result.stderr.contains("is a workbook saved with a password, which cannot be read; open it in Excel or WPS, remove the password"),
                    "\(result.stderr)")
            #expect(!result.stderr.contains("old Excel"))
            let chinese = try drc(["import", "orders", Self.fixture("encrypted.xlsx"), "--vendor", "美音"], in: clerk.folder,
                                  environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.stderr.contains("是加了密码的工作簿，无法读取；请在 Excel 或 WPS 中打开，去掉密码"), "\(chinese.stderr)")
            #expect(try orders(clerk).split(separator: "\n").count == 1, "nothing was written")
        }
    }

    @Test func anOldXLSOrAFileThatIsNotWhatItsNameSaysIsRefusedWithAdvice() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let old = try clerk.run("import", "orders", Self.fixture("old-excel.xls"), "--vendor", "美音")
            #expect(old.status == 1)
            #expect(old.stderr.contains("is an old Excel (.xls) file, which cannot be read; save it as .xlsx or CSV"), "\(old.stderr)")
            let oldChinese = try drc(["import", "orders", Self.fixture("old-excel.xls"), "--vendor", "美音"], in: clerk.folder,
                                     environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(oldChinese.stderr.contains("是旧版 Excel（.xls）文件，无法直接读取；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV"), "\(oldChinese.stderr)")
            // The same bytes named .csv are still an old workbook, not garbled text.
            try FileManager.default.copyItem(atPath: Self.fixture("old-excel.xls"), toPath: clerk.folder + "/renamed.csv")
            #expect(try clerk.run("import", "orders", "renamed.csv").stderr.contains("old Excel (.xls)"))
            // CSV text named .xlsx, and an empty zip named .xlsx.
            try clerk.write("text.xlsx", "工单号,服务类别\nMY-1,网络\n")
            let text = try clerk.run("import", "orders", "text.xlsx", "--vendor", "美音")
            #expect(text.status == 1)
            #expect(text.stderr.contains("is not the workbook its name says"), "\(text.stderr)")
            try clerk.write("empty.xlsx", bytes: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
            let empty = try clerk.run("import", "orders", "empty.xlsx", "--vendor", "美音")
            #expect(empty.status == 1)
            #expect(empty.stderr.contains("is not the workbook its name says"), "\(empty.stderr)")
            // A workbook cut short: a plain refusal, never a crash.
            let whole = try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixture("vendor-march.xlsx"))))
            try clerk.write("cut.xlsx", bytes: Array(whole.prefix(whole.count / 2)))
            let cut = try clerk.run("import", "orders", "cut.xlsx", "--vendor", "美音")
            #expect(cut.status == 1, "\(cut.stderr)")
            #expect(cut.stderr.contains("save it as .xlsx or CSV"), "\(cut.stderr)")
            #expect(try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").count == 1)
        }
    }
}
