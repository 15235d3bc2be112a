import DRCCore
import SQLiteDB
import Testing

/// Service levels: the clock (round the clock, working hours, pending pauses), the minutes and
/// limits stored with each order and kept current, the figures of `totals --measure`, and the
/// monthly 考核. Every expectation is worked out by hand in the comment beside it.
@Suite struct ServiceLevelTests {
    func minute(_ text: String) -> Int64 { ServiceClock.minute(text)! }

    @Test func roundTheClockLessThePendingTime() {
        let clock = ServiceClock(hours: nil, calendar: WorkingDays())
        let opened = minute("2021-03-05 09:00")
        let pending = ServiceClock.Pause(start: minute("2021-03-05 11:00"), end: minute("2021-03-05 13:00"))
        // 09:00 → 15:00 is 360 minutes; pending 11:00–13:00 takes 120 of them: 360 − 120 = 240.
        #expect(clock.elapsed(from: opened, to: minute("2021-03-05 15:00"), pauses: [pending]) == 240)
        // Still pending from 11:00: only 09:00 → 11:00 counts, 120.
        #expect(clock.elapsed(from: opened, to: minute("2021-03-05 15:00"), pauses: [.init(start: minute("2021-03-05 11:00"), end: nil)]) == 120)
        // Across midnight: 23:50 → 00:20 is 30.
        #expect(clock.elapsed(from: minute("2021-03-05 23:50"), to: minute("2021-03-06 00:20"), pauses: []) == 30)
        // A date alone has no minute: unknown, never 0.
        #expect(ServiceClock.minute("2021-03-05") == nil)
        #expect(ServiceClock.minute("2021-03-05 24:00") == nil)
        // An end before the start is no measure.
        #expect(clock.elapsed(from: opened, to: opened - 1, pauses: []) == nil)
    }

