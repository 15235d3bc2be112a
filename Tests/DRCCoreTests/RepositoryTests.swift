import DRCCore
import SQLiteDB
import Testing

/// A small set of reference records for the repository tests.
struct Fixture {
    let store: Store
    let centre: Int64, office: Int64, meiyin: Int64, shixian: Int64, network: Int64, project: Int64

    init(_ store: Store) throws {
        self.store = store
        let units = RecordRepository(store: store, kind: .unit, actor: "test")
        centre = try units.add(["name": "长沙市芙蓉区数据资源中心", "short-name": "区数据资源中心", "posts": "9", "staff": "5"])
        office = try units.add(["name": "办公室", "parent": "区数据资源中心"])
        let vendors = RecordRepository(store: store, kind: .vendor, actor: "test")
        meiyin = try vendors.add(["name": "湖南美音网络技术有限公司"])
        shixian = try vendors.add(["name": "长沙仕贤计算机有限公司"])
        network = try RecordRepository(store: store, kind: .category, actor: "test").add(["name": "全区网络故障"])
        project = try RecordRepository(store: store, kind: .project, actor: "test")
            .add(["name": "全区政务网络运维服务项目", "unit": "区数据资源中心", "vendors": "美音", "first-year": "2020"])
    }

    func repository(_ kind: RecordKind) -> RecordRepository {
        RecordRepository(store: store, kind: kind, actor: "clerk")
    }

    func count(_ table: String) throws -> Int64 {
        try store.db.scalar("SELECT count(*) FROM \(table)")?.int64 ?? -1
    }
}

@Suite struct UnitRepositoryTests {
    @Test func buildsATreeAndRefusesCycles() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let units = f.repository(.unit)
            #expect(try units.row(f.office).int64("parent_id") == f.centre)
            expectInvalid("parent", value: "#\(f.office)", reason: .unitBelowItself) { try units.edit(f.centre, set: ["parent": "办公室"]) }
            expectInvalid("parent", value: "#\(f.centre)", reason: .unitBelowItself) { try units.edit(f.centre, set: ["parent": "区数据资源中心"]) }
            #expect(try units.row(f.centre)["parent_id"] == .null)
        }
    }

    @Test func refusesDuplicatesAndNegativeCounts() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let units = f.repository(.unit)
            #expect(throws: DRCError.duplicate(kind: .unit, field: "name", value: "办公室")) {
                try units.add(["name": "办公室", "parent": "区数据资源中心"])
            }
            // Another unit may have an office of the same name.
            _ = try units.add(["name": "办公室"])
            expectInvalid("staff", value: "-1", reason: .negativeCount) { try units.add(["name": "x", "staff": "-1"]) }
            #expect(try f.count("unit") == 3)
        }
    }

    @Test func refusesDeletingAUnitWithUnitsBelow() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            #expect(throws: DRCError.deleteRefused(kind: .unit, id: f.centre, referredBy: [Referrers(noun: RecordKind.project.noun, count: 1), Referrers(noun: RecordKind.unit.noun, count: 1)])) {
                try f.repository(.unit).delete(f.centre)
            }
            try f.repository(.unit).delete(f.office)
            #expect(try f.count("unit") == 1)
        }
    }
}

