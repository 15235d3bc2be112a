import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Correcting an order in the web as `drc order edit` does, its history by field labels and
/// local times, and the status actions as separate forms whose refusals stay on the order's page.
@Suite struct OrderCorrectionTests {
    /// Adds an order as the clerk; returns its id.
    static func addOrder(_ clerk: Browser, _ token: String, summary: String = "交换机掉线") async throws -> Int64 {
        let added = try await clerk.post("/orders", form: [("_csrf", token), ("vendor", "美音"), ("category", "全区网络故障"),
                                                            ("opened", "2020-05-06 09:00"), ("summary", summary)])
        let location = try #require(added.location)
        return try #require(Int64(location.split(separator: "=").last ?? ""))
    }

    static func value(_ fixture: WebFixture, _ column: String, of id: Int64) async throws -> String? {
        try await fixture.service.read { store in
            try store.db.rows("SELECT \(column) FROM work_order WHERE id = ?", id).first?[0].displayText
        }
    }

    @Test func everyFieldIsCorrectedAndTheHistoryNamesFieldsByLabelAtLocalTimes() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let id = try await Self.addOrder(clerk, token)
            let form = try await clerk.get("/orders/\(id)/edit")
            #expect(form.status == .ok)
            // Its values in the form, references as choices with the order's own selected.
            #expect(form.text.contains("<option value=\"湖南美音网络技术有限公司\" selected>"))
            #expect(form.text.contains("value=\"2020-05-06 09:00\""))
            let saved = try await clerk.post("/orders/\(id)/edit", form: [
                ("_csrf", token), ("vendor", "湖南美音网络技术有限公司"), ("category", "全区网络故障"),
                ("opened", "2020-05-07 08:30"), ("summary", "核心交换机掉线"), ("priority", "high"), ("remote", "yes"),
                ("ticket", "MY-0507"), ("year", "2020"),
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/orders/\(id)?done=edited")
            #expect(try await Self.value(fixture, "opened_at", of: id) == "2020-05-07 08:30")
            #expect(try await Self.value(fixture, "summary", of: id) == "核心交换机掉线")
            #expect(try await Self.value(fixture, "priority", of: id) == "high")
            #expect(try await Self.value(fixture, "remote", of: id) == "1")
            #expect(try await Self.value(fixture, "ticket", of: id) == "MY-0507")
            #expect(try await clerk.get("/orders/\(id)?done=edited").text.contains("已保存更正"))

            let auditor = Browser(client)
            try await auditor.signIn("auditor")
            let page = try await auditor.get("/orders/\(id)").text
            let start = try #require(page.range(of: "<table id=\"history\">"))
            let history = String(page[start.lowerBound...])
            #expect(history.contains("故障描述：交换机掉线 → 核心交换机掉线"))
            #expect(history.contains("报修时间：2020-05-06 09:00 → 2020-05-07 08:30"))
            #expect(history.contains("优先级：∅ → 高"))
            for column in ["_at", "_id", "_limit", "summary", "priority"] {
                #expect(!history.contains(column), "history shows a column name (\(column))")
            }
            // Times as local time, never a raw stamp with its T and offset.
            #expect(history.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d"#, options: .regularExpression) == nil)
            #expect(page.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d"#, options: .regularExpression) == nil)
        }
    }

