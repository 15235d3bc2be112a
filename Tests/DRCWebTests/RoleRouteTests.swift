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
        /// The roles the route lets in: written out here, not computed from `UserRole.may`.
        let allowed: Set<UserRole>
        var description: String { "\(method) \(path)" }
    }

    static let readers: Set<UserRole> = [.clerk, .manager, .auditor]
    static let routes: [Route] = [
        Route(method: .get, path: "/orders", form: [], allowed: readers),
        Route(method: .get, path: "/orders?status=closed&sort=opened&dir=desc&page=2", form: [], allowed: readers),
        Route(method: .get, path: "/orders/1", form: [], allowed: readers),
        Route(method: .get, path: "/vendors", form: [], allowed: readers),
        Route(method: .get, path: "/units", form: [], allowed: readers),
        Route(method: .get, path: "/projects", form: [], allowed: readers),
        Route(method: .get, path: "/categories", form: [], allowed: readers),
        Route(method: .get, path: "/orders/new", form: [], allowed: [.clerk]),
        Route(method: .post, path: "/orders", form: [("vendor", "美音"), ("category", "全区网络故障"), ("opened", "2020-05-06 09:00")],
              allowed: [.clerk]),
        Route(method: .post, path: "/orders/1/status", form: [("action", "reopen")], allowed: [.clerk]),
        Route(method: .get, path: "/import", form: [], allowed: [.clerk]),
        Route(method: .get, path: "/orders/export?year=2020", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/orders/export?year=2020&format=xlsx", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/report?year=2020", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/loop?year=2021", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/check?year=2021", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/report/download?year=2020", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/report/download?year=2020&format=html", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/report/download?year=2020&format=docx", form: [], allowed: [.manager, .auditor]),
        Route(method: .get, path: "/users", form: [], allowed: [.admin]),
        Route(method: .post, path: "/users", form: [("name", "新同事"), ("role", "clerk"), ("password", "long-enough-1")], allowed: [.admin]),
        Route(method: .post, path: "/users/5/disable", form: [], allowed: [.admin]),
        Route(method: .get, path: "/password", form: [], allowed: Set(UserRole.allCases)),
        Route(method: .post, path: "/password", form: [("current", "not the password"), ("new", "x"), ("again", "y")],
              allowed: Set(UserRole.allCases)),
    ]

    @Test func everyRoleAgainstEveryRoute() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            for role in UserRole.allCases {
                let browser = Browser(client)
                let token = try await browser.signIn(role.rawValue)
                for route in Self.routes {
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
            for route in Self.routes + [Route(method: .get, path: "/", form: [], allowed: [])] {
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