@Suite struct VendorRepositoryTests {
    @Test func validatesCreditCodesAndUniqueness() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let vendors = f.repository(.vendor)
            expectInvalid("credit-code", reason: .creditCodeCheck(expected: "3", found: "4")) { try vendors.add(["name": "某公司", "credit-code": "91350100M000100Y44"]) }
            let id = try vendors.add(["name": "某公司", "credit-code": "91350100m000100y43"])
            #expect(try vendors.row(id).string("credit_code") == "91350100M000100Y43")
            #expect(throws: DRCError.duplicate(kind: .vendor, field: "credit-code", value: "91350100M000100Y43")) {
                try vendors.add(["name": "另一公司", "credit-code": "91350100M000100Y43"])
            }
            #expect(throws: DRCError.duplicate(kind: .vendor, field: "name", value: "某公司")) { try vendors.add(["name": "某公司"]) }
        }
    }

    @Test func refusesDeletingAVendorWithOrdersAndSaysHowMany() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            for _ in 0..<3 { try orders.add(["vendor": "美音", "category": "全区网络故障", "year": "2020"]) }
            #expect(throws: DRCError.deleteRefused(kind: .vendor, id: f.meiyin, referredBy: [Referrers(noun: RecordKind.project.linkSets[0].noun, count: 1), Referrers(noun: RecordKind.order.noun, count: 3)])) {
                try f.repository(.vendor).delete(f.meiyin)
            }
            #expect(try f.count("vendor") == 2)
            try f.repository(.vendor).delete(f.shixian)
            #expect(try f.count("vendor") == 1)
        }
    }

    @Test func referencesResolveByNamePartAndRefuseAmbiguity() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let vendors = f.repository(.vendor)
            #expect(try vendors.resolve("美音") == f.meiyin)
            #expect(try vendors.resolve("湖南美音网络技术有限公司") == f.meiyin)
            #expect(try vendors.resolve("#\(f.shixian)") == f.shixian)
            let error = #expect(throws: DRCError.self) { try vendors.resolve("有限公司") }
            guard case .ambiguous(_, _, let matches) = error else { Issue.record("not ambiguous: \(String(describing: error))"); return }
            #expect(matches.count == 2)
            #expect(throws: DRCError.notFound(kind: .vendor, reference: "不存在")) { try vendors.resolve("不存在") }
            #expect(throws: DRCError.notFound(kind: .vendor, reference: "%")) { try vendors.resolve("%") }
        }
    }
}

@Suite struct ProjectRepositoryTests {
    @Test func keepsVendorsAndYears() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let projects = f.repository(.project)
            let table = try projects.list(filters: ["vendor": "美音"])
            #expect(table.rows.count == 1)
            try projects.edit(f.project, set: ["vendors": "美音、仕贤"])
            #expect(try store.db.scalar("SELECT count(*) FROM project_vendor WHERE project_id = ?", f.project) == .integer(2))
            expectInvalid("last-year", value: "2019", reason: .beforeFirstYear(2020)) { try projects.edit(f.project, set: ["last-year": "2019"]) }
            #expect(try projects.list(filters: ["year": "2019"]).rows.isEmpty)
            #expect(try projects.list(filters: ["year": "2021"]).rows.count == 1)
        }
    }
}

@Suite struct BudgetRepositoryTests {
    @Test func unknownIsNotZero() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let budget = f.repository(.budget)
            let id = try budget.add(["year": "2020", "unit": "区数据资源中心", "kind": "基本支出", "name": "基本支出", "final": "113.03万"])
            let row = try budget.row(id)
            #expect(row["budget_fen"] == .null)
            #expect(row["final_fen"] == .integer(113_030_000))
            let zero = try budget.add(["year": "2020", "unit": "区数据资源中心", "kind": "三公", "name": "三公经费", "budget": "0", "final": "0"])
            #expect(try budget.row(zero)["budget_fen"] == .integer(0))
            expectInvalid("final", value: "12.345", reason: .tooManyDecimals(inWan: false)) { try budget.add(["year": "2020", "unit": "区数据资源中心", "kind": "basic", "name": "y", "final": "12.345"]) }
            expectInvalid("kind", value: "other", reason: .notOneOf([Term(zh: "基本支出", en: "basic", enPlural: "basic"), Term(zh: "项目支出", en: "project", enPlural: "project"), Term(zh: "三公经费", en: "sangong", enPlural: "sangong")])) { try budget.add(["year": "2020", "unit": "区数据资源中心", "kind": "other", "name": "z"]) }
        }
    }

    @Test func aParentNamedByNameIsFoundInTheSameYear() throws {
        try withStore { store throws in
            _ = try Fixture(store)
            let budget = RecordRepository(store: store, kind: .budget, actor: "t")
            let old = try budget.add(["year": "2020", "unit": "1", "kind": "basic", "name": "基本支出", "breakdown": "partial"])
            let new = try budget.add(["year": "2021", "unit": "1", "kind": "basic", "name": "基本支出", "breakdown": "partial"])
            let part = try budget.add(["year": "2021", "unit": "1", "kind": "basic", "name": "奖金", "parent": "基本支出"])
            #expect(try budget.row(part)["parent_id"] == .integer(new))
            let earlier = try budget.add(["year": "2020", "unit": "1", "kind": "basic", "name": "奖金", "parent": "基本支出"])
            #expect(try budget.row(earlier)["parent_id"] == .integer(old))
            // Outside its scope the name is ambiguous, and the error says so.
            #expect(throws: DRCError.ambiguous(kind: .budget, reference: "基本支出", matches: ["#\(old) 基本支出", "#\(new) 基本支出"])) {
                try budget.add(["year": "2022", "unit": "1", "kind": "basic", "name": "奖金", "parent": "基本支出"])
            }
        }
    }

    @Test func partsBelongToALineOfTheSameYearAndKind() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let budget = f.repository(.budget)
            let basic = try budget.add(["year": "2020", "unit": "1", "kind": "basic", "name": "基本支出", "breakdown": "partial"])
            _ = try budget.add(["year": "2020", "unit": "1", "kind": "basic", "name": "奖金", "parent": String(basic), "final": "36.32万"])
            expectInvalid("parent", value: "#\(basic)", reason: .parentElsewhere(year: "2020", kind: "basic")) { try budget.add(["year": "2021", "unit": "1", "kind": "basic", "name": "奖金", "parent": String(basic)]) }
            #expect(throws: DRCError.deleteRefused(kind: .budget, id: basic, referredBy: [Referrers(noun: RecordKind.budget.noun, count: 1)])) { try budget.delete(basic) }
        }
    }
}

