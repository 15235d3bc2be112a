import DRCCore
import Foundation
import SQLiteDB
import Testing

/// Changes that are allowed but worth a second look come back as typed warnings with the
/// result; ordinary changes bring none.
@Suite struct WarningTests {
    let thisYear = Int64(Calendar(identifier: .gregorian).component(.year, from: Date()))

    @Test func aYearStillToComeIsWarnedAbout() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let next = thisYear + 1
            let added = try orders.adding(["vendor": "美音", "category": "1", "year": String(next)])
            #expect(added.warnings == [.futureYear(kind: .order, year: next, currentYear: thisYear)])
            #expect(try orders.row(added.value)["year"] == .integer(next))
            let budget = try f.repository(.budget).adding(["year": String(next + 5), "unit": "1", "kind": "basic", "name": "x"])
            #expect(budget.warnings == [.futureYear(kind: .budget, year: next + 5, currentYear: thisYear)])
            #expect(try orders.adding(["vendor": "美音", "category": "1", "year": String(thisYear)]).warnings.isEmpty)
            // An edit that leaves the year alone says nothing about it.
            #expect(try orders.editing(added.value, set: ["summary": "计划"]).warnings.isEmpty)
        }
    }

    /// "The current year" is the store's clock's, so a frozen clock decides it.
    @Test func theCurrentYearIsTheClocksYear() throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create, clock: .frozen(frozenMoment))
            _ = try Fixture(store)
            let orders = RecordRepository(store: store, kind: .order, actor: "clerk")
            #expect(try orders.adding(["vendor": "美音", "category": "1", "year": "2021"]).warnings.isEmpty)
            #expect(try orders.adding(["vendor": "美音", "category": "1", "year": "2022"]).warnings
                    == [.futureYear(kind: .order, year: 2022, currentYear: 2021)])
        }
    }

    @Test func editingAClosedOrderIsWarnedAbout() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let id = try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-02"])
            #expect(try orders.editing(id, set: ["summary": "断网"]).warnings.isEmpty)
            let life = WorkOrderLifecycle(store: store, actor: "clerk")
            try life.apply(.solve, to: id, at: "2020-03-03")
            try life.apply(.close, to: id, at: "2020-03-04")
            let edited = try orders.editing(id, set: ["summary": "断网，已更换模块"])
            #expect(edited.value && edited.warnings == [.closedOrderEdited(id: id)])
            #expect(try orders.row(id)["summary"] == .text("断网，已更换模块"))
        }
    }

    @Test func aSolveMoreThanAYearAfterOpeningIsWarnedAbout() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let life = WorkOrderLifecycle(store: store, actor: "clerk")
            let late = try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-02 09:00"])
            #expect(try life.applying(.solve, to: late, at: "2021-03-02 09:01").warnings
                    == [.longSolveTime(id: late, opened: "2020-03-02 09:00", solved: "2021-03-02 09:01")])
            // A year to the minute is still in time.
            let onTime = try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-02 09:00"])
            #expect(try life.applying(.solve, to: onTime, at: "2021-03-02 09:00").warnings.isEmpty)
            // Typed in directly, the same.
            let typed = try orders.adding(["vendor": "美音", "category": "1", "opened": "2019-12-30", "solved": "2021-01-05"])
            #expect(typed.warnings == [.longSolveTime(id: typed.value, opened: "2019-12-30", solved: "2021-01-05")])
            let fixed = try orders.add(["vendor": "美音", "category": "1", "opened": "2020-01-02"])
            #expect(try orders.editing(fixed, set: ["solved": "2022-01-01"]).warnings
                    == [.longSolveTime(id: fixed, opened: "2020-01-02", solved: "2022-01-01")])
        }
    }

    /// An order's year follows its opened date: clearing it is refused with the reason, not
    /// answered with "no change".
    @Test func aDerivedFieldCannotBeClearedAlone() throws {
        try withStore { store throws in
            let f = try Fixture(store)
            let orders = f.repository(.order)
            let id = try orders.add(["vendor": "美音", "category": "1", "opened": "2020-03-02"])
            #expect(throws: DRCError.followsAnotherField(field: "year", source: "opened")) {
                try orders.edit(id, set: [:], clearing: ["year"])
            }
            let unknown = #expect(throws: DRCError.self) { try orders.edit(id, set: [:], clearing: ["foo"]) }
            guard case .invalid("foo", "", .notAField(kind: .order, let fields))? = unknown else {
                Issue.record("\(String(describing: unknown))"); return
            }
            #expect(fields.first == "year" && fields.contains("opened"))
        }
    }
}
