import DRCCore
import DRCWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every parameter of every route fed the values an attacker tries first: the ends of Int64,
/// one past them, negatives, zero, ten thousand digits, bytes that are not UTF-8, a NUL, and the
/// same key twice. Each must get a client error (4xx) or an ordinary page, never a 5xx; the server
/// must still answer afterwards (a trap would end the test process, and with it every session);
/// and nothing may be written by a refused request.
@Suite struct HostileParameterTests {
    /// A route and the parameters it reads: in its query, or in its address (`{id}`).
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let query: [String]
        /// Parameters that are whole numbers: every extreme value of these must be refused (4xx).
        let numbers: Set<String>
        let role: UserRole
        var description: String { "\(method) \(path)" }
    }

    static let orderFilters = ["year", "status", "vendor", "category", "project", "unit", "from", "to"]
    static let routes: [Route] = [
        Route(method: .get, path: "/", query: ["year"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/orders", query: orderFilters + ["sort", "dir", "page"], numbers: ["page"], role: .clerk),
        Route(method: .get, path: "/orders/new", query: ["added"], numbers: ["added"], role: .clerk),
        Route(method: .get, path: "/orders/{id}", query: [], numbers: ["id"], role: .clerk),
        Route(method: .post, path: "/orders/{id}/status", query: [], numbers: ["id"], role: .clerk),
        Route(method: .get, path: "/orders/export", query: orderFilters + ["format"], numbers: [], role: .manager),
        Route(method: .get, path: "/vendors", query: [], numbers: [], role: .clerk),
        Route(method: .get, path: "/report", query: ["year"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/report/download", query: ["year", "format"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/loop", query: ["year"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/totals", query: ["year", "compare", "by", "by2", "status", "sort", "cancelled", "format"] + orderFilters,
              numbers: ["year", "compare"], role: .manager),
        Route(method: .get, path: "/sla", query: ["year", "vendor", "detail", "format"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/score", query: ["year", "project", "unit", "format"], numbers: ["year", "project", "unit"], role: .manager),
        Route(method: .get, path: "/budget", query: ["year", "by", "by2", "format"], numbers: ["year"], role: .manager),
        Route(method: .get, path: "/orders/{id}/edit", query: [], numbers: ["id"], role: .clerk),
        Route(method: .post, path: "/orders/{id}/edit", query: [], numbers: ["id"], role: .clerk),
        Route(method: .get, path: "/check", query: ["year"], numbers: ["year"], role: .manager),
        Route(method: .post, path: "/users/{id}/disable", query: [], numbers: ["id"], role: .admin),
        Route(method: .get, path: "/login", query: ["next"], numbers: [], role: .clerk),
        Route(method: .get, path: "/language", query: ["to", "back"], numbers: [], role: .clerk),
    ]

    /// Each as it stands in an address (already percent-encoded where it must be).
    static let extremes: [String] = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "-1", "0", String(repeating: "9", count: 10_000), "%FF%FE%80", "%00", "1e9", "0x10", "%20%2B7",
    ]

    /// Records a refused request must not have written.
    static let counted = ["work_order", "vendor", "web_user", "history", "status_event"]

    @Test func everyParameterOfEveryRouteTakesExtremeValuesAndTheServerLives() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        var before: [String: Int64] = [:]
        for table in Self.counted { before[table] = try await fixture.count("SELECT count(*) FROM \(table)") }
        let tried = TriedCounter()
        try await fixture.test { client in
            var browsers: [UserRole: (Browser, String)] = [:]
            for role in Set(Self.routes.map(\.role)) {
                let browser = Browser(client)
                browsers[role] = (browser, try await browser.signIn(role.rawValue))
            }
            for route in Self.routes {
                let (browser, token) = browsers[route.role]!
                for parameter in route.query + (route.path.contains("{id}") ? ["id"] : []) {
                    for value in Self.extremes + ["1&\(parameter)=2"] {
                        let address: String
                        if parameter == "id" {
                            address = route.path.replacingOccurrences(of: "{id}", with: value.contains("&") ? "1" : value)
                        } else {
                            address = route.path.replacingOccurrences(of: "{id}", with: "1") + "?\(parameter)=\(value)"
                        }
                        let response = route.method == .get
                            ? try await browser.get(address)
                            : try await browser.post(address, form: [("_csrf", token), ("action", "nonsense")])
                        tried.add()
                        let status = response.status.code
                        #expect(status < 500, "\(route) \(parameter)=\(value.prefix(40)): \(status)")
                        let repeatedInAddress = parameter == "id" && value.contains("&")
                        // Int64.max is a possible record id: it must be answered, not refused.
                        let aPossibleID = ["id", "added"].contains(parameter) && value == "9223372036854775807"
                        if route.numbers.contains(parameter) && !repeatedInAddress && !aPossibleID {
                            #expect((400..<500).contains(status), "\(route) \(parameter)=\(value.prefix(40)) should be refused, got \(status)")
                            if status == 400 && parameter != "id" {
                                let label = ["page": "页码", "year": "年度", "added": "新录入的工单编号", "compare": "对比年度", "project": "项目", "unit": "单位"][parameter] ?? parameter
                                let named = response.text.contains("\(label)&quot;")
                                #expect(named, "the page names the parameter \(parameter)")
                            }
                        }
                    }
                }
            }
            // The server is alive and still serves the clerk.
            let (clerk, _) = browsers[.clerk]!
            #expect(try await clerk.get("/orders").status == .ok)
        }
        for table in Self.counted {
            #expect(try await fixture.count("SELECT count(*) FROM \(table)") == before[table], "\(table) unchanged")
        }
        print("hostile parameters: \(tried.count) requests tried, server alive, nothing written")
    }

    @Test func anOutOfRangePageSaysWhichValueAndWhatIsAllowed() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("clerk")
            let response = try await browser.get("/orders?page=9223372036854775807")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("页码&quot;9223372036854775807&quot;"), "the parameter named in Chinese, with its value")
            #expect(response.text.contains("1 到 1000000"))
            let twice = try await browser.get("/orders?page=2&page=3")
            #expect(twice.status == .badRequest)
            #expect(twice.text.contains("不止一次"))
            // An ordinary page past the last one is an empty page, not an error.
            #expect(try await browser.get("/orders?page=999999").status == .ok)
        }
    }
}

/// Counts requests across the test client's closure.
final class TriedCounter: @unchecked Sendable {
    private(set) var count = 0
    func add() { count += 1 }
}
