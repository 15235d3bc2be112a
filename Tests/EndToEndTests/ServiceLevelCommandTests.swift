import Foundation
import Testing

/// Service levels as a clerk meets them through the built `drc`: a policy with working hours,
/// orders with their times and statuses, `totals --measure`, `sla --by month` and its breaches,
/// the Chinese CSV headers, the report's section, and bad input refused. The orders are
/// fictional; every figure is worked out by hand beside it.
@Suite struct ServiceLevelCommandTests {
    /// Orders 1–4:
    /// 1. 美音 紧急, Monday 2021-03-01 09:00; responded 09:10, arrived 09:50, restored 10:30.
    ///    美音-紧急 (08:30–17:30 on working days): response 10, arrival 50, fix 90: all met (15/60/120).
    /// 2. 美音 紧急, Friday 2021-03-05 17:00; responded 17:20, arrived Monday 03-08 09:00, restored 10:00.
    ///    Response 17:00–17:20 = 20 > 15: a breach (0.5 points). Arrival: Friday 17:00–17:30 = 30 and
    ///    Monday 08:30–09:00 = 30: 60, met. Fix: 30 + 08:30–10:00 = 90: 120, met.
    /// 3. 美音 高, Thursday 2021-04-01 09:00, the default 高 policy (120/240/240, round the clock, 1
    ///    point): assigned 11:30 (response 150 > 120, a breach), pending 12:00–14:00, solved 15:00:
    ///    fix 360 − 120 = 240, met; no arrival.
    /// 4. 仕贤 中, 2021-03-10 (a date alone): every minute unknown.
    func withOrders(_ body: (Clerk) throws -> Void) throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("vendor", "add", "--name", "长沙仕贤计算机有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            _ = try clerk.ok("sla-policy", "add", "--name", "美音-紧急", "--priority", "紧急", "--vendor", "美音", "--response-limit", "15",
                             "--arrival-limit", "60", "--fix-limit", "120", "--hours", "08:30-17:30", "--response-deduction", "0.5",
                             "--arrival-deduction", "2")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--priority", "紧急", "--opened", "2021-03-01 09:00",
                             "--responded", "2021-03-01 09:10", "--arrived", "2021-03-01 09:50", "--restored", "2021-03-01 10:30")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--priority", "urgent", "--opened", "2021-03-05 17:00",
                             "--responded", "2021-03-05 17:20", "--arrived", "2021-03-08 09:00", "--restored", "2021-03-08 10:00")
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--priority", "高", "--opened", "2021-04-01 09:00")
            _ = try clerk.ok("order", "assign", "3", "--at", "2021-04-01 11:30")
            _ = try clerk.ok("order", "pend", "3", "--at", "2021-04-01 12:00")
            _ = try clerk.ok("order", "assign", "3", "--at", "2021-04-01 14:00")
            _ = try clerk.ok("order", "solve", "3", "--at", "2021-04-01 15:00")
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "全区网络故障", "--priority", "中", "--opened", "2021-03-10")
            try body(clerk)
        }
    }

    @Test func totalsMeasureTimesAndCompliance() throws {
        try withOrders { clerk throws in
            // 美音: responses 10, 20, 150: mean 180 / 3 = 60.0, median 20, p90 at rank ⌈2.7⌉ = 3: 150;
            // met 1 of 3 (33.3%); arrivals met 2 of 2, order 3 unmeasured; fixes met 3 of 3.
            // 仕贤: one order, nothing known: unknown and unmeasured, no mean, no rate (not 0).
            #expect(try clerk.ok("totals", "--year", "2021", "--measure", "count,response,sla", "--format", "csv") == """
                vendor,count,response_known,response_unknown,response_mean,response_median,response_p90,response_met,response_measured,response_percent,response_unmeasured,arrival_met,arrival_measured,arrival_percent,arrival_remote,arrival_unmeasured,fix_met,fix_measured,fix_percent,fix_unmeasured
                湖南美音网络技术有限公司,3,3,0,60.0,20,150,1,3,33.3,0,2,2,100.0,0,1,3,3,100.0,0
                长沙仕贤计算机有限公司,1,0,1,,,,0,0,,1,0,0,,0,1,0,0,,1

                """)
            // The same figures in JSON, numbers as numbers and the unknown as null.
            let json = try clerk.ok("totals", "--year", "2021", "--measure", "response,sla", "--format", "json")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(rows.count == 2)
            #expect((rows[0]["response_mean"] as? Double) == 60.0 && (rows[0]["response_percent"] as? Double) == 33.3)
            #expect(rows[1]["response_mean"] is NSNull && rows[1]["response_percent"] is NSNull && (rows[1]["response_unknown"] as? Int) == 1)
            // Fix times by month: March 90 and 120 (mean 105.0, median 105, p90 120), April 240; 仕贤's unknown one in March.
            #expect(try clerk.ok("totals", "--year", "2021", "--by", "month", "--measure", "fix", "--format", "csv") == """
                month,fix_known,fix_unknown,fix_mean,fix_median,fix_p90
                2021-03,2,1,105.0,105,120
                2021-04,1,0,240.0,240,240

                """)
            // The table's total row adds up every group: 4 orders, 1 of 4 responses unknown.
            let table = try clerk.ok("totals", "--year", "2021", "--measure", "count,response")
            #expect(try #require(table.split(separator: "\n").last).split(separator: " ").prefix(4) == ["total", "4", "3", "1"])
            // The filters are the totals': only 美音's 紧急 category.
            #expect(try clerk.ok("totals", "--year", "2021", "--vendor", "仕贤", "--measure", "count", "--format", "csv") == "vendor,count\n长沙仕贤计算机有限公司,1\n")
        }
    }

    @Test func monthlyScoresAndTheBreachesBehindThem() throws {
        try withOrders { clerk throws in
            // March: 美音 order 2's late response, 0.5 points: 99.5 (2 of 2 orders measured). April: order 3's
            // late response under the default 高 policy, 1 point: 99 (1 of 1). 仕贤 in March: 1 order, 0
            // measured (a date alone, no minutes): no score, never 100.
            #expect(try clerk.ok("sla", "--year", "2021", "--by", "month", "--format", "csv") == """
                vendor,month,orders,measured,response_breaches,arrival_breaches,fix_breaches,deduction,score
                湖南美音网络技术有限公司,2021-03,2,2,1,0,0,0.5,99.5
                湖南美音网络技术有限公司,2021-04,1,1,1,0,0,1,99
                长沙仕贤计算机有限公司,2021-03,1,0,0,0,0,,no data

                """)
            #expect(try clerk.ok("sla", "--year", "2021", "--vendor", "美音", "--detail", "--format", "csv") == """
                order,ticket,vendor,month,priority,measure,minutes,limit,deduction
                2,,湖南美音网络技术有限公司,2021-03,urgent,response,20,15,0.5
                3,,湖南美音网络技术有限公司,2021-04,high,response,150,120,1

                """)
            let chinese = try clerk.ok("--lang", "zh", "sla", "--year", "2021", "--detail")
            #expect(chinese.contains("考核项") && chinese.contains("响应") && chinese.contains("紧急"), "\(chinese)")
            let months = try clerk.ok("--lang", "zh", "sla", "--year", "2021")
            #expect(months.contains("无考核数据") && months.contains("已考核工单"), "\(months)")
            // A policy's deduction is data: 2 points per late response for 美音's 紧急 orders makes March 98.
            _ = try clerk.ok("sla-policy", "edit", "美音-紧急", "--response-deduction", "2")
            #expect(try clerk.ok("sla", "--year", "2021", "--vendor", "美音", "--format", "csv").contains("2021-03,2,2,1,0,0,2,98\n"))
        }
    }

    /// Order 3 (no arrival) marked as a remote fix: no arrival expected, counted apart from an
    /// arrival nobody recorded, through `order edit`, an imported file and the report.
    @Test func aRemoteFixIsNotAMissingArrival() throws {
        try withOrders { clerk throws in
            _ = try clerk.ok("order", "edit", "3", "--remote", "是")
            // 美音: arrivals measured 2 (orders 1, 2), 1 remote (order 3), 0 missing.
            let sla = try clerk.ok("totals", "--year", "2021", "--vendor", "美音", "--measure", "sla", "--format", "csv")
            #expect(sla.contains("\n湖南美音网络技术有限公司,1,3,33.3,0,2,2,100.0,1,0,3,3,100.0,0\n"), "\(sla)")
            // From a file, in the clerk's words: one remote fix, one arrival missing.
            try """
                供应商,服务类别,报修时间,优先级,远程处理
                美音,全区网络故障,2021-05-06 09:00,紧急,是
                美音,全区网络故障,2021-05-07 09:00,紧急,否

                """.write(toFile: clerk.folder + "/may.csv", atomically: true, encoding: .utf8)
            _ = try clerk.ok("import", "orders", clerk.folder + "/may.csv")
            let again = try clerk.ok("totals", "--year", "2021", "--vendor", "美音", "--measure", "sla", "--format", "csv")
            // 5 orders: arrival measured 2, remote 2 (order 3 and the first of May), 5 − 2 − 2 = 1 missing.
            #expect(again.contains(",2,2,100.0,2,1,"), "\(again)")
            let chinese = try clerk.ok("--lang", "zh", "totals", "--year", "2021", "--measure", "sla")
            #expect(chinese.contains("远程处理（不需到场）") && chinese.contains("到场未考核"), "\(chinese)")
            // A remote fix with an arrival time is refused, naming the field, and nothing changes.
            let refused = try clerk.run("--lang", "zh", "order", "edit", "3", "--arrived", "2021-04-01 10:00")
            #expect(refused.status == 1 && refused.stderr.contains("到场时间\"2021-04-01 10:00\"：与“远程处理”矛盾"), "\(refused.stderr)")
            #expect(try clerk.ok("order", "show", "3", "--format", "json").contains("\"arrived\":null"))
        }
    }

    @Test func badInputIsNamedAndNothingIsWritten() throws {
        try withOrders { clerk throws in
            let measure = try clerk.run("totals", "--year", "2021", "--measure", "count,speed")
            #expect(measure.status == 64 && measure.stderr.contains("--measure: \"speed\" is not one of: count, response, arrival, fix, sla"), "\(measure.stderr)")
            let years = try clerk.run("totals", "--year", "2020-2021", "--measure", "sla")
            #expect(years.status == 64 && years.stderr.contains("--measure takes one year"), "\(years.stderr)")
            let period = try clerk.run("sla", "--year", "2021", "--by", "week")
            #expect(period.status == 64 && period.stderr.contains("--by: \"week\" is not one of: month"), "\(period.stderr)")
            let hours = try clerk.run("sla-policy", "add", "--name", "夜间", "--priority", "low", "--hours", "18:00-08:00")
            #expect(hours.status == 1 && hours.stderr.contains("hours \"18:00-08:00\"") && hours.stderr.contains("08:30-17:30"), "\(hours.stderr)")
            let priority = try clerk.run("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--priority", "特急", "--opened", "2021-03-01")
            #expect(priority.status == 1 && priority.stderr.contains("priority \"特急\""), "\(priority.stderr)")
            let early = try clerk.run("order", "edit", "1", "--restored", "2021-03-01 08:00")
            #expect(early.status == 1 && early.stderr.contains("restored \"2021-03-01 08:00\""), "\(early.stderr)")
            // Nothing half-written: five policies (four defaults and 美音's), order 1 restored as it was.
            #expect(try clerk.ok("sla-policy", "list", "--format", "csv").split(separator: "\n").count == 6)
            #expect(try clerk.ok("order", "show", "1", "--format", "json").contains("\"restored\":\"2021-03-01 10:30\""))
        }
    }

    @Test func chineseHeadersCarryThePriorityAndTimes() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("vendor", "add", "--name", "湖南美音网络技术有限公司")
            _ = try clerk.ok("category", "add", "--name", "全区网络故障")
            try """
                供应商,服务类别,报修时间,优先级,响应时间,到场时间,恢复时间
                美音,全区网络故障,2021-03-01 09:00,紧急,2021-03-01 09:10,,2021-03-01 10:00
                美音,全区网络故障,2021-03-02 09:00,低,,,

                """.write(toFile: clerk.folder + "/orders.csv", atomically: true, encoding: .utf8)
            _ = try clerk.ok("import", "orders", clerk.folder + "/orders.csv")
            // Default 紧急 (30/120/120): response 10, fix 60, no arrival.
            let shown = try clerk.ok("order", "show", "1", "--format", "json")
            #expect(shown.contains("\"response_minutes\":10,\"response_limit\":30,\"arrival_minutes\":null,\"arrival_limit\":120,\"fix_minutes\":60,\"fix_limit\":120"), "\(shown)")
            let exported = try clerk.ok("export", "orders", "--headers", "en")
            #expect(exported.hasPrefix("id,year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source,ticket,requester,phone,contract,priority,responded,arrived,restored,remote\n"))
            #expect(exported.contains(",urgent,2021-03-01 09:10,,2021-03-01 10:00,no\n") && exported.contains(",low,,,,no\n"), "\(exported)")
            #expect(try clerk.ok("export", "orders", "--headers", "zh").hasPrefix("id,年度,供应商,项目,服务类别,报修单位,状态,报修时间,解决时间,关闭时间,故障描述,处理结果,来源,工单号,报修人,联系电话,合同,优先级,响应时间,到场时间,恢复时间,远程处理\n"))
            // A bad priority in a file names the line's column and value, and nothing is imported.
            try "供应商,服务类别,报修时间,优先级\n美音,全区网络故障,2021-03-03 09:00,特急\n".write(toFile: clerk.folder + "/bad.csv", atomically: true, encoding: .utf8)
            let bad = try clerk.run("import", "orders", clerk.folder + "/bad.csv")
            #expect(bad.status == 1 && bad.stderr.contains("priority") && bad.stderr.contains("特急"), "\(bad.stderr)")
            #expect(try clerk.ok("order", "list", "--format", "csv").split(separator: "\n").count == 3)
        }
    }

    @Test func theReportHasASectionOnlyWhenThereIsServiceLevelData() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            #expect(!(try clerk.ok("report", "--year", "2020")).contains("运维服务级别情况"))
            _ = try clerk.ok("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--priority", "紧急", "--opened", "2020-12-01 09:00",
                             "--responded", "2020-12-01 09:20", "--restored", "2020-12-01 13:00")
            let report = try clerk.ok("report", "--year", "2020")
            let after = try #require(report.components(separatedBy: "## 附件1　运维服务级别情况").dropFirst().first)
            let section = try #require(after.components(separatedBy: "## 附件2　数据说明").first)
            // 1 order with data of 9425 (the seed's 9424 and this one): response 20 ≤ 30 met (1/1), fix 240 > 120 (0/1).
            #expect(section.contains("本年度工单9425条，其中有服务级别数据的1条；响应及时率100.0%（9425条中考核1条，达标1条）、"
                                     + "到场未考核（9425条中考核0条）和修复及时率0.0%（9425条中考核1条，达标0条）。"), "\(section)")
            #expect(section.contains("| 湖南美音网络技术有限公司 | 1341 | 100.0% | 未考核 | 0.0% | 20.0 | 240.0 |"))
            // 1 order, 1 measured, 1 breach, 1 point: 99.
            #expect(section.contains("| 湖南美音网络技术有限公司 | 12月 | 1 | 1 | 1 | 1 | 99 |"), "\(section)")
            let latin = section.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            #expect(latin.isEmpty, "\(String(String.UnicodeScalarView(latin)))")
        }
    }
}
