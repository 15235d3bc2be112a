import DRCCore
import DRCWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every response carries the security headers: pages, downloads, redirects (to sign in, after a
/// form, the language switch), error pages and the router's own answers for unknown paths.
@Suite struct SecurityHeaderTests {
    static let required: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "frame-ancestors 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    func check(_ response: TestResponse, _ what: String) {
        for (name, value) in Self.required {
            #expect(response.headers[name]?.contains(value) == true, "\(what) (\(response.status.code)) lacks \(name)")
        }
    }

    @Test func everyResponseRedirectsIncludedCarriesThem() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let routes = try RoleRouteTests.routes(of: WebApp(service: fixture.service))
        try await fixture.test { client in
            // Nobody signed in: every route answers with a redirect to sign in, or the sign-in page.
            let stranger = Browser(client)
            for route in routes {
                let response = route.method == .get ? try await stranger.get(route.path) : try await stranger.post(route.path, form: route.form)
                check(response, "signed out, \(route)")
            }
            check(try await stranger.get("/no-such-page"), "an unknown path")
            check(try await stranger.get("/language?to=en&back=/orders"), "the language switch")
            for role in UserRole.allCases {
                let browser = Browser(client)
                let token = try await browser.signIn(role.rawValue)
                for route in routes {
                    let response = route.method == .get
                        ? try await browser.get(route.path)
                        : try await browser.post(route.path, form: [("_csrf", token)] + route.form)
                    check(response, "\(role), \(route)")
                }
                check(try await browser.send("/orders", method: .delete, headers: [:], body: nil), "\(role), a method not allowed")
                check(try await browser.post("/logout", form: [("_csrf", token)]), "\(role), signing out")
            }
        }
    }
}