@Suite struct OrderRepositoryTests {
    @Test func validatesEveryFieldBeforeWriting() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let base = ["vendor": "美音", "category": "全区网络故障"]
            expectInvalid("year", reason: .yearNeeded) { try orders.add(base) }  // no year
            expectInvalid("opened", value: "2020-02-30", reason: .noSuchDay(year: 2020, month: 2, days: 29)) { try orders.add(base.merging(["opened": "2020-02-30"]) { $1 }) }
            expectInvalid("opened", value: "2021-01-02", reason: .outsideOrderYear(2020)) { try orders.add(base.merging(["year": "2020", "opened": "2021-01-02"]) { $1 }) }
            expectInvalid("solved", value: "2020-03-01", reason: .beforeOrderEvent(field: "opened", at: "2020-03-02 10:00")) { try orders.add(base.merging(["opened": "2020-03-02 10:00", "solved": "2020-03-01"]) { $1 }) }
            expectInvalid("closed", value: "2020-03-02 23:00", reason: .beforeOrderEvent(field: "solved", at: "2020-03-03")) { try orders.add(base.merging(["opened": "2020-03-02", "solved": "2020-03-03", "closed": "2020-03-02 23:00"]) { $1 }) }
            #expect(throws: DRCError.notFound(kind: .vendor, reference: "不存在")) { try orders.add(base.merging(["year": "2020", "vendor": "不存在"]) { $1 }) }
            expectInvalid("status", value: "done", reason: .notOneOf(WorkOrderStatus.allCases.map(\.term))) { try orders.add(base.merging(["year": "2020", "status": "done"]) { $1 }) }
            #expect(try f.count("work_order") == 0)
            let id = try orders.add(base.merging(["opened": "2020/3/2 14:05"]) { $1 })
            let row = try orders.row(id)
            #expect(row["year"] == .integer(2020))
            #expect(row["opened_at"] == .text("2020-03-02 14:05"))
            #expect(row["status"] == .text("new"))
            #expect(row["source"] == .text("entered"))
            // A date-only close on the day it opened is in order.
            try orders.add(base.merging(["opened": "2020-03-02 10:00", "solved": "2020-03-02", "closed": "2020-03-02"]) { $1 })
        }
    }

    @Test func inactiveVendorsTakeNoNewOrders() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let id = try orders.add(["vendor": "美音", "category": "1", "year": "2020"])
            try f.repository(.vendor).edit(f.meiyin, set: ["active": "no"])
            #expect(throws: DRCError.inactiveVendor(name: "湖南美音网络技术有限公司")) {
                try orders.add(["vendor": "美音", "category": "1", "year": "2020"])
            }
            // Its existing orders can still be corrected.
            try orders.edit(id, set: ["summary": "补记"])
            #expect(try orders.row(id)["summary"] == .text("补记"))
        }
    }

    @Test func listFiltersByReferencesAndDates() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-02 14:05", "project": "政务网络"])
            try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-31 23:59"])
            try orders.add(["vendor": "仕贤", "category": "1", "opened": "2020-04-01"])
            try orders.add(["vendor": "仕贤", "category": "1", "year": "2021"])
            #expect(try orders.list(filters: ["year": "2020"]).rows.count == 3)
            #expect(try orders.list(filters: ["vendor": "仕贤"]).rows.count == 2)
            #expect(try orders.list(filters: ["project": "政务网络"]).rows.count == 1)
            #expect(try orders.list(filters: ["from": "2020-03-01", "to": "2020-03-31"]).rows.count == 2)
            #expect(try orders.list(filters: ["to": "2020-03-31 12:00"]).rows.count == 1)
            #expect(try orders.list(filters: ["status": "新建"]).rows.count == 4)
            expectInvalid("colour", value: "red", reason: .notAFilter(kind: .order)) { _ = try orders.list(filters: ["colour": "red"]) }
        }
    }
}

