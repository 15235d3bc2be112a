import DRCCore
import DRCWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every role against every route: allowed ones answer (not 403, not the sign-in page),
/// refused ones get 403 with the role named; nobody signed in is sent to sign in.
@Suite struct RoleRouteTests {
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let form: [(String, String)]
        let allowed: Set<UserRole>
        var description: String { "\(method) \(path)" }
    }

    static let readers: Set<UserRole> = [.clerk, .manager, .auditor]
    static let everyone = Set(UserRole.allCases)
    /// Who may use each route: written out here, not computed from `UserRole.may` or the rooms.
    /// The routes themselves are the router's; one it has that is not written here fails.
    static let allowed: [String: Set<UserRole>] = [
        "GET /": everyone,
        "GET /password": everyone,
        "POST /password": everyone,
        "GET /orders": readers,
        "GET /orders/{id}": readers,
        "GET /vendors": readers,
        "GET /units": readers,
        "GET /projects": readers,
        "GET /categories": readers,
        "GET /orders/new": [.clerk],
        "POST /orders": [.clerk],
        "POST /orders/{id}/status": [.clerk],
        "GET /orders/{id}/edit": [.clerk],
        "POST /orders/{id}/edit": [.clerk],
        "GET /totals": [.manager, .auditor],
        "GET /sla": [.manager, .auditor],
        "GET /score": [.manager, .auditor],
        "GET /budget": [.manager, .auditor],
        "GET /import": [.clerk],
        "POST /import": [.clerk],
        "GET /orders/export": [.manager, .auditor],
        "GET /report": [.manager, .auditor],
        "GET /report/download": [.manager, .auditor],
        "GET /loop": [.manager, .auditor],
        "GET /check": [.manager, .auditor],
        "GET /users": [.admin],
        "POST /users": [.admin],
        "POST /users/{id}/disable": [.admin],
    ]
    /// The addresses a route is tried at: its parameters filled in, and its query variants.
    static let addresses: [String: [String]] = [
        "/orders": ["/orders", "/orders?status=closed&sort=opened&dir=desc&page=2"],
        "/orders/{id}": ["/orders/1"],
        "/orders/{id}/status": ["/orders/1/status"],
        "/orders/{id}/edit": ["/orders/1/edit"],
        "/totals": ["/totals?year=2020", "/totals?year=2020&by=category&by2=month&format=csv", "/totals?year=2020&compare=2019&format=xlsx"],
        "/sla": ["/sla?year=2020", "/sla?year=2020&detail=yes&format=csv"],
        "/score": ["/score?year=2020", "/score?year=2020&format=xlsx"],
        "/budget": ["/budget?year=2020", "/budget?year=2020&by=economic&format=csv"],
        "/orders/export": ["/orders/export?year=2020", "/orders/export?year=2020&format=xlsx"],
        "/report": ["/report?year=2020"],
        "/loop": ["/loop?year=2021"],
        "/check": ["/check?year=2021"],
        "/report/download": ["/report/download?year=2020", "/report/download?year=2020&format=html",
                             "/report/download?year=2020&format=docx"],
        "/users/{id}/disable": ["/users/5/disable"],
    ]
    /// What each form posts (its token is added).
    static let forms: [String: [(String, String)]] = [
        "/orders": [("vendor", "美音"), ("category", "全区网络故障"), ("opened", "2020-05-06 09:00")],
        "/orders/{id}/status": [("action", "reopen")],
        "/orders/{id}/edit": [("vendor", "湖南美音网络技术有限公司"), ("category", "全区网络故障"), ("summary", "更正后的描述")],
        "/users": [("name", "新同事"), ("role", "clerk"), ("password", "long-enough-1")],
        "/password": [("current", "not the password"), ("new", "x"), ("again", "y")],
    ]

    /// Every route the router has that needs signing in, at each of its addresses, with the roles
    /// its room lets in. A route the router has but no room holds fails here.
    static func routes(of app: WebApp) throws -> [Route] {
        let places = app.routePlaces()
        var routes: [Route] = []
        for route in app.router().routes {
            let path = "\(route.path)"
            guard let place = places.first(where: { $0.method == route.method && $0.path == path }) else {
                Issue.record("\(route.method) \(path) is on the router but in no room")
                continue
            }
            guard !place.isOpen else { continue }
            guard let allowed = allowed[place.description] else {
                Issue.record("\(place) is a route of the router's whose roles the test does not state")
                continue
            }
            for address in addresses[path] ?? [path] {
                routes.append(Route(method: route.method, path: address, form: route.method == .post ? forms[path] ?? [] : [],
                                    allowed: allowed))
            }
        }
        return routes
    }

    @Test func everyRouteIsInARoom() throws {
        let fixture = try WebFixture(seed: false)
        defer { fixture.remove() }
        let app = WebApp(service: fixture.service)
        let onRouter = Set(app.router().routes.map { "\($0.method) \($0.path)" })
        let inRooms = Set(app.routePlaces().map(\.description))
        #expect(onRouter == inRooms)
        // The open routes are exactly these: nothing else is reachable without signing in.
        #expect(Set(app.routePlaces().filter(\.isOpen).map(\.description))
                == ["GET /assets/{name}", "GET /healthz", "GET /language", "GET /login", "POST /login", "POST /logout"])
        #expect(try Self.routes(of: app).count >= 24)
    }

    @Test func everyRoleAgainstEveryRoute() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let routes = try Self.routes(of: WebApp(service: fixture.service))
        try await fixture.test { client in
            for role in UserRole.allCases {
                let browser = Browser(client)
                let token = try await browser.signIn(role.rawValue)
                for route in routes {
                    let response = route.method == .get
                        ? try await browser.get(route.path)
                        : try await browser.post(route.path, form: [("_csrf", token)] + route.form)
                    if route.allowed.contains(role) {
                        #expect(response.status != .forbidden, "\(role) should be let in to \(route)")
                        #expect(!(response.location ?? "").hasPrefix("/login"), "\(role) was sent to sign in at \(route)")
                    } else {
                        #expect(response.status == .forbidden, "\(role) should be refused \(route), got \(response.status)")
                        #expect(response.text.contains("角色不能做这件事"), "\(role) at \(route): the refusal names the role")
                    }
                }
            }
        }
    }

    @Test func theStartPageSendsAnAdminToTheAccounts() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/").location == "/users")
            let clerk = Browser(client)
            try await clerk.signIn("clerk")
            let page = try await clerk.get("/")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"chart-month\""))
        }
    }

    @Test func nobodySignedInIsSentToSignIn() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            for route in try Self.routes(of: WebApp(service: fixture.service)) {
                let response = route.method == .get
                    ? try await browser.get(route.path)
                    : try await browser.post(route.path, form: route.form)
                #expect(response.status == .seeOther, "\(route)")
                #expect((response.location ?? "").hasPrefix("/login"), "\(route) → \(response.location ?? "nowhere")")
            }
            // Nothing was written on the way.
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE source = 'entered'") == 0)
            #expect(try await fixture.count("SELECT count(*) FROM web_user") == 5)
            // The next page is kept for after signing in, and only if it is this site's.
            #expect(try await browser.get("/orders?year=2020").location == "/login?next=%2Forders%3Fyear%3D2020")
        }
    }

    @Test func aDisabledAccountsSessionEnds() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            try await clerk.signIn("spare")
            #expect(try await clerk.get("/orders").status == .ok)
            try await fixture.service.write { try UserAccounts(store: $0).disable(name: "spare") }
            #expect((try await clerk.get("/orders").location ?? "").hasPrefix("/login"))
            // And it cannot sign in again.
            let page = try await clerk.get("/login")
            let token = try #require(Browser.token(in: page.text))
            let again = try await clerk.post("/login", form: [("_csrf", token), ("name", "spare"), ("password", "password-spare")])
            #expect(again.status == .unauthorized)
        }
    }
}
