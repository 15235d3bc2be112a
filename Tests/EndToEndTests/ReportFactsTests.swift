import Foundation
import Testing

/// Every figure of the 2020 report, asked back of a seeded database through drc's own
/// commands (never through SQL).
@Suite struct ReportFactsTests {
    func seeded(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            #expect(try clerk.ok("seed").contains("9424 work orders"))
            try body(clerk)
        }
    }

    @Test func workOrderCountsByVendorAndCategory() throws {
        try seeded { clerk throws in
            let byVendor = try clerk.ok("totals", "--year", "2020", "--by", "vendor", "--format", "csv")
            #expect(byVendor == """
                vendor,count
                湖南美音网络技术有限公司,1340
                长沙仕贤计算机有限公司,1295
                长沙宜泽信息技术有限责任公司,6789

                """)
            let byCategory = try clerk.ok("totals", "--year", "2020", "--by", "vendor,category", "--format", "csv")
            for line in ["湖南美音网络技术有限公司,服务器存储故障处理,36", "湖南美音网络技术有限公司,全区网络故障,151",
                         "湖南美音网络技术有限公司,会议系统联调及保障,285", "湖南美音网络技术有限公司,终端桌面,235",
                         "湖南美音网络技术有限公司,计算机外设安装调试,21", "湖南美音网络技术有限公司,机房基础设施及每日机房巡检,612",
                         "长沙仕贤计算机有限公司,维修工单,1295", "长沙宜泽信息技术有限责任公司,维修工单,6789"] {
                #expect(byCategory.contains(line + "\n"), "\(line)")
            }
            let table = try clerk.ok("totals", "--year", "2020")
            #expect(table.split(separator: "\n").last?.hasSuffix("9424") == true)
            let byProject = try clerk.ok("totals", "--year", "2020", "--by", "project", "--format", "csv")
            #expect(byProject.contains("全区政务网络运维服务项目,1340\n"))
            #expect(byProject.contains("机关大院内电脑设备运维,1295\n"))
            #expect(byProject.contains("全区计算机硬件维修维护项目,6789\n"))
            // No dates were invented: every order counts under "unknown month".
            #expect(try clerk.ok("totals", "--year", "2020", "--by", "month", "--format", "csv") == "month,count\nunknown month,9424\n")
            #expect(try clerk.ok("totals", "--year", "2020", "--by", "status", "--format", "csv") == "status,count\nclosed,9424\n")
        }
    }

    @Test func budgetTotals() throws {
        try seeded { clerk throws in
            let byKind = try clerk.ok("budget", "totals", "--year", "2020", "--wan", "--format", "csv")
            #expect(byKind.contains("basic,基本支出,,,start of year,113.03,,63.02,50.01,partial,,,,,,,\n"))
            #expect(byKind.contains("project,项目支出,,,start of year,737.93,,737.93,0.00,complete,,,,,,,\n"))
            #expect(byKind.contains("sangong,三公经费,0.00,0.00,start of year,0.00,,0.00,0.00,complete,,,,,,,\n"))
            let inYuan = try clerk.ok("budget", "totals", "--year", "2020", "--format", "csv")
            #expect(inYuan.contains("basic,基本支出,,,start of year,1130300.00,,630200.00,500100.00,partial,,,,,,,\n"))
            let economic = try clerk.ok("budget", "totals", "--year", "2020", "--by", "economic", "--wan", "--format", "csv")
            for line in ["30101 基本工资,,16.94", "30102 津贴补贴,,0.92", "30103 奖金,,36.32", "30113 住房公积金,,8.84", "(not itemised),,50.01"] {
                // economic,budget,adjusted,adjusted_from,final,rate: the budget unknown, so no 执行率.
                let parts = line.components(separatedBy: ",,")
                #expect(economic.contains(parts[0] + ",,,start of year," + parts[1] + ",\n"), "\(line)")
            }
            let functional = try clerk.ok("budget", "totals", "--year", "2020", "--by", "functional", "--wan", "--format", "csv")
            #expect(functional.contains("人大事务,,,start of year,9.00,\n"))
            #expect(functional.contains("一般行政管理事务,,,start of year,413.77,\n"))
            let lines = try clerk.ok("budget", "list", "--year", "2020", "--wan", "--format", "csv")
            #expect(lines.contains("其他项目支出,,,,,315.16,"))
        }
    }

    @Test func theReportCarriesEveryFigure() throws {
        try seeded { clerk throws in
            let report = try clerk.ok("report", "--year", "2020")
            let facts = [
                "长沙市芙蓉区数据资源中心", "区数据资源中心", "区政府直属公益一类事业单位", "办公室、数据资源室和项目应用室",
                "核定全额拨款事业编制9名", "实际在职人员5名",
                "基本支出113.03万元", "人员基本工资支出16.94万元", "津补贴0.92万元", "奖金36.32万元", "住房公积金8.84万元",
                "列明63.02万元", "另有50.01万元未列明", "项目支出737.93万元", "人大事务项目支出9万元", "一般行政管理事务413.77万元",
                "其他项目支出315.16万元", "支出预算为0万元，支出决算为0万元",
                "芙蓉区云计算中心升级项目", "财政预算联网监督项目", "芙蓉区消费信息管理平台项目", "芙蓉区机关事业单位线路租赁服务",
                "政府门户网站及新媒体运维服务项目", "全区政务网络运维服务项目", "机关大院内电脑设备运维", "全区计算机硬件维修维护项目",
                "自2020年6月份试运行", "900多万条（下限：9000000条）", "300余万元（下限：300万元）", "181家单位", "排名第二",
                "被评为全市优秀门户网站", "全市网站管理工作先进单位", "全市网络安全保障优秀单位",
                "湖南美音网络技术有限公司提供了1340次服务", "服务器存储故障处理36次", "全区网络故障151次", "会议系统联调及保障285次",
                "终端桌面235次", "计算机外设安装调试21次", "机房基础设施及每日机房巡检612次",
                "长沙仕贤计算机有限公司共计完成维修工单1295次", "长沙宜泽信息技术有限责任公司共计完成维修工单6789次",
                "共提供服务9424次", "政府采购内部控制制度有待进一步完善", "从采购到验收入账，形成闭环的管理机制",
                "采购小组", "验收小组", "账实相符", "2019年度",
            ]
            for fact in facts { #expect(report.contains(fact), "the report lacks \(fact)") }
            for section in ["一、部门概况", "二、部门整体支出管理及使用情况", "三、部门项目组织实施情况", "四、资产管理情况",
                            "五、部门整体支出绩效情况", "六、存在的主要问题", "七、改进措施和有关建议"] {
                #expect(report.contains("## " + section), "the report lacks its section \(section)")
            }
        }
    }

    @Test func findingsAreRecordsTheReportReads() throws {
        try seeded { clerk throws in
            #expect(try clerk.ok("finding", "list", "--year", "2020", "--section", "problem").contains("政府采购内部控制制度有待进一步完善"))
            _ = try clerk.ok("finding", "add", "--year", "2020", "--unit", "区数据资源中心", "--section", "问题", "--text", "运维工单未记录日期。")
            let report = try clerk.ok("report", "--year", "2020")
            let problems = report.components(separatedBy: "## 六、存在的主要问题")[1].components(separatedBy: "## 七")[0]
            #expect(problems.contains("政府采购内部控制制度有待进一步完善"))
            #expect(problems.contains("运维工单未记录日期。"))
            let bad = try clerk.run("finding", "add", "--year", "2020", "--unit", "区数据资源中心", "--section", "gossip", "--text", "x")
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("section \"gossip\": is not one of: duties, scope, organisation, assets, performance, problem, recommendation, data"))
        }
    }

    @Test func longListingsStopAtAThousandRowsInATable() throws {
        try seeded { clerk throws in
            let table = try clerk.ok("order", "list", "--vendor", "美音")
            #expect(table.hasSuffix("The first 1000 work orders; there are more: narrow the filters, or use --limit N or --format csv.\n"))
            #expect(table.split(separator: "\n").count == 1003)
            #expect(try clerk.ok("order", "list", "--vendor", "美音", "--format", "csv").split(separator: "\n").count == 1341)
            #expect(try clerk.ok("order", "list", "--vendor", "美音", "--limit", "5").hasSuffix("\n5 of 1340 work orders\n"))
        }
    }

    @Test func indicatorsKeepLowerBounds() throws {
        try seeded { clerk throws in
            let indicators = try clerk.ok("indicator", "list", "--project", "消费信息", "--format", "csv")
            #expect(indicators.contains(",>9000000,条,900多万条"))
            #expect(indicators.contains(",>3000000,元,300余万元"))
        }
    }

    @Test func seedingTwiceAddsNothing() throws {
        try seeded { clerk throws in
            let before = try clerk.ok("totals", "--year", "2020", "--format", "csv")
            let history = try clerk.ok("history", "--format", "csv")
            #expect(try clerk.ok("seed").contains("already in this database; nothing was added"))
            #expect(try clerk.ok("totals", "--year", "2020", "--format", "csv") == before)
            #expect(try clerk.ok("history", "--format", "csv") == history)
        }
    }

    @Test func checkPassesOnTheSeedAndCatchesADisagreement() throws {
        try seeded { clerk throws in
            let check = try clerk.run("check", "--year", "2020")
            #expect(check.status == 0)
            #expect(check.stdout.contains("50.01万元 is not itemised"))
            #expect(check.stdout.contains("2019年度"))
            #expect(check.stdout.contains("0 errors, 1 warnings, 1 notes."))
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--project", "政务网络", "--category", "终端桌面", "--opened", "2020-12-30 10:00")
            let after = try clerk.run("check", "--year", "2020")
            #expect(after.status == 1)
            #expect(after.stdout.contains("says 1340, but 1341 work orders are recorded"))
            #expect(after.stdout.contains("says 235, but 236 work orders are recorded"))
        }
    }

    @Test func demoCreatesAFreshDatabaseAndNeverOverwrites() throws {
        try withTemporaryFolder { folder throws in
            let first = try drc(["demo"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("Created drc-demo.sqlite"))
            #expect(first.stdout.contains("长沙宜泽信息技术有限责任公司   6789"))
            #expect(first.stdout.contains("0 errors, 1 warnings, 1 notes."))
            let second = try drc(["demo"], in: folder)
            #expect(second.stdout.contains("Created drc-demo-2.sqlite"))
            let explicit = try drc(["demo", "--db", "drc-demo.sqlite"], in: folder)
            #expect(explicit.status == 1)
            #expect(explicit.stderr.contains("already exists"))
        }
    }
}