@Suite struct StatusTransitionTests {
    @Test func followsTheLifecycle() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let id = try f.repository(.order).add(["vendor": "美音", "category": "1", "opened": "2020-03-02 09:00"])
            let life = WorkOrderLifecycle(store: store, actor: "clerk")
            #expect(try life.apply(.assign, to: id) == .assigned)
            #expect(try life.apply(.pend, to: id) == .pending)
            #expect(try life.apply(.solve, to: id, at: "2020-03-02 10:00", solution: "重启") == .solved)
            #expect(try life.apply(.close, to: id, at: "2020-03-03") == .closed)
            let row = try f.repository(.order).row(id)
            #expect(row["solved_at"] == .text("2020-03-02 10:00"))
            #expect(row["closed_at"] == .text("2020-03-03"))
            #expect(row["solution"] == .text("重启"))
            #expect(try life.apply(.reopen, to: id) == .assigned)
            #expect(try f.repository(.order).row(id)["closed_at"] == .null)
        }
    }

    @Test func refusesIllegalTransitionsAndExplains() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let id = try f.repository(.order).add(["vendor": "美音", "category": "1", "opened": "2020-03-02 09:00"])
            let life = WorkOrderLifecycle(store: store, actor: "clerk")
            #expect(throws: DRCError.illegalTransition(id: id, from: "new", to: "close", allowed: ["assign", "pend", "solve", "cancel"])) {
                try life.apply(.close, to: id)
            }
            try life.apply(.cancel, to: id)
            #expect(throws: DRCError.illegalTransition(id: id, from: "cancelled", to: "solve", allowed: ["reopen"])) {
                try life.apply(.solve, to: id)
            }
            #expect(try life.apply(.reopen, to: id) == .new)
            expectInvalid("solved", value: "2020-03-01", reason: .beforeOrderEvent(field: "opened", at: "2020-03-02 09:00")) { try life.apply(.solve, to: id, at: "2020-03-01") }
            #expect(try f.repository(.order).row(id)["status"] == .text("new"))
            // Editing cannot jump statuses.
            expectInvalid("status", value: "closed", reason: .statusByCommandsOnly) { try f.repository(.order).edit(id, set: ["status": "closed"]) }
        }
    }

    /// Every status change is in the history, with the action, the values before and after,
    /// and who made it.
    @Test func everyTransitionIsInTheHistory() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let id = try f.repository(.order).add(["vendor": "美音", "category": "1", "opened": "2020-03-02 09:00"])
            let life = WorkOrderLifecycle(store: store, actor: "王丽")
            let actions: [WorkOrderStatus.Action] = [.assign, .pend, .solve, .close, .reopen, .cancel]
            for action in actions { try life.apply(action, to: id, at: "2020-03-04") }
            let entries = try HistoryLog.entries(store.db, kind: "order", id: id).dropFirst()
            #expect(entries.map { $0.note.map(HistoryNote.init(stored:)) } == actions.map(HistoryNote.action))
            #expect(entries.allSatisfy { $0.action == "update" && $0.actor == "王丽" })
            let statuses = try entries.map { try store.db.scalar("SELECT json_extract(?, '$.status')", $0.newValues ?? "{}")?.string }
            #expect(statuses == ["assigned", "pending", "solved", "closed", "assigned", "cancelled"])
            let before = try entries.map { try store.db.scalar("SELECT json_extract(?, '$.status')", $0.oldValues ?? "{}")?.string }
            #expect(before == ["new", "assigned", "pending", "solved", "closed", "assigned"])
        }
    }

    @Test func everyStatusHasItsExits() {
        #expect(WorkOrderStatus.closed.allowedActions == [.reopen])
        #expect(WorkOrderStatus.solved.allowedActions == [.close, .reopen])
        #expect(WorkOrderStatus.new.after(.close) == nil)
    }
}

