import Foundation
import Testing

/// A vendor's CSV with malformed quoting, imported as a clerk does with --skip-bad: the bad
/// line is rejected with its text and its line, the rows after it are read, the counts add up
/// to the file's lines, and importing the same file again says that it was imported in part.
@Suite struct MalformedCSVTests {
    static let file = """
        vendor,category,year,summary
        美音,全区网络故障,2020,更换24"显示器
        美音,全区网络故障,2020,交换机掉线
        美音,全区网络故障,2020,"打印机卡纸

        """

    @Test func aBadQuoteLosesNoRowInEitherLanguage() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.file)
            let result = try clerk.run("import", "orders", "march.csv", "--skip-bad", "--rejects", "bad.csv")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("3 rows read, 1 written, 2 rejected"), "\(result.stdout)")
            #expect(result.stderr.contains("line 2: has a quote inside an unquoted field"), "\(result.stderr)")
            #expect(result.stderr.contains("line 4: has a quoted field that is never closed"), "\(result.stderr)")
            let rejects = "vendor,category,year,summary,reason\n"
                + "\"美音,全区网络故障,2020,更换24\"\"显示器\",\"line 2: has a quote inside an unquoted field; quote the whole field and double the quote (\"\"\"\")\"\n"
                + "\"美音,全区网络故障,2020,\"\"打印机卡纸\",\"line 4: has a quoted field that is never closed (a missing \"\" from here on)\"\n"
            #expect(try clerk.read("bad.csv") == rejects)
            #expect(try clerk.orderCount().contains("1\n"))
            // The same file again: refused, saying that rows of it were rejected and where they are.
            let again = try clerk.run("import", "orders", "march.csv", "--skip-bad", "--rejects", "bad2.csv")
            #expect(again.status == 1)
            #expect(again.stderr.contains("with 2 rows rejected; nothing was written. Correct that import's rejects file and import it"),
                    "\(again.stderr)")
        }
    }

    @Test func theClerkReadsItInChinese() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.file)
            let chinese = ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"]
            let result = try drc(["import", "orders", "march.csv", "--skip-bad", "--rejects", "bad.csv"], in: clerk.folder, environment: chinese)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("读取 3 行，写入 1 条工单，拒收 2 行"), "\(result.stdout)")
            #expect(try clerk.read("bad.csv").contains("\"第 2 行：没有加引号的字段里有引号"))
            // The rejects file's own column is headed in the clerk's language.
            let written = try clerk.read("bad.csv")
            #expect(written.hasPrefix("vendor,category,year,summary,原因\n"), "\(written)")
            let again = try drc(["import", "orders", "march.csv", "--skip-bad", "--rejects", "bad2.csv"], in: clerk.folder, environment: chinese)
            #expect(again.stderr.contains("其中 2 行被拒收；没有写入任何内容。请改正那次导入的拒收文件，再导入拒收文件"), "\(again.stderr)")
            // Fixed by hand, the rejects file imports again with its 原因 column set aside.
            try clerk.write("fixed.csv", "vendor,category,year,summary,原因\n美音,全区网络故障,2020,更换24寸显示器,第 2 行：…\n")
            let fixed = try drc(["import", "orders", "fixed.csv"], in: clerk.folder, environment: chinese)
            #expect(fixed.status == 0, "\(fixed.stderr)")
        }
    }
}
