import Foundation
import Testing

extension Clerk {
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)), as: UTF8.self)
    }
    func readBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }
    /// The reference data orders name: a vendor, two categories, a unit and a project.
    func enterOrderReferences() throws {
        _ = try ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
        _ = try ok("vendor", "add", "--name", "长沙仕贤计算机有限公司")
        _ = try ok("category", "add", "--name", "全区网络故障")
        _ = try ok("category", "add", "--name", "终端桌面")
        _ = try ok("unit", "add", "--name", "文艺路街道")
        _ = try ok("project", "add", "--name", "全区政务网络运维服务项目", "--vendors", "美音")
    }
    func orderCount() throws -> String {
        try ok("totals", "--year", "2020", "--format", "csv")
    }
}

let orderHeader = "year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source\n"

@Suite struct ImportTests {
    @Test func importsRealWorldCSV() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            // BOM, CRLF, quoted commas, quotes and newlines, Chinese, the four date forms, a blank last line.
            let text = "\u{FEFF}vendor,category,opened,summary,unit\r\n"
                + "美音,全区网络故障,2020-03-02,\"交换机\"\"掉线\"\", 重启\",文艺路街道\r\n"
                + "美音,终端桌面,2020-03-02 14:05,\"第一行\r\n第二行\",\r\n"
                + "仕贤,终端桌面,2020/3/2,打印机,\r\n"
                + "仕贤,终端桌面,2020年3月2日,显示器,\r\n\r\n"
            try clerk.write("in.csv", text)
            let result = try clerk.run("import", "orders", "in.csv")
            #expect(result.status == 0, "\(result.stderr)")
            // Every line is accounted for: the empty last line is a blank row passed over, and
            // the cell of two lines makes the file a line longer than its rows.
            #expect(result.stdout.contains("Passed over 1 blank row"), "\(result.stdout)")
            #expect(result.stdout.contains("5 rows read (6 lines: some cells hold line breaks), 4 written, 0 rejected"), "\(result.stdout)")
            let listed = try clerk.ok("order", "list", "--format", "json")
            #expect(listed.contains("\"summary\":\"交换机\\\"掉线\\\", 重启\""))
            #expect(listed.contains("\"summary\":\"第一行\\r\\n第二行\""))
            #expect(listed.components(separatedBy: "\"opened\":\"2020-03-02\"").count == 4)
            #expect(listed.contains("\"opened\":\"2020-03-02 14:05\""))
            #expect(try clerk.ok("history").contains("import of in.csv: 4 work orders"))
        }
    }

    @Test func importedTextIsStoredAsAddStoresIt() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary", "\u{3000} 打印机卡纸 ", "--solution", "   ")
            try clerk.write("in.csv", "vendor,category,year,summary,solution\n美音,终端桌面,2020,\u{3000} 打印机卡纸 ,   \n")
            _ = try clerk.ok("import", "orders", "in.csv")
            let added = try clerk.ok("order", "show", "1", "--format", "json")
            let imported = try clerk.ok("order", "show", "2", "--format", "json")
            #expect(added.contains("\"summary\":\"打印机卡纸\",\"solution\":null"))
            #expect(imported.contains("\"summary\":\"打印机卡纸\",\"solution\":null"))
        }
    }

    @Test func oneBadRowAndNothingIsWritten() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            var text = orderHeader
            for day in 1...9 { text += "2020,美音,,全区网络故障,,new,2020-03-0\(day),,,ok,,\n" }
            text += "2020,美音,,全区网络故障,,new,2020-02-30,,,bad date,,\n"
            try clerk.write("in.csv", text)
            let before = try clerk.orderCount()
            let result = try clerk.run("import", "orders", "in.csv")
            #expect(result.status == 1)
            #expect(result.stderr.contains("line 11, column opened \"2020-02-30\": is not a real date"))
            #expect(result.stdout.contains("Nothing written: 10 rows read, 0 written, 1 rejected"))
            #expect(try clerk.orderCount() == before)
        }
    }

    @Test func everyValidationErrorNamesItsLineAndColumn() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("vendor", "add", "--name", "停用公司", "--active", "no")
            let rows = [
                ("2020,不存在的公司,,全区网络故障,,new,,,,x,,", "line 2, column vendor \"不存在的公司\": no vendor matches"),
                ("2020,有限公司,,全区网络故障,,new,,,,x,,", "line 3, column vendor \"有限公司\": \"有限公司\" matches 2 vendors"),
                ("2020,美音,,没有的类别,,new,,,,x,,", "line 4, column category \"没有的类别\": no category matches"),
                ("2020,美音,,全区网络故障,,done,,,,x,,", "line 5, column status \"done\": is not one of"),
                ("2020,美音,,全区网络故障,,new,2021-01-01,,,x,,", "line 6, column opened \"2021-01-01\": is not in the order's year 2020"),
                ("2020,美音,,全区网络故障,,closed,2020-03-02 10:00,2020-03-01,,x,,", "line 7, column solved \"2020-03-01\": is before the order was opened"),
                ("20x0,美音,,全区网络故障,,new,,,,x,,", "line 8, column year \"20x0\": is not a year"),
                (",美音,,全区网络故障,,new,,,,x,,", "line 9, column year \"\": is required"),
                ("2020,停用公司,,全区网络故障,,new,,,,x,,", "line 10, column vendor \"停用公司\": is inactive"),
                ("2020,美音,,全区网络故障", "line 11: has 4 fields, the header has 12"),
                ("2020,美音,,全区网络故障,,new,2020-13-45,,,x,,", "line 12, column opened \"2020-13-45\": has no month 13"),
            ]
            try clerk.write("in.csv", orderHeader + rows.map { $0.0 + "\n" }.joined())
            let result = try clerk.run("import", "orders", "in.csv")
            #expect(result.status == 1)
            for (_, message) in rows { #expect(result.stderr.contains(message), "missing: \(message)\n\(result.stderr)") }
        }
    }

    @Test func skipBadWritesTheGoodRowsAndRejectsTheRest() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let bad = "2020,美音,,全区网络故障,,new,2020-02-30,,,\"坏, \"\"日期\"\"\",,"
            try clerk.write("in.csv", orderHeader + "2020,美音,,全区网络故障,,new,2020-03-01,,,好,,\n" + bad + "\n2020,仕贤,,终端桌面,,new,,,,好,,\n")
            let result = try clerk.run("import", "orders", "in.csv", "--skip-bad", "--rejects", "bad.csv")
            #expect(result.status == 0)
            #expect(result.stdout.contains("3 rows read, 2 written, 1 rejected"))
            let rejects = try clerk.read("bad.csv")
            #expect(rejects == "year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source,reason\n"
                    + bad + ",is not a real date: 2020-02 has 29 days\n")
            #expect(try clerk.orderCount() == "vendor,count\n湖南美音网络技术有限公司,1\n长沙仕贤计算机有限公司,1\n")
        }
    }

    @Test func dryRunWritesNothing() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("in.csv", orderHeader + "2020,美音,,全区网络故障,,new,,,,x,,\n")
            let history = try clerk.ok("history", "--format", "csv")
            let result = try clerk.run("import", "orders", "in.csv", "--dry-run")
            #expect(result.status == 0)
            // It says what the import would do: one new order (it once said 0 written, 0 new).
            #expect(result.stdout.contains("Dry run: nothing written: 1 rows read, 1 would be written, 0 rejected"), "\(result.stdout)")
            #expect(result.stdout.contains("1 would be new, 0 unchanged, 0 would be updated, 0 in conflict."), "\(result.stdout)")
            #expect(try clerk.ok("history", "--format", "csv") == history)
            #expect(try clerk.orderCount() == "vendor,count\n")
            // With a bad row and no --skip-bad, the import would write nothing, and the dry run says so.
            try clerk.write("bad.csv", orderHeader + "2020,美音,,全区网络故障,,new,,,,x,,\n2020,无此公司,,全区网络故障,,new,,,,y,,\n")
            let bad = try clerk.run("import", "orders", "bad.csv", "--dry-run")
            #expect(bad.stdout.contains("0 would be written, 1 rejected"), "\(bad.stdout)")
            let skipping = try clerk.run("import", "orders", "bad.csv", "--dry-run", "--skip-bad", "--rejects", "rejects.csv")
            #expect(skipping.stdout.contains("1 would be written, 1 rejected"), "\(skipping.stdout)")
        }
    }

    /// GB18030 is detected (issue 13); named otherwise, the file is refused with the hint.
    @Test func gb18030IsDetectedAndAWrongNamedEncodingIsRefused() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("utf8.csv", "vendor,category,year,summary\n美音,全区网络故障,2020,“网络”中断，已恢复\n")
            let converted = Process()
            converted.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            converted.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", clerk.folder + "/gbk.csv", clerk.folder + "/utf8.csv"]
            try converted.run()
            converted.waitUntilExit()
            #expect(converted.terminationStatus == 0)
            let refused = try clerk.run("import", "orders", "gbk.csv", "--encoding", "utf-8")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("--encoding gb18030"))
            // A header in GB18030 is caught too, with the same hint.
            try clerk.write("gbk-header.csv", bytes: [0xC3, 0xFB, 0xB3, 0xC6, 0x0A, 0x31, 0x0A])
            let header = try clerk.run("import", "orders", "gbk-header.csv", "--encoding", "utf-8")
            #expect(header.status == 1)
            #expect(header.stderr.contains("line 1 is not valid UTF-8"))
            #expect(header.stderr.contains("--encoding gb18030"))
            let imported = try clerk.run("import", "orders", "gbk.csv", "--encoding", "gb18030")
            #expect(imported.status == 0, "\(imported.stderr)")
            // The same content again: --again, since the fingerprint would refuse it.
            let detected = try clerk.run("import", "orders", "gbk.csv", "--again")
            #expect(detected.status == 0, "\(detected.stderr)")
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"summary\":\"“网络”中断，已恢复\""))
            #expect(try clerk.ok("order", "show", "1", "--format", "json").contains("\"summary\":\"“网络”中断，已恢复\""))
        }
    }

    @Test func headerProblemsAreCaughtBeforeAnyRow() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            for (header, message) in [("vendor,colour\n", "column 2 is not a field of work orders"),
                                      ("vendor,category,vendor,year\n", "column 3 repeats the column vendor"),
                                      ("vendor,year\n", "has no category column"), ("", "is empty")] {
                try clerk.write("in.csv", header + (header.isEmpty ? "" : "美音,全区网络故障,x\n"))
                let result = try clerk.run("import", "orders", "in.csv")
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(header): \(result.stderr)")
            }
            let missing = try clerk.run("import", "orders", "nowhere.csv")
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("nowhere.csv"))
        }
    }

    @Test func importsFromStandardInputAndOtherKinds() throws {
        try withClerk { clerk throws in
            let vendors = "name,credit_code,active\n湖南美音网络技术有限公司,91350100M000100Y43,yes\n长沙仕贤计算机有限公司,,no\n"
            let result = try clerk.run("import", "vendors", "-", stdin: vendors)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try clerk.ok("vendor", "list", "--format", "csv").contains("2,长沙仕贤计算机有限公司,,no,0\n"))
            try clerk.write("units.csv", "name,parent,posts\n区政府,,\n数据中心,区政府,9\n办公室,数据中心,-1\n")
            let units = try clerk.run("import", "units", "units.csv")
            #expect(units.status == 1)
            #expect(units.stderr.contains("line 4, column posts \"-1\": is negative"))
            #expect(try clerk.ok("unit", "list").contains("0 units"))
        }
    }
}