@Suite struct IndicatorRepositoryTests {
    @Test func keepsLowerBounds() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let indicators = f.repository(.indicator)
            let id = try indicators.add(["year": "2020", "project": "政务网络", "level1": "产出指标", "name": "收集企业运行数据",
                                         "actual": "9000000", "bound": "多", "measure": "条", "actual-text": "900多万条"])
            #expect(try indicators.row(id)["actual_bound"] == .text("lower"))
            let table = try indicators.list(filters: ["year": "2020"])
            #expect(table.rows.first?[table.columns.firstIndex(of: "actual")!] == .text(">9000000"))
            expectInvalid("project", reason: .projectOrUnitRequired) { try indicators.add(["year": "2020", "level1": "产出指标", "name": "x"]) }
            expectInvalid("actual", value: "1e9", reason: .notADecimal) { try indicators.add(["year": "2020", "project": "1", "level1": "产出", "name": "x", "actual": "1e9"]) }
        }
    }
}

@Suite struct HistoryTests {
    @Test func capturesInsertUpdateAndDeleteWithTheActor() throws {
        try withStore { store throws in
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "王丽")
            let id = try vendors.add(["name": "临时供应商"])
            try vendors.edit(id, set: ["name": "正式供应商", "note": "改名"])
            #expect(try vendors.edit(id, set: ["name": "正式供应商"]) == false)
            try vendors.delete(id)
            let entries = try HistoryLog.entries(store.db, kind: "vendor", id: id)
            #expect(entries.map(\.action) == ["insert", "update", "delete"])
            #expect(entries.allSatisfy { $0.actor == "王丽" })
            guard case .changes(let changes) = try HistoryLog.summary(entries[1], using: store.db) else {
                Issue.record("an update summarises its changes")
                return
            }
            #expect(changes.contains(HistoryChange(key: "name", label: RecordKind.vendor.field(named: "name")?.label,
                                                   old: .text("临时供应商"), new: .text("正式供应商"))))
            // The deleted record reads back whole from its last entry.
            let old = try #require(entries[2].oldValues)
            #expect(try store.db.scalar("SELECT json_extract(?, '$.name')", old) == .text("正式供应商"))
            #expect(try store.db.scalar("SELECT json_extract(?, '$.note')", old) == .text("改名"))
        }
    }

    @Test func aRefusedChangeLeavesNoHistory() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let before = try f.count("history")
            #expect(throws: DRCError.deleteRefused(kind: .vendor, id: f.meiyin, referredBy: [Referrers(noun: RecordKind.project.linkSets[0].noun, count: 1)])) {
                try f.repository(.vendor).delete(f.meiyin)
            }
            #expect(throws: DRCError.duplicate(kind: .vendor, field: "name", value: "湖南美音网络技术有限公司")) {
                try f.repository(.vendor).add(["name": "湖南美音网络技术有限公司"])
            }
            #expect(try f.count("history") == before)
        }
    }
}

@Suite struct CategoryAndProjectRepositoryTests {
    @Test func categoriesAreUniqueAndKeptWhileOrdersUseThem() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let categories = f.repository(.category)
            #expect(throws: DRCError.duplicate(kind: .category, field: "name", value: "全区网络故障")) {
                try categories.add(["name": "全区网络故障"])
            }
            try f.repository(.order).add(["vendor": "美音", "category": "全区网络故障", "year": "2020"])
            #expect(throws: DRCError.deleteRefused(kind: .category, id: f.network, referredBy: [Referrers(noun: RecordKind.order.noun, count: 1)])) {
                try categories.delete(f.network)
            }
        }
    }

    @Test func projectsWithOrdersOrIndicatorsStay() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let projects = f.repository(.project)
            #expect(throws: DRCError.duplicate(kind: .project, field: "name", value: "全区政务网络运维服务项目")) {
                try projects.add(["name": "全区政务网络运维服务项目"])
            }
            try f.repository(.indicator).add(["year": "2020", "project": "政务网络", "level1": "产出指标", "name": "服务次数", "actual": "1"])
            #expect(throws: DRCError.deleteRefused(kind: .project, id: f.project, referredBy: [Referrers(noun: RecordKind.indicator.noun, count: 1)])) {
                try projects.delete(f.project)
            }
            // A project with nothing depending on it goes, and its vendor links with it.
            let spare = try projects.add(["name": "临时项目", "vendors": "美音"])
            try projects.delete(spare)
            #expect(try store.db.scalar("SELECT count(*) FROM project_vendor WHERE project_id = ?", spare) == .integer(0))
        }
    }
}

