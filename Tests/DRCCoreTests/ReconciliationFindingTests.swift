import DRCCore
import Testing

/// `check` finds typed facts: each test asserts the case and its values, never a sentence.
@Suite struct ReconciliationFindingTests {
    @Test func theSeededYearHasOnePartialBreakdownAndOneDataNote() throws {
        try withStore { store throws in
            try SeedLoader(store: store, actor: "test").load()
            let findings = try Reconciliation.check(store.db, year: 2020)
            #expect(findings.count == 2)
            #expect(findings.first == Reconciliation.Finding(
                year: 2020, subject: .budgetLine(id: 1, name: "基本支出"),
                issue: .partlyItemised(.final, itemised: 63_020_000, whole: 113_030_000, rest: 50_010_000)))
            #expect(findings.first?.severity == .warning)
            guard case .note(let text)? = findings.last?.issue else {
                Issue.record("expected a data note, got \(String(describing: findings.last))")
                return
            }
            #expect(findings.last?.subject == .dataNote && findings.last?.severity == .note && text.contains("2019年度"))
        }
    }

    @Test func partsThatDoNotAddUpAndCountsThatDisagreeAreErrors() throws {
        try withStore { store throws in
            let unit = try RecordRepository(store: store, kind: .unit, actor: "test").add(["name": "数据中心"])
            let budget = RecordRepository(store: store, kind: .budget, actor: "test")
            let whole = try budget.add(["year": "2021", "unit": "#\(unit)", "kind": "basic", "name": "基本支出",
                                        "final": "100", "breakdown": "complete"])
            _ = try budget.add(["year": "2021", "unit": "#\(unit)", "kind": "basic", "name": "工资", "final": "60", "parent": "#\(whole)"])
            let empty = try budget.add(["year": "2021", "unit": "#\(unit)", "kind": "project", "name": "项目支出", "breakdown": "partial"])
            let project = try RecordRepository(store: store, kind: .project, actor: "test").add(["name": "运维项目"])
            let indicator = try RecordRepository(store: store, kind: .indicator, actor: "test").add(
                ["year": "2021", "project": "#\(project)", "level1": "产出指标", "name": "服务次数", "actual": "5",
                 "bound": "lower", "counts-orders": "yes"])
            let findings = try Reconciliation.check(store.db, year: 2021)
            #expect(findings.contains(Reconciliation.Finding(year: 2021, subject: .budgetLine(id: whole, name: "基本支出"),
                                                             issue: .partsDisagree(.final, itemised: 6_000, whole: 10_000))))
            #expect(findings.contains(Reconciliation.Finding(year: 2021, subject: .budgetLine(id: empty, name: "项目支出"),
                                                             issue: .breakdownWithoutParts(breakdown: "partial"))))
            #expect(findings.contains(Reconciliation.Finding(year: 2021, subject: .indicator(id: indicator, name: "服务次数"),
                                                             issue: .countDisagrees(actual: "5", bound: .lower, counted: 0, scope: ["运维项目"]))))
            // Errors come first, and only the contradictions are errors.
            #expect(findings.map(\.severity) == [.error, .error, .warning])
        }
    }
}