@Suite struct ExportTests {
    @Test func roundTripsTheSeedByteForByte() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            // Every kind, in the order references need: exported, imported into a new
            // database, exported again, byte for byte the same.
            let kinds = ["units", "vendors", "categories", "projects", "budgets", "indicators", "findings", "orders"]
            for kind in kinds { _ = try clerk.ok("export", kind, "-o", "\(kind).csv") }
            let other = ["DRC_DB": clerk.folder + "/other.sqlite"]
            #expect(try drc(["init"], in: clerk.folder, environment: other).status == 0)
            for kind in kinds {
                let result = try drc(["import", kind, "\(kind).csv"], in: clerk.folder, environment: other)
                #expect(result.status == 0, "\(kind): \(result.stderr)")
                #expect(try drc(["export", kind, "-o", "again-\(kind).csv"], in: clerk.folder, environment: other).status == 0)
                #expect(try clerk.readBytes("\(kind).csv") == clerk.readBytes("again-\(kind).csv"), "\(kind) differs")
            }
            #expect(try clerk.read("orders.csv").split(separator: "\n").count == 9425)
            // Budget parts name their parent line, found again among the same year's lines.
            #expect(try clerk.read("budgets.csv").contains("2020,长沙市芙蓉区数据资源中心,basic,奖金,,,30103,奖金,,,363200.00,,,基本支出,none,\n"))
            let report = try drc(["report", "--year", "2020"], in: clerk.folder, environment: other)
            #expect(report.stdout == (try clerk.ok("report", "--year", "2020")))
        }
    }

    @Test func unitsOfTheSameNameAreNamedWithTheirParent() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("unit", "add", "--name", "数据中心")
            _ = try clerk.ok("unit", "add", "--name", "财政局")
            _ = try clerk.ok("unit", "add", "--name", "办公室", "--parent", "数据中心")
            _ = try clerk.ok("unit", "add", "--name", "办公室", "--parent", "财政局")
            let ambiguous = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--unit", "办公室")
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("\"办公室\" matches 2 units"))
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--unit", "财政局/办公室")
            _ = try clerk.ok("export", "units", "-o", "units.csv")
            _ = try clerk.ok("export", "orders", "-o", "orders.csv")
            #expect(try clerk.read("orders.csv").contains(",财政局/办公室,"))
            let other = ["DRC_DB": clerk.folder + "/other.sqlite"]
            #expect(try drc(["init"], in: clerk.folder, environment: other).status == 0)
            for kind in ["vendors", "categories", "projects", "units", "orders"] {
                if kind != "units" && kind != "orders" { _ = try clerk.ok("export", kind, "-o", "\(kind).csv") }
                let result = try drc(["import", kind, "\(kind).csv"], in: clerk.folder, environment: other)
                #expect(result.status == 0, "\(kind): \(result.stderr)")
            }
            #expect(try drc(["export", "orders"], in: clerk.folder, environment: other).stdout == (try clerk.read("orders.csv")))
        }
    }

    @Test func roundTripsGeneratedOrdersByteForByte() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            // The export's columns: the id first, then every field.
            var text = "id," + orderHeader.dropLast() + ",ticket,requester,phone,contract,priority,responded,arrived,restored,remote\n"
            let priorities = ["urgent", "high", "medium", "low", ""]
            let summaries = ["交换机\"掉线\", 重启", "第一行\n第二行", "=SUM(A1)", "普通", "", "-3 号楼", "@管理员"]
            for index in 0..<200 {
                let vendor = index % 2 == 0 ? "湖南美音网络技术有限公司" : "长沙仕贤计算机有限公司"
                let opened = "2020-\(index % 12 + 10 < 10 ? "0" : "")\(index % 12 < 9 ? "0\(index % 12 + 1)" : "\(index % 12 + 1)")-15 09:3\(index % 10)"
                let summary = summaries[index % summaries.count]
                let quoted = summary.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + summary.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : summary
                text += "\(index + 1),2020,\(vendor),\(index % 3 == 0 ? "全区政务网络运维服务项目" : ""),\(index % 2 == 0 ? "全区网络故障" : "终端桌面"),\(index % 5 == 0 ? "文艺路街道" : ""),new,\(opened),,,\(quoted),,generated,\(index % 4 == 0 ? "" : "T-\(index)"),,,,\(priorities[index % 5]),\(index % 3 == 0 ? opened.prefix(11) + "10:00" : ""),,,no\n"
            }
            try clerk.write("in.csv", text)
            _ = try clerk.ok("import", "orders", "in.csv")
            _ = try clerk.ok("export", "orders", "-o", "out.csv")
            #expect(try clerk.read("out.csv") == text)
        }
    }

    @Test func excelModeWritesABOMCRLFAndNeutralisesFormulas() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary", "=HYPERLINK(\"x\")")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary", "+86 电话")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary=-1")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020", "--summary", "@cmd")
            _ = try clerk.ok("export", "orders", "--bom", "-o", "excel.csv")
            let bytes = try clerk.readBytes("excel.csv")
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("id,year,vendor,"))
            #expect(text.contains("\r\n1,2020,湖南美音网络技术有限公司,"))
            #expect(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","))
            #expect(text.contains(",'+86 电话,"))
            #expect(text.contains(",'-1,"))
            #expect(text.contains(",'@cmd,"))
            // Numbers are never guarded, and without --bom nothing is.
            #expect(!text.contains("'2020"))
            #expect(try clerk.ok("export", "orders").contains(",\"=HYPERLINK(\"\"x\"\")\","))
        }
    }

    @Test func exportsFilteredJSONAndRefusesFiltersThatDoNotApply() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            let json = try clerk.ok("export", "orders", "--vendor", "仕贤", "--format", "json")
            #expect(json.hasPrefix("[\n  {\"id\":") && json.contains(",\"year\":2020,\"vendor\":\"长沙仕贤计算机有限公司\""))
            #expect(json.components(separatedBy: "\"year\":2020").count == 1296)
            let budgets = try clerk.ok("export", "budgets", "--year", "2020")
            #expect(budgets.contains("2020,长沙市芙蓉区数据资源中心,basic,基本支出,,,,,,,1130300.00,,,,partial,一般公共预算财政拨款\n"))
            let wrong = try clerk.run("export", "vendors", "--status", "closed")
            #expect(wrong.status == 64)
        }
    }
}