/// The core refuses a repeated dimension itself, whoever calls it (not only the command line).
@Suite struct RepeatedDimensionCoreTests {
    @Test func totalsRefuseARepeatedDimension() throws {
        try withStore { store throws in
            #expect(throws: DRCError.repeatedDimension(name: "vendor")) {
                try WorkOrderTotals.compute(store.db, year: 2020, by: [.vendor, .category, .vendor])
            }
            #expect(throws: DRCError.repeatedDimension(name: "kind")) {
                try BudgetTotals.compute(store.db, year: 2020, by: [.kind, .kind])
            }
            #expect(try BudgetTotals.compute(store.db, year: 2020, by: [.kind, .economic]).columns == ["kind", "economic", "budget", "adjusted", "adjusted_from", "final", "rate"])
        }
    }
}

/// A list page picks its ids first and reads only their rows: the pages, laid end to end, are
/// the whole sorted list, whatever the sort, its direction and the filters.
@Suite struct PagingTests {
    @Test func pagesLaidEndToEndAreTheWholeSortedList() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            // Vendors and units interleaved by id, some units missing, so no sort follows the ids.
            for (day, vendor, unit) in [(1, "美音", "办公室"), (2, "仕贤", nil), (3, "美音", nil), (4, "仕贤", "办公室"),
                                        (5, "美音", "办公室"), (6, "仕贤", nil), (7, "美音", nil), (8, "仕贤", "办公室")] {
                var values = ["vendor": vendor, "category": "全区网络故障", "opened": "2021-03-0\(day)"]
                if let unit { values["unit"] = unit }
                _ = try orders.add(values)
            }
            _ = try orders.add(["vendor": "美音", "category": "全区网络故障", "opened": "2020-12-31"])
            let ids = { (table: ResultTable) in table.rows.map { $0[0].text } }
            let cases: [(filters: [String: String], sort: String?, descending: Bool, expected: String)] = [
                (["year": "2021"], nil, false, "SELECT id FROM work_order WHERE year = 2021 ORDER BY id"),
                (["year": "2021"], nil, true, "SELECT id FROM work_order WHERE year = 2021 ORDER BY id DESC"),
                (["year": "2021"], "vendor", false, """
                    SELECT o.id FROM work_order o JOIN vendor v ON v.id = o.vendor_id WHERE o.year = 2021 ORDER BY v.name, o.id
                    """),
                (["year": "2021"], "vendor", true, """
                    SELECT o.id FROM work_order o JOIN vendor v ON v.id = o.vendor_id WHERE o.year = 2021 ORDER BY v.name DESC, o.id DESC
                    """),
                (["year": "2021"], "unit", false, "SELECT id FROM work_order WHERE year = 2021 ORDER BY unit_id IS NULL, id"),
                (["vendor": "美音"], "opened", true, "SELECT id FROM work_order WHERE vendor_id = \(f.meiyin) ORDER BY opened_at DESC, id DESC"),
            ]
            for (filters, sort, descending, expected) in cases {
                var laid: [String] = []
                for page in 0..<4 {
                    laid += ids(try orders.page(filters: filters, sortBy: sort, descending: descending, limit: 3, offset: 3 * page))
                }
                let whole = try store.db.rows(expected).map { String($0[0].int64 ?? 0) }
                #expect(laid == whole, "\(filters) \(sort ?? "id") \(descending ? "desc" : "asc")")
                #expect(try orders.count(filters: filters) == Int64(whole.count))
            }
        }
    }
}