    @Test func aRefusedCorrectionKeepsTheValuesMarksTheFieldAndWritesNothing() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let id = try await Self.addOrder(clerk, token)
            let before = try await fixture.count("SELECT count(*) FROM history")
            let refused = try await clerk.post("/orders/\(id)/edit", form: [
                ("_csrf", token), ("opened", "2020-02-30 09:00"), ("summary", "<b>改过的描述</b>"),
            ])
            #expect(refused.status == .unprocessableContent)
            // The bad field is marked, has the focus, and its message stands beside it.
            #expect(refused.text.contains("id=\"f-opened\" name=\"opened\" aria-invalid=\"true\" autofocus"))
            #expect(refused.text.contains("<p class=\"field-error\" id=\"e-opened\">报修时间"))
            #expect(refused.text.contains("value=\"2020-02-30 09:00\""))
            #expect(refused.text.contains("&lt;b&gt;改过的描述&lt;/b&gt;"))
            #expect(try await fixture.count("SELECT count(*) FROM history") == before)
            #expect(try await Self.value(fixture, "summary", of: id) == "交换机掉线")
            // A required field emptied is refused, naming it.
            let emptied = try await clerk.post("/orders/\(id)/edit", form: [("_csrf", token), ("vendor", "")])
            #expect(emptied.status == .unprocessableContent)
            #expect(emptied.text.contains("id=\"f-vendor\" name=\"vendor\" required aria-required=\"true\" aria-invalid=\"true\" autofocus"))
            // Nothing changed is said so, and writes nothing.
            let unchanged = try await clerk.post("/orders/\(id)/edit", form: [("_csrf", token), ("summary", "交换机掉线")])
            #expect(unchanged.status == .unprocessableContent)
            #expect(try await fixture.count("SELECT count(*) FROM history") == before)
        }
    }

    @Test func aFieldSentEmptyIsClearedAndOneNotSentIsKept() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let id = try await Self.addOrder(clerk, token)
            let saved = try await clerk.post("/orders/\(id)/edit", form: [("_csrf", token), ("summary", ""), ("requester", "李工")])
            #expect(saved.status == .seeOther)
            #expect(try await Self.value(fixture, "summary", of: id) == "")
            #expect(try await Self.value(fixture, "requester", of: id) == "李工")
            #expect(try await Self.value(fixture, "opened_at", of: id) == "2020-05-06 09:00")
        }
    }

    @Test func theStatusActionsAreTheOnesTheStatusAllowsEachItsOwnLabelledForm() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let id = try await Self.addOrder(clerk, token)
            for (status, via) in [(WorkOrderStatus.new, [String]()), (.assigned, ["assign"]), (.solved, ["solve"]), (.closed, ["close"])] {
                for action in via {
                    let moved = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", action), ("at", "2020-05-06 10:00")])
                    #expect(moved.location == "/orders/\(id)", "\(action)")
                }
                let page = try await clerk.get("/orders/\(id)").text
                for action in WorkOrderStatus.Action.allCases {
                    let offered = page.contains("id=\"action-\(action.rawValue)\"")
                    #expect(offered == status.allowedActions.contains(action), "\(status): \(action)")
                    if offered { #expect(page.contains("<legend>\(action.term.zh)</legend>")) }
                }
            }
            // Solving takes its time: the one typed is the order's solved time.
            #expect(try await Self.value(fixture, "solved_at", of: id) == "2020-05-06 10:00")
        }
    }

    @Test func cancellingAsksForConfirmationAndARefusedActionStaysOnTheOrdersPage() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let id = try await Self.addOrder(clerk, token)
            let page = try await clerk.get("/orders/\(id)").text
            #expect(page.contains("name=\"confirm\" value=\"yes\" required"))
            let unconfirmed = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", "cancel")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("<h1>工单 #\(id)</h1>"))
            #expect(unconfirmed.text.contains("取消工单前请勾选"))
            #expect(try await Self.value(fixture, "status", of: id) == "new")
            // A bad time: the order's page again, the message inside the action's form, the time kept.
            let badTime = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", "solve"), ("at", "昨天下午")])
            #expect(badTime.status == .unprocessableContent)
            #expect(badTime.text.contains("<h1>工单 #\(id)</h1>"))
            #expect(badTime.text.contains("id=\"err-solve\""))
            #expect(badTime.text.contains("value=\"昨天下午\""))
            #expect(try await Self.value(fixture, "status", of: id) == "new")
            let confirmed = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", "cancel"), ("confirm", "yes")])
            #expect(confirmed.location == "/orders/\(id)")
            #expect(try await Self.value(fixture, "status", of: id) == "cancelled")
            // An action the status does not allow (a stale page): refused on the order's page.
            let stale = try await clerk.post("/orders/\(id)/status", form: [("_csrf", token), ("action", "solve")])
            #expect(stale.status == .unprocessableContent)
            #expect(stale.text.contains("<h1>工单 #\(id)</h1>"))
            #expect(stale.text.contains("现在不能解决"))
        }
    }

    @Test func theEntryFormIsInTheClerksOrderWithChoicesAndMarksTheBadField() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let page = try await clerk.get("/orders/new").text
            var last = page.startIndex
            for name in ["vendor", "category", "unit", "opened", "summary", "ticket", "priority", "project", "contract", "year"] {
                let place = try #require(page.range(of: "name=\"\(name)\"", range: last..<page.endIndex), "\(name) after the one before")
                last = place.upperBound
            }
            for name in ["vendor", "category", "unit", "priority", "project", "contract", "remote"] {
                #expect(page.contains("<select id=\"f-\(name)\""), "\(name) is a choice")
            }
            #expect(page.contains("<option value=\"urgent\">紧急</option>"))
            #expect(page.contains("供应商<span class=\"required-mark\""))
            let refused = try await clerk.post("/orders", form: [("_csrf", token), ("vendor", "湖南美音网络技术有限公司"), ("category", "没有这个类别"),
                                                                  ("opened", "2020-05-06 09:00"), ("summary", "保留")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"f-category\" name=\"category\" required aria-required=\"true\" aria-invalid=\"true\" autofocus"))
            #expect(refused.text.contains("<option value=\"湖南美音网络技术有限公司\" selected>"))
            #expect(refused.text.contains(">保留</textarea>"))
        }
    }
}
