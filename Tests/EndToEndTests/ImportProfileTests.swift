import Foundation
import Testing

/// Import profiles through the built binary: saved, listed, shown, applied to a vendor's
/// workbook and CSV with the command line winning, saved again with history, exported, removed;
/// a bad value is refused when saved, an unknown profile when applied, in both languages.
@Suite struct ImportProfileTests {
    func prepared(_ clerk: Clerk) throws {
        _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
        _ = try clerk.ok("category", "add", "--name", "网络")
        _ = try clerk.ok("project", "add", "--name", "全区政务网络运维服务项目", "--vendors", "美音")
    }

    @Test func aSavedProfileReadsTheVendorsFilesAndTheCommandLineWins() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let saved = try clerk.ok("import", "profile", "save", "美音", "--map", "故障描述=summary,联系电话=phone",
                                     "--ignore", "报修人", "--vendor", "美音", "--project", "政务网络", "--status-map", "待处理=assigned，已完成=closed",
                                     "--sheet", "4月", "--note", "美音每月的工单表")
            #expect(saved.contains("Saved import profile #1 美音"), "\(saved)")
            let list = try clerk.ok("import", "profile", "list", "--format", "csv")
            #expect(list == "id,name,vendor,project,year,map,status-map,ignore,encoding,sheet,header-row,set\n"
                    + "1,美音,美音,政务网络,,\"故障描述=summary,联系电话=phone\",\"已完成=closed,待处理=assigned\",报修人,,4月,,\n", "\(list)")
            #expect(try clerk.ok("import", "profile", "show", "美音").contains("美音每月的工单表"))
            // The profile's sheet, defaults and status words apply; 报修人 is not imported.
            let workbook = WorkbookImportTests.fixture("vendor-march.xlsx")
            let april = try clerk.run("import", "orders", workbook, "--profile", "美音")
            #expect(april.status == 0, "\(april.stderr)")
            var out = try clerk.ok("export", "orders", "--headers", "en")
            #expect(out.contains("2021,湖南美音网络技术有限公司,全区政务网络运维服务项目,网络,,closed,2021-04-01 08:00,2021-04-01 09:00,,路由器重启,"), "\(out)")
            #expect(out.contains(",assigned,2021-04-02,,,显示器黑屏,") && !out.contains("王芳"), "\(out)")
            // Options given with the import win over the profile's: another sheet, another status word.
            let march = try clerk.run("import", "orders", workbook, "--profile", "美音", "--sheet", "3月", "--status-map", "已完成=solved")
            #expect(march.status == 0, "\(march.stderr)")
            out = try clerk.ok("export", "orders", "--headers", "en")
            #expect(out.contains(",solved,2021-03-05 08:05,2021-03-05 10:30,,交换机掉线,"), "\(out)")
            // A CSV file takes the same profile (its sheet means nothing there).
            try clerk.write("may.csv", "工单号,服务类别,状态,报修时间,故障描述,报修人\nMY-0501,网络,待处理,2021-05-06 09:00,断网,李强\n")
            let csv = try clerk.run("import", "orders", "may.csv", "--profile", "1")
            #expect(csv.status == 0, "\(csv.stderr)")
            #expect(try clerk.ok("order", "show", "6", "--format", "json").contains("\"status\":\"assigned\""))
        }
    }

    @Test func savingAgainReplacesWithHistoryAndProfilesAreRecords() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            _ = try clerk.ok("import", "profile", "save", "美音", "--map", "故障描述=summary", "--sheet", "3月")
            #expect(try clerk.ok("import", "profile", "save", "美音", "--map", "故障描述=summary", "--sheet", "3月").contains("No change"))
            let replaced = try clerk.ok("import", "profile", "save", "美音", "--vendor", "美音")
            #expect(replaced.contains("Updated import profile #1 美音"), "\(replaced)")
            let shown = try clerk.ok("import", "profile", "show", "1", "--format", "json")
            #expect(shown.contains("\"vendor\":\"美音\"") && shown.contains("\"map\":null") && shown.contains("\"sheet\":null"), "\(shown)")
            let history = try clerk.ok("history", "profile", "1", "--format", "json")
            #expect(history.contains("\"action\":\"update\"") && history.contains("故障描述=summary"), "\(history)")
            _ = try clerk.ok("import", "profile", "edit", "美音", "--encoding", "gb18030")
            #expect(try clerk.ok("export", "profiles") == "id,name,map,ignore,vendor,project,year,status-map,encoding,sheet,header-row,set,note\n1,美音,,,美音,,,,gb18030,,,,\n")
            let removed = try clerk.ok("import", "profile", "rm", "美音")
            #expect(removed.contains("Deleted profile #1 美音"), "\(removed)")
            _ = try clerk.ok("restore", "profile", "1")
            #expect(try clerk.ok("import", "profile", "list").contains("美音"))
        }
    }

    @Test func badSettingsAndUnknownProfilesAreRefusedInBothLanguages() throws {
        try withClerk { clerk throws in
            try prepared(clerk)
            let field = try clerk.run("import", "profile", "save", "x", "--map", "报修时间=opend")
            #expect(field.status == 1)
            #expect(field.stderr.contains("map \"报修时间=opend\": is not a field of a work order"), "\(field.stderr)")
            let status = try clerk.run("import", "profile", "save", "x", "--status-map", "完成=done")
            #expect(status.status == 1 && status.stderr.contains("is not one of: new, assigned"), "\(status.stderr)")
            let vendor = try clerk.run("import", "profile", "save", "x", "--vendor", "无此公司")
            #expect(vendor.status == 1 && vendor.stderr.contains("no vendor matches \"无此公司\""), "\(vendor.stderr)")
            let pair = try clerk.run("import", "profile", "save", "x", "--map", "报修时间")
            #expect(pair.status == 1 && pair.stderr.contains("should be written name=value"), "\(pair.stderr)")
            #expect(try clerk.ok("import", "profile", "list", "--format", "csv").split(separator: "\n").count == 1, "nothing saved")
            try clerk.write("in.csv", "供应商,服务类别,年度\n美音,网络,2021\n")
            let unknown = try clerk.run("import", "orders", "in.csv", "--profile", "无此配置")
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no import profile matches \"无此配置\""), "\(unknown.stderr)")
            let chinese = try drc(["import", "orders", "in.csv", "--profile", "无此配置"], in: clerk.folder,
                                  environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
            #expect(chinese.stderr.contains("导入配置\"无此配置\"：找不到"), "\(chinese.stderr)")
            let help = try drc(["import", "profile", "save", "--help"], in: clerk.folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(help.stdout.contains("保存导入配置") && help.stdout.contains("--status-map") && help.stdout.contains("--sheet"), "\(help.stdout)")
            let english = try drc(["import", "file", "--help"], in: clerk.folder)
            #expect(english.stdout.contains("--profile <profile>") && english.stdout.contains("--sheet <sheet>"), "\(english.stdout)")
        }
    }
}
