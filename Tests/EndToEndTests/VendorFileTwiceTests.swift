import Foundation
import Testing

/// A vendor's monthly file imported, re-imported, extended, corrected and undone: never counted
/// twice (issue 13).
@Suite struct VendorFileTwiceTests {
    static let header = "vendor,ticket,category,opened,status,summary,requester,phone\n"
    static let march = header
        + "美音,MY-0301,全区网络故障,2021-03-01 09:00,new,交换机掉线,王芳,13800000001\n"
        + "美音,MY-0302,终端桌面,2021-03-02 10:00,solved,打印机卡纸,李明,13800000002\n"
    static let marchWithTwoMore = march
        + "美音,MY-0303,终端桌面,2021-03-03 11:00,new,显示器黑屏,赵强,\n"
        + "仕贤,MY-0301,终端桌面,2021-03-03 12:00,new,另一家的同号工单,,\n"

    func count(_ clerk: Clerk) throws -> String {
        try clerk.ok("sql", "SELECT count(*) FROM work_order", "--format", "csv")
    }

    func zh(_ clerk: Clerk, _ arguments: String...) throws -> RunResult {
        try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
    }

    @Test func theSameFileTwiceIsRefusedAndAgainCountsItUnchanged() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            let first = try clerk.ok("import", "orders", "march.csv")
            #expect(first.contains("2 new, 0 unchanged, 0 updated, 0 in conflict (import batch 1)"), "\(first)")
            // The same content under another name is the same file.
            try clerk.write("copy.csv", Self.march)
            let again = try clerk.run("import", "orders", "copy.csv")
            #expect(again.status == 1)
            #expect(again.stderr.contains("this file's content was imported on ") && again.stderr.contains(" as batch 1 (then named march.csv)"),
                    "\(again.stderr)")
            let chinese = try zh(clerk, "import", "orders", "march.csv")
            #expect(chinese.status == 1 && chinese.stderr.contains("已经在") && chinese.stderr.contains("导入过（批次 1"), "\(chinese.stderr)")
            #expect(try count(clerk).contains("\n2"))
            let forced = try clerk.ok("import", "orders", "march.csv", "--again")
            #expect(forced.contains("0 new, 2 unchanged, 0 updated, 0 in conflict."), "\(forced)")
            #expect(try count(clerk).contains("\n2"))
            // Standard input is recognised too, once read.
            let piped = try clerk.run("import", "orders", "-", stdin: Self.march)
            #expect(piped.status == 1 && piped.stderr.contains("as batch 1"), "\(piped.stderr)")
            #expect(try clerk.ok("import", "list", "--format", "csv").split(separator: "\n").count == 2)
        }
    }

    @Test func twoNewRowsAddTwoAndATicketIsPerVendor() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            _ = try clerk.ok("import", "orders", "march.csv")
            try clerk.write("march-full.csv", Self.marchWithTwoMore)
            let more = try clerk.ok("import", "orders", "march-full.csv")
            #expect(more.contains("2 new, 2 unchanged, 0 updated, 0 in conflict (import batch 2)"), "\(more)")
            #expect(try count(clerk).contains("\n4"))
            // Entered by hand, the vendor's ticket is refused a second time; another vendor may use it.
            let twice = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2021-03-09", "--ticket", "MY-0302")
            #expect(twice.status == 1 && twice.stderr.contains("already exists"), "\(twice.stderr)")
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--opened", "2021-03-09", "--ticket", "MY-0302")
        }
    }

    @Test func anEditedRowIsAConflictUntilUpdateAppliesItWithHistory() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            _ = try clerk.ok("import", "orders", "march.csv")
            try clerk.write("march-fixed.csv", Self.march.replacingOccurrences(of: "打印机卡纸", with: "打印机卡纸，已更换搓纸轮")
                .replacingOccurrences(of: "13800000002", with: "13900000002"))
            let refused = try clerk.run("import", "orders", "march-fixed.csv")
            #expect(refused.status == 1)
            #expect(refused.stdout.contains("Nothing written") && refused.stdout.contains("1 unchanged, 0 updated, 1 in conflict"), "\(refused.stdout)")
            #expect(refused.stderr.contains("line 3: ticket \"MY-0302\" is work order #2 already, with other values: "
                                            + "summary: stored \"打印机卡纸\", file \"打印机卡纸，已更换搓纸轮\", phone: stored \"13800000002\", file \"13900000002\""),
                    "\(refused.stderr)")
            #expect(refused.stderr.contains("--update"))
            let chinese = try zh(clerk, "import", "orders", "march-fixed.csv")
            #expect(chinese.stderr.contains("第 3 行：工单号\"MY-0302\"已是工单 #2，但内容不同：故障描述：现为\"打印机卡纸\"，文件中为\"打印机卡纸，已更换搓纸轮\""),
                    "\(chinese.stderr)")
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"summary\":\"打印机卡纸\""))
            let updated = try clerk.ok("import", "orders", "march-fixed.csv", "--update")
            #expect(updated.contains("0 new, 1 unchanged, 1 updated, 0 in conflict (import batch 2)"), "\(updated)")
            #expect(try clerk.ok("order", "show", "2", "--format", "json").contains("\"phone\":\"13900000002\""))
            let history = try clerk.ok("history", "order", "2")
            #expect(history.contains("[import of march-fixed.csv] summary: 打印机卡纸 → 打印机卡纸，已更换搓纸轮; phone: 13800000002 → 13900000002"), "\(history)")
            #expect(try count(clerk).contains("\n2"))
        }
    }

    @Test func undoRemovesWhatABatchAddedAndPutsBackWhatItUpdated() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            _ = try clerk.ok("import", "orders", "march.csv")
            try clerk.write("march-full.csv", Self.marchWithTwoMore.replacingOccurrences(of: "交换机掉线", with: "交换机掉线，已重启"))
            #expect(try clerk.ok("import", "orders", "march-full.csv", "--update").contains("2 new, 1 unchanged, 1 updated"))
            #expect(try count(clerk).contains("\n4"))
            let undone = try clerk.ok("import", "undo", "2")
            #expect(undone.contains("Undid import batch 2: 2 work orders removed, 1 put back as they were."), "\(undone)")
            #expect(try count(clerk).contains("\n2"))
            #expect(try clerk.ok("order", "show", "1", "--format", "json").contains("\"summary\":\"交换机掉线\""))
            #expect(try clerk.ok("history", "order", "1").contains("[undo of import batch 2] summary: 交换机掉线，已重启 → 交换机掉线"))
            let list = try clerk.ok("import", "list", "--format", "csv")
            #expect(list.contains(",march-full.csv,") && list.split(separator: "\n").last?.hasSuffix(",") == false, "\(list)")
            let twice = try clerk.run("import", "undo", "2")
            #expect(twice.status == 1 && twice.stderr.contains("import batch 2 cannot be undone: it was undone already"), "\(twice.stderr)")
            // Undone, the file may come in again.
            #expect(try clerk.ok("import", "orders", "march-full.csv", "--update").contains("2 new, 1 unchanged, 1 updated"))
            let missing = try clerk.run("import", "undo", "9")
            #expect(missing.status == 1 && missing.stderr.contains("there is no import batch \"9\""))
        }
    }

    @Test func undoIsRefusedWhenALaterChangeDependsOnTheBatch() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            _ = try clerk.ok("import", "orders", "march.csv")
            _ = try clerk.ok("order", "edit", "2", "--summary", "打印机卡纸（已上门）")
            let refused = try clerk.run("import", "undo", "1")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("import batch 1 cannot be undone: work order #2, which it wrote, was changed afterwards (by 王丽 on "),
                    "\(refused.stderr)")
            let chinese = try zh(clerk, "import", "undo", "1")
            #expect(chinese.stderr.contains("导入批次 1 不能撤销：它写入的工单 #2 之后又被 王丽 在"), "\(chinese.stderr)")
            #expect(try count(clerk).contains("\n2"))
            // A record the batch added, referred to by another record, holds it too.
            try clerk.write("vendors.csv", "name\n宜泽网络\n")
            _ = try clerk.ok("import", "vendors", "vendors.csv")
            _ = try clerk.ok("order", "add", "--vendor", "宜泽", "--category", "终端桌面", "--opened", "2021-03-09")
            let referenced = try clerk.run("import", "undo", "2")
            #expect(referenced.status == 1)
            #expect(referenced.stderr.contains("import batch 2 cannot be undone: vendor #3, which it added, is referred to by 1 work order now"),
                    "\(referenced.stderr)")
        }
    }

    @Test func anExportCorrectedInASpreadsheetGoesBackByItsIDs() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try clerk.write("march.csv", Self.march)
            _ = try clerk.ok("import", "orders", "march.csv")
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--opened", "2021-03-05", "--summary", "无工单号")
            _ = try clerk.ok("export", "orders", "-o", "all.csv")
            let exported = try clerk.read("all.csv")
            #expect(exported.hasPrefix("id,year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source,ticket,requester,phone,contract,priority,responded,arrived,restored,remote\n"))
            // Unchanged, it is all unchanged (by ticket, and by id for the order without one).
            let same = try clerk.ok("import", "orders", "all.csv", "--again")
            #expect(same.contains("0 new, 3 unchanged, 0 updated, 0 in conflict."), "\(same)")
            try clerk.write("fixed.csv", exported.replacingOccurrences(of: "无工单号", with: "无工单号（已核实）")
                .replacingOccurrences(of: ",长沙仕贤计算机有限公司,", with: ",湖南美音网络技术有限公司,"))
            let refused = try clerk.run("import", "orders", "fixed.csv")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("line 4: work order #3 holds other values: vendor: stored \"长沙仕贤计算机有限公司\", file \"湖南美音网络技术有限公司\", "
                                            + "summary: stored \"无工单号\", file \"无工单号（已核实）\""), "\(refused.stderr)")
            let applied = try clerk.ok("import", "orders", "fixed.csv", "--update")
            #expect(applied.contains("0 new, 2 unchanged, 1 updated, 0 in conflict"), "\(applied)")
            #expect(try clerk.ok("order", "show", "3", "--format", "json").contains("\"vendor\":\"湖南美音网络技术有限公司\""))
            #expect(try count(clerk).contains("\n3"))
        }
    }

    @Test func anOrderNamesItsContract() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("contract", "add", "--number", "HT-2021-01", "--vendor", "美音", "--amount", "98.5万")
            try clerk.write("orders.csv", "vendor,合同,服务类别,报修时间,工单号,报修人,联系电话\n美音,HT-2021-01,终端桌面,2021-03-01,MY-1,王芳,0731-1\n")
            _ = try clerk.ok("import", "orders", "orders.csv")
            let shown = try clerk.ok("order", "show", "1", "--format", "json")
            #expect(shown.contains("\"contract\":\"HT-2021-01\"") && shown.contains("\"requester\":\"王芳\""), "\(shown)")
            #expect(try clerk.ok("order", "list", "--contract", "HT-2021-01", "--format", "csv").contains("MY-1"))
            let wrong = try clerk.run("order", "add", "--vendor", "美音", "--category", "终端桌面", "--opened", "2021-03-09", "--contract", "HT-9")
            #expect(wrong.status == 1 && wrong.stderr.contains("no contract matches \"HT-9\""), "\(wrong.stderr)")
        }
    }

    /// A vendor's corrected file in its own words: a status word (处理中), a time in Chinese and
    /// the vendor named once on the command line. `--update` applies what the import read, not
    /// the cells' text, which only the import knows how to read (a status word was once refused
    /// as 状态 "已完成" 不在可选范围内). A status itself moves only by the status commands, so a
    /// file changing it is refused for that reason, named, and nothing is written.
    @Test func anUpdateInTheVendorsOwnWordsIsApplied() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let header = "工单号,报修时间,服务类别,故障描述,状态\n"
            try clerk.write("march.csv", header + "MY-0302,2021年3月6日14时05分,终端桌面,打印机卡纸,处理中\n")
            _ = try clerk.ok("import", "orders", "march.csv", "--vendor", "美音")
            try clerk.write("march-fixed.csv", header + "MY-0302,2021年3月6日下午2:35,终端桌面,打印机卡纸（已换硒鼓）,处理中\n")
            let refused = try clerk.run("import", "orders", "march-fixed.csv", "--vendor", "美音")
            #expect(refused.status == 1 && refused.stderr.contains("\"2021-03-06 14:35\""), "\(refused.stderr)")
            let updated = try clerk.ok("import", "orders", "march-fixed.csv", "--vendor", "美音", "--update")
            #expect(updated.contains("0 new, 0 unchanged, 1 updated, 0 in conflict"), "\(updated)")
            let row = try clerk.ok("sql", "SELECT status, summary, opened_at FROM work_order WHERE ticket = 'MY-0302'", "--format", "csv")
            #expect(row.contains("assigned,打印机卡纸（已换硒鼓）,2021-03-06 14:35"), "\(row)")
            try clerk.write("march-solved.csv", header + "MY-0302,2021年3月6日下午2:35,终端桌面,打印机卡纸（已换硒鼓）,已完成\n")
            let moved = try clerk.run("import", "orders", "march-solved.csv", "--vendor", "美音", "--update")
            #expect(moved.status == 1 && moved.stderr.contains("changes only through the status commands"), "\(moved.stderr)")
            #expect(try clerk.ok("sql", "SELECT status FROM work_order WHERE ticket = 'MY-0302'", "--format", "csv").contains("assigned"))
        }
    }
}