    @Test func workingHoursOnWorkingDaysOnly() throws {
        let hours = try #require(ServiceHours("08:30-17:30"))
        #expect(hours.start == 510 && hours.end == 1050)
        #expect(ServiceHours("17:30-08:30") == nil && ServiceHours("8:30-17:30") == nil && ServiceHours("08:30-24:01") == nil)
        // Friday 2021-03-05 16:30 → Monday 2021-03-08 09:30: Friday 16:30–17:30 is 60, the
        // weekend counts nothing, Monday 08:30–09:30 is 60: 120.
        let plain = ServiceClock(hours: hours, calendar: WorkingDays())
        let friday = minute("2021-03-05 16:30"), monday = minute("2021-03-08 09:30")
        #expect(plain.counted(from: friday, to: monday) == 120)
        // With Saturday 03-06 worked (调休) and Monday 03-08 a holiday: 60 + 540 (08:30–17:30) + 0 = 600.
        let saturday = try #require(DayNumber.of("2021-03-06")), mondayDay = try #require(DayNumber.of("2021-03-08"))
        let shifted = ServiceClock(hours: hours, calendar: WorkingDays(holidays: [mondayDay], workdays: [saturday]))
        #expect(shifted.counted(from: friday, to: monday) == 600)
        // Before opening hours nothing counts: Friday 07:00 → 08:00 is 0.
        #expect(plain.counted(from: minute("2021-03-05 07:00"), to: minute("2021-03-05 08:00")) == 0)
        // A pause inside working hours is taken out at working-hours rates: Friday 09:00 → 17:30
        // is 510, pending 12:00–18:30 takes 12:00–17:30 = 330 of it: 510 − 330 = 180.
        #expect(plain.elapsed(from: minute("2021-03-05 09:00"), to: minute("2021-03-05 17:30"),
                              pauses: [.init(start: minute("2021-03-05 12:00"), end: minute("2021-03-05 18:30"))]) == 180)
    }

    /// The stored minutes, limits and policy of order `id`: [response, limit, arrival, limit, fix, limit, policy].
    func stored(_ store: Store, _ id: Int64) throws -> [Int64?] {
        let row = try #require(try store.db.rows("""
            SELECT response_minutes, response_limit, arrival_minutes, arrival_limit, fix_minutes, fix_limit,
                   (SELECT name FROM sla_policy WHERE id = sla_policy_id) FROM work_order WHERE id = ?
            """, id).first)
        return (0..<6).map { row[$0].int64 } + [row[6].string == nil ? nil : try store.db.scalar("SELECT sla_policy_id FROM work_order WHERE id = ?", id)?.int64]
    }

    func policyID(_ store: Store, _ name: String) throws -> Int64? {
        try store.db.scalar("SELECT id FROM sla_policy WHERE name = ?", name)?.int64
    }

    @Test func eachOrderKeepsItsMinutesAndLimits() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            let urgent = try policyID(store, "默认-紧急"), high = try policyID(store, "默认-高"), medium = try policyID(store, "默认-中")
            // Default 紧急: 30 / 120 / 120. Opened 09:00, responded 09:20 (20), arrived 10:30 (90), restored 12:00 (180).
            let one = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-02 09:00", "priority": "紧急",
                                      "responded": "2021-03-02 09:20", "arrived": "2021-03-02 10:30", "restored": "2021-03-02 12:00"])
            #expect(try stored(store, one) == [20, 30, 90, 120, 180, 120, urgent])
            // From the lifecycle: responded is the first assign (10:00, 60 after 09:00); restored is the
            // solve (15:00: 360 less pending 11:00–13:00, 120: 240); no arrival. Default 高: 120 / 240 / 240.
            let two = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-05 09:00", "priority": "high"])
            let lifecycle = WorkOrderLifecycle(store: store, actor: "clerk")
            try lifecycle.apply(.assign, to: two, at: "2021-03-05 10:00")
            try lifecycle.apply(.pend, to: two, at: "2021-03-05 11:00")
            try lifecycle.apply(.assign, to: two, at: "2021-03-05 13:00")
            try lifecycle.apply(.solve, to: two, at: "2021-03-05 15:00")
            #expect(try stored(store, two) == [60, 120, nil, 240, 240, 240, high])
            // A date alone: minutes unknown, the policy's limits known (默认-中: 240 / 480 / 1440).
            let three = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-05", "priority": "中",
                                        "responded": "2021-03-05"])
            #expect(try stored(store, three) == [nil, 240, nil, 480, nil, 1440, medium])
            // No priority, no policy: minutes still counted round the clock (09:00 → 09:10 is 10), limits unknown.
            let four = try orders.add(["vendor": "仕贤", "category": "全区网络故障", "opened": "2021-03-05 09:00", "responded": "2021-03-05 09:10"])
            #expect(try stored(store, four) == [10, nil, nil, nil, nil, nil, nil])
            // An edit computes them again: restored cleared, the solve time is gone too (never solved), so fix is unknown.
            try orders.edit(one, set: [:], clearing: ["restored"])
            #expect(try stored(store, one) == [20, 30, 90, 120, nil, 120, urgent])
            // A time before the opening is refused, naming the field; nothing is written.
            expectInvalid("responded", value: "2021-03-02 08:59", reason: .beforeOrderEvent(field: "opened", at: "2021-03-02 09:00")) { try orders.edit(one, set: ["responded": "2021-03-02 08:59"]) }
            #expect(try stored(store, one) == [20, 30, 90, 120, nil, 120, urgent])
        }
    }

    @Test func theMostSpecificPolicyWinsAndChangesReachTheOrders() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let policies = fixture.repository(.servicePolicy)
            let order = try fixture.repository(.order).add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-02 09:00",
                                                            "priority": "urgent", "responded": "2021-03-02 09:20", "restored": "2021-03-02 12:00"])
            // 美音's own 紧急 policy outranks the default: its response limit 15 now holds (20 > 15).
            let vendorPolicy = try policies.add(["name": "美音-紧急", "priority": "紧急", "vendor": "美音", "response-limit": "15", "fix-limit": "240"])
            #expect(try stored(store, order) == [20, 15, nil, nil, 180, 240, vendorPolicy])
            // 美音 and the category outrank 美音 alone (specificity 2 + 1 = 3 against 2).
            let narrow = try policies.add(["name": "美音-网络-紧急", "priority": "紧急", "vendor": "美音", "category": "全区网络故障", "response-limit": "25"])
            #expect(try stored(store, order) == [20, 25, nil, nil, 180, nil, narrow])
            try policies.delete(narrow)
            #expect(try stored(store, order) == [20, 15, nil, nil, 180, 240, vendorPolicy])
            // Working hours 08:30–17:30 on Tuesday 2021-03-02: 09:00 → 09:20 is still 20, 09:00 → 12:00 still 180 …
            try policies.edit(vendorPolicy, set: ["hours": "08:30-17:30"])
            #expect(try stored(store, order) == [20, 15, nil, nil, 180, 240, vendorPolicy])
            // … until the calendar makes that Tuesday a holiday: nothing of it counts, 0 and 0.
            try fixture.repository(.calendarDay).add(["day": "2021-03-02", "kind": "holiday"])
            #expect(try stored(store, order) == [0, 15, nil, nil, 0, 240, vendorPolicy])
            // A second policy for the same priority and scope is refused, naming the one there is.
            expectInvalid("priority", reason: .samePolicyScope("美音-紧急")) { try policies.add(["name": "又一个", "priority": "urgent", "vendor": "美音"]) }
            expectInvalid("hours", value: "8-17", reason: .notWorkingHours) { try policies.add(["name": "坏", "priority": "low", "vendor": "美音", "hours": "8-17"]) }
            expectInvalid("response-limit", value: "0", reason: .notPositive) { try policies.add(["name": "零", "priority": "low", "vendor": "美音", "response-limit": "0"]) }
        }
    }

    @Test func meanMedianPercentileAndRateByHand() {
        var odd = ServiceFigures.Measure()
        odd.known = 5
        odd.sum = 200
        odd.histogram = [(10, 1), (20, 1), (30, 1), (40, 1), (100, 1)]
        // Mean 200 / 5 = 40.0; median the 3rd of 5, 30; p90 the value at rank ⌈0.9 × 5⌉ = 5, 100.
        #expect(odd.meanTenths == 400 && ServiceFigures.halves(odd.medianHalves!) == "30" && odd.p90 == 100)
        var even = ServiceFigures.Measure()
        even.known = 4
        even.sum = 105
        even.histogram = [(10, 1), (20, 1), (35, 1), (40, 1)]
        // Mean 105 / 4 = 26.25 → 26.3 (half up); median (20 + 35) / 2 = 27.5; p90 at rank ⌈3.6⌉ = 4, 40.
        #expect(ServiceFigures.tenths(even.meanTenths!) == "26.3" && ServiceFigures.halves(even.medianHalves!) == "27.5" && even.p90 == 40)
        var repeated = ServiceFigures.Measure()
        repeated.known = 4
        repeated.histogram = [(5, 3), (50, 1)]
        // Sorted 5, 5, 5, 50: median (5 + 5) / 2 = 5; p90 rank 4: 50.
        #expect(ServiceFigures.halves(repeated.medianHalves!) == "5" && repeated.p90 == 50)
        var rate = ServiceFigures.Measure()
        rate.met = 2
        rate.measured = 3
        // 2 / 3 = 66.67% → 66.7%; nothing measured is unknown, not 0%.
        #expect(ServiceFigures.tenths(rate.rateTenths!) == "66.7" && ServiceFigures.Measure().rateTenths == nil)
    }

    @Test func totalsCountUnknownsApart() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            // 美音: responses of 20 and 40 minutes (紧急, limit 30: one met), one order with a date alone (unknown).
            for (opened, responded) in [("2021-03-02 09:00", "2021-03-02 09:20"), ("2021-03-03 09:00", "2021-03-03 09:40"), ("2021-03-04", "2021-03-04")] {
                try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": opened, "priority": "urgent", "responded": responded])
            }
            // And a response of 10 minutes with no priority, so no policy and no limit: known, but not measured.
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-05 09:00", "responded": "2021-03-05 09:10"])
            let table = try ServiceLevelTotals.compute(store.db, WorkOrderTotals.Query(years: [2021]), figures: [.count, .response, .sla])
            let row = try #require(table.rows.first).map(\.text)
            let value = { (column: String) in row[table.columns.firstIndex(of: column)!] }
            // 4 orders; 3 known, 1 unknown; mean (20 + 40 + 10) / 3 = 23.3, median of 10, 20, 40 is 20, p90 rank ⌈2.7⌉ = 3: 40.
            #expect([value("count"), value("response_known"), value("response_unknown"), value("response_mean"), value("response_median"),
                     value("response_p90")] == ["4", "3", "1", "23.3", "20", "40"])
            // Met 1 of 2 measured: 50.0%; the unknown one and the one without a limit are unmeasured, not breached.
            #expect([value("response_met"), value("response_measured"), value("response_percent"), value("response_unmeasured")] == ["1", "2", "50.0", "2"])
            // No arrival times: nothing measured, the rate unknown (empty), all 4 unmeasured.
            #expect([value("arrival_measured"), value("arrival_percent"), value("arrival_unmeasured")] == ["0", "", "4"])
        }
    }

    @Test func monthlyScoresTakeTheDeductionsAsData() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            // 美音's 紧急: response within 10, 0.5 points per late response; fix within 60, 60 points per late fix.
            _ = try fixture.repository(.servicePolicy).add(["name": "美音-紧急", "priority": "urgent", "vendor": "美音", "response-limit": "10",
                                                            "response-deduction": "0.5", "fix-limit": "60", "fix-deduction": "60"])
            // March: three late responses (20 > 10), no fix time: 3 × 0.5 = 1.5 points, 100 − 1.5 = 98.5.
            for day in 1...3 {
                try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-0\(day) 09:00", "priority": "urgent", "responded": "2021-03-0\(day) 09:20"])
            }
            // April: two late fixes (120 > 60) and two responses in time (5): 2 × 60 = 120 points, floored at 0.
            for day in 1...2 {
                try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-04-0\(day) 09:00", "priority": "urgent",
                                "responded": "2021-04-0\(day) 09:05", "restored": "2021-04-0\(day) 11:00"])
            }
            let assessment = try ServiceAssessment(store.db, year: 2021)
            #expect(assessment.months.map(\.month) == ["2021-03", "2021-04"])
            #expect(assessment.months.map(\.deductionPoints.text) == ["1.5", "120"])
            #expect(assessment.months.map { $0.score?.text } == ["98.5", "0"])
            #expect(assessment.months.map(\.measured) == [3, 2])
            #expect(assessment.months.map { $0.breaches[.response] ?? -1 } == [3, 0] && assessment.months.map { $0.breaches[.fix] ?? -1 } == [0, 2])
            // One breach line per late measure: 3 responses and 2 fixes.
            #expect(assessment.breaches.map(\.measure) == [.response, .response, .response, .fix, .fix])
            #expect(assessment.breaches.last.map { [$0.minutes, $0.limit] } == [120, 60])
        }
    }

    @Test func remoteFixesAndMissingArrivalsAreToldApart() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            // Three 紧急 orders under 默认-紧急 (arrival within 120): one on site at 09:50 (50 ≤ 120, met),
            // one fixed remotely (no arrival expected), one whose arrival nobody recorded.
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-02 09:00", "priority": "urgent", "arrived": "2021-03-02 09:50"])
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-03 09:00", "priority": "urgent", "remote": "是"])
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-04 09:00", "priority": "urgent"])
            let table = try ServiceLevelTotals.compute(store.db, WorkOrderTotals.Query(years: [2021]), figures: [.count, .sla])
            let row = try #require(table.rows.first).map(\.text)
            let value = { (column: String) in row[table.columns.firstIndex(of: column)!] }
            // 3 orders: arrival measured 1, met 1 (100.0%); 1 remote; 3 − 1 − 1 = 1 unmeasured (the missing arrival).
            #expect([value("count"), value("arrival_met"), value("arrival_measured"), value("arrival_percent"), value("arrival_remote"),
                     value("arrival_unmeasured")] == ["3", "1", "1", "100.0", "1", "1"])
            // A remote fix is no excuse for the other measures: response and fix count it as any order.
            #expect(value("response_unmeasured") == "3" && value("fix_unmeasured") == "3")
            // A remote fix with an arrival time is a contradiction, refused on either side.
            expectInvalid("arrived", reason: .remoteFixArrived) { try orders.edit(2, set: ["arrived": "2021-03-03 10:00"]) }
            expectInvalid("arrived", reason: .remoteFixArrived) { try orders.edit(1, set: ["remote": "yes"]) }
        }
    }

    @Test func aMonthWithNothingMeasuredHasNoScore() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            // May: five orders with their times but no priority, so no policy and no limit: 5 orders,
            // 0 measured, 0 breaches. No data is no score: nil, not 100 − 0 = 100.
            for day in 1...5 {
                try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-05-0\(day) 09:00", "responded": "2021-05-0\(day) 09:20"])
            }
            // June: one of two orders measured (紧急 under 默认-紧急: response 5 within its limit 30, met),
            // the other without a priority: 1 of 2 measured, no breach, 100 − 0 = 100.
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-06-01 09:00", "priority": "urgent", "responded": "2021-06-01 09:05"])
            try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-06-02 09:00", "responded": "2021-06-02 09:05"])
            let assessment = try ServiceAssessment(store.db, year: 2021)
            #expect(assessment.months.map(\.month) == ["2021-05", "2021-06"])
            #expect(assessment.months.map(\.orders) == [5, 2] && assessment.months.map(\.measured) == [0, 1])
            #expect(assessment.months.map { $0.score?.text } == [nil, "100"])
            let table = assessment.table()
            #expect(table.columns.suffix(2) == ["deduction", "score"])
            #expect(table.rows[0].suffix(2) == [.null, .word(key: "no data", ServiceLevelWords.noData)])
            #expect(table.rows[0][table.columns.firstIndex(of: "measured")!] == .number("0"))
            #expect(table.rows[0].last?.text(in: .zh) == "无考核数据")
        }
    }

    /// The met flags (migration 18) of order `id`: [response, arrival, fix], 1 met, 0 breached, nil unmeasured.
    func met(_ store: Store, _ id: Int64) throws -> [Int64?] {
        let row = try #require(try store.db.rows("SELECT response_met, arrival_met, fix_met FROM work_order WHERE id = ?", id).first)
        return (0..<3).map { row[$0].int64 }
    }

    @Test func eachOrderKeepsWhetherItMetItsLimits() throws {
        try withStore { store throws in
            let fixture = try Fixture(store)
            let orders = fixture.repository(.order)
            // Default 紧急: 30 / 120 / 120. Response 20 ≤ 30 met, arrival 90 ≤ 120 met, fix 180 > 120 breached.
            let one = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-02 09:00", "priority": "紧急",
                                      "responded": "2021-03-02 09:20", "arrived": "2021-03-02 10:30", "restored": "2021-03-02 12:00"])
            #expect(try met(store, one) == [1, 1, 0])
            // Responded at 09:31 is 31 > 30: breached; no arrival: unmeasured; restored 10:00 is 60 ≤ 120: met.
            try orders.edit(one, set: ["responded": "2021-03-02 09:31", "restored": "2021-03-02 10:00"], clearing: ["arrived"])
            #expect(try met(store, one) == [0, nil, 1])
            // A date alone has no minutes: nothing measured.
            let dated = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2021-03-02", "priority": "紧急"])
            #expect(try met(store, dated) == [nil, nil, nil])
            // A flag that disagrees with its minutes and limit is refused, whoever writes it.
            #expect(throws: SQLiteError.self) { try store.db.run("UPDATE work_order SET response_met = 1 WHERE id = ?", one) }
            #expect(throws: SQLiteError.self) { try store.db.run("UPDATE work_order SET arrival_met = 0 WHERE id = ?", one) }
            #expect(throws: SQLiteError.self) { try store.db.run("UPDATE work_order SET fix_minutes = 121 WHERE id = ?", one) }
        }
    }

    /// Migration 18 gives the orders stored by migration 17 their flags, and the totals' index
    /// carries them.
    @Test func theMigrationFlagsTheOrdersAlreadyMeasured() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/v17.sqlite"
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: MigrationRegistry.all.filter { $0.version <= 17 }).migrate(db)
                try db.execute("""
                    INSERT INTO vendor (id, name) VALUES (1, '示例供应商（虚构）');
                    INSERT INTO category (id, name) VALUES (1, '示例类别');
                    INSERT INTO work_order (id, year, vendor_id, category_id, status, opened_at, source,
                                            response_minutes, response_limit, arrival_minutes, arrival_limit, fix_minutes, fix_limit) VALUES
                        (1, 2021, 1, 1, 'solved', '2021-03-02 09:00', 'test', 20, 30, 90, 120, 180, 120),
                        (2, 2021, 1, 1, 'solved', '2021-03-02 09:00', 'test', 30, 30, NULL, 120, 200, NULL),
                        (3, 2021, 1, 1, 'new', '2021-03-02', 'test', NULL, 30, NULL, NULL, NULL, 120);
                    """)
            }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 18))
            // Order 1: 20 ≤ 30, 90 ≤ 120, 180 > 120. Order 2: 30 ≤ 30 met; no arrival; no fix limit.
            // Order 3: no minutes at all. The minutes and limits are as they were.
            #expect(try met(store, 1) == [1, 1, 0] && met(store, 2) == [1, nil, nil] && met(store, 3) == [nil, nil, nil])
            let two = try #require(try store.db.rows("SELECT response_minutes, arrival_minutes, fix_minutes, fix_limit FROM work_order WHERE id = 2").first)
            #expect((0..<4).map { two[$0].int64 } == [30, nil, 200, nil])
            let index = try store.db.scalar("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'work_order_totals'")?.string ?? ""
            #expect(index.contains("response_met") && index.contains("fix_met") && !index.contains("_limit"), "\(index)")
            #expect(try store.db.scalar("SELECT count(*) FROM sqlite_temp_master") == .integer(0))
        }
    }
}
