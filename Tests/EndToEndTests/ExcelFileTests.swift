import Foundation
import Testing

/// Files as Excel writes and reads them, through the built binary: UTF-16 "Unicode text", GB18030
/// and BOM'd UTF-8 sources with their rejects files written back the same way, and the exact
/// round trip of `export --bom` through `import`.
@Suite struct ExcelFileTests {
    func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    func iconv(_ bytes: [UInt8], from: String, to: String) throws -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", from, "-t", to]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(data) : nil
    }

    @Test func excelUnicodeTextImportsAndItsRejectsStayUTF16() throws {
        try withClerk { clerk throws in
            // What Excel's "Unicode text" writes: UTF-16LE with a BOM, tabs, CRLF.
            try clerk.write("vendors.txt", bytes: utf16("name\tactive\r\n湖南美音网络技术有限公司\tyes\r\n\"坏,公司\"\tmaybe\r\n"))
            let result = try clerk.run("import", "vendors", "vendors.txt", "--skip-bad", "--rejects", "bad.txt")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("2 rows read, 1 written, 1 rejected"))
            #expect(try clerk.ok("vendor", "list", "--format", "csv").contains("1,湖南美音网络技术有限公司,,yes,0\n"))
            #expect(try clerk.readBytes("bad.txt") == utf16("name\tactive\treason\r\n坏,公司\tmaybe\tis not yes or no\r\n"))
            // Big-endian and comma-separated are read too.
            try clerk.write("be.csv", bytes: utf16("name\n长沙仕贤计算机有限公司\n", bigEndian: true))
            #expect(try clerk.run("import", "vendors", "be.csv").status == 0)
            #expect(try clerk.ok("vendor", "list", "--format", "csv").contains("2,长沙仕贤计算机有限公司,"))
            // UTF-16 is no longer taken for GB18030; a cut character is named.
            try clerk.write("cut.csv", bytes: utf16("name\n") + [0x41])
            let cut = try clerk.run("import", "vendors", "cut.csv")
            #expect(cut.status == 1)
            #expect(cut.stderr.contains("ends in the middle of a UTF-16 character"), "\(cut.stderr)")
            #expect(!cut.stderr.contains("gb18030"))
        }
    }

    @Test func aGB18030SourcesRejectsAreGB18030AndImportAgain() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let text = "vendor,category,year,summary\n美音,全区网络故障,2020,“网络”中断，已恢复\n无此公司,全区网络故障,2020,打印机卡纸\n"
            try clerk.write("gbk.csv", bytes: try #require(try iconv(Array(text.utf8), from: "UTF-8", to: "GB18030")))
            let result = try clerk.run("import", "orders", "gbk.csv", "--encoding", "gb18030", "--skip-bad", "--rejects", "bad.csv")
            #expect(result.status == 0, "\(result.stderr)")
            let rejects = try clerk.readBytes("bad.csv")
            #expect(String(validating: rejects, as: UTF8.self) == nil, "the rejects file is UTF-8")
            let decoded = try #require(try iconv(rejects, from: "GB18030", to: "UTF-8"))
            #expect(String(decoding: decoded, as: UTF8.self)
                    == "vendor,category,year,summary,reason\n无此公司,全区网络故障,2020,打印机卡纸,\"no vendor matches \"\"无此公司\"\"\"\n")
            // Fixed by a clerk and imported again as GB18030, the reason column and all.
            let fixed = String(decoding: decoded, as: UTF8.self).replacingOccurrences(of: "无此公司,", with: "仕贤,")
            try clerk.write("fixed.csv", bytes: try #require(try iconv(Array(fixed.utf8), from: "UTF-8", to: "GB18030")))
            let again = try clerk.run("import", "orders", "fixed.csv", "--encoding", "gb18030", "--skip-bad", "--rejects", "bad2.csv")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("1 rows read, 1 written, 0 rejected"), "\(again.stdout)")
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"summary\":\"打印机卡纸\""))
            // Unfixed, a rejects file gives a rejects file of the same shape: one reason column.
            let unfixed = try clerk.run("import", "orders", "bad.csv", "--encoding", "gb18030", "--skip-bad", "--rejects", "bad3.csv")
            #expect(unfixed.status == 0)
            #expect(try clerk.readBytes("bad3.csv") == rejects)
        }
    }

    @Test func aBOMdSourceGivesABOMdRejectsFileInExcelsManners() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("in.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("vendor,category,year,summary\r\n美音,全区网络故障,2020,'=1+1\r\n无此公司,全区网络故障,2020,'=2+2\r\n".utf8))
            let result = try clerk.run("import", "orders", "in.csv", "--skip-bad", "--rejects", "bad.csv")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try clerk.readBytes("bad.csv") == [0xEF, 0xBB, 0xBF]
                    + Array("vendor,category,year,summary,reason\r\n无此公司,全区网络故障,2020,'=2+2,\"no vendor matches \"\"无此公司\"\"\"\r\n".utf8))
            // The guard was the file's, not the value's.
            #expect(try clerk.ok("order", "show", "1", "--format", "json").contains("\"summary\":\"=1+1\""))
            // Without a BOM nothing is taken for a guard.
            try clerk.write("plain.csv", "vendor,category,year,summary\n美音,全区网络故障,2020,'=1+1\n")
            _ = try clerk.ok("import", "orders", "plain.csv")
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"summary\":\"'=1+1\""))
        }
    }

    @Test func exportBOMThenImportThenExportBOMIsByteIdentical() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            // Values stored as typed (add trims whitespace at the ends, so no value starts with a tab).
            let values = ["=SUM(1)", "+1", "-x", "@a", "'quoted", "'=x", "''", "'", "''=x", "'\tled", "'\rled", "'\nled",
                          "=\"a,b\"", "a'b", "'@", "-", "普通", "it's", "=HYPERLINK(\"x\")"]
            for value in values {
                _ = try clerk.ok(["order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary=" + value])
            }
            _ = try clerk.ok("export", "orders", "--bom", "-o", "first.csv")
            let second = Clerk(folder: clerk.folder + "/second")
            try FileManager.default.createDirectory(atPath: second.folder, withIntermediateDirectories: false)
            _ = try second.ok("init")
            try second.enterOrderReferences()
            let imported = try second.run("import", "orders", "../first.csv")
            #expect(imported.status == 0, "\(imported.stderr)")
            _ = try second.ok("export", "orders", "--bom", "-o", "again.csv")
            #expect(try clerk.readBytes("first.csv") == second.readBytes("again.csv"))
            // And every value came back exactly, apostrophes that are data included.
            #expect(try second.ok("order", "list", "--format", "json") == clerk.ok("order", "list", "--format", "json"))
        }
    }

    @Test func aRejectsPathThatCannotBeWrittenStopsTheImportBeforeAnyWrite() throws {
        try withClerk { clerk throws in
            try clerk.write("in.csv", "name,active\n新公司,yes\n坏公司,maybe\n")
            try FileManager.default.createDirectory(atPath: clerk.folder + "/folder", withIntermediateDirectories: false)
            let history = try clerk.ok("history", "--format", "csv")
            let cases = [("folder", "folder is a folder"), ("nowhere/bad.csv", "the folder of nowhere/bad.csv does not exist"),
                         ("in.csv/bad.csv", "the folder of in.csv/bad.csv does not exist"), ("in.csv", "in.csv is the file being imported"),
                         // A folder no one may create files in, root included.
                         ("/proc/drc-bad.csv", "output \"/proc/drc-bad.csv\": cannot be written")]
            for (path, message) in cases {
                let result = try clerk.run("import", "vendors", "in.csv", "--skip-bad", "--rejects", path)
                #expect(result.status == 1, "\(path)")
                #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
                #expect(try clerk.ok("vendor", "list", "--format", "csv") == "id,name,credit_code,active,orders\n", "\(path) committed rows")
                #expect(try clerk.ok("history", "--format", "csv") == history)
            }
            #expect(try clerk.read("in.csv") == "name,active\n新公司,yes\n坏公司,maybe\n")
            // A folder the user may not write (root may write anywhere, so only for others).
            guard getuid() != 0 else { return }
            try FileManager.default.createDirectory(atPath: clerk.folder + "/locked", withIntermediateDirectories: false)
            chmod(clerk.folder + "/locked", 0o555)
            defer { chmod(clerk.folder + "/locked", 0o755) }
            let locked = try clerk.run("import", "vendors", "in.csv", "--skip-bad", "--rejects", "locked/bad.csv")
            #expect(locked.status == 1)
            #expect(locked.stderr.contains("locked/bad.csv"), "\(locked.stderr)")
            #expect(try clerk.ok("vendor", "list", "--format", "csv") == "id,name,credit_code,active,orders\n")
        }
    }
}
