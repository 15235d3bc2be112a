import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Sessions as users expect them: kept in the database so a restart signs no one out; ended
/// everywhere by a password change, an administrator's reset or a disable; ended in the browser
/// by signing in again; ended after two idle hours or ten hours in all.
@Suite struct SessionTests {
    /// A clock the test moves on by hand (Unix seconds).
    final class HandClock: Sendable {
        let seconds = Mutex<Double>(1_800_000_000)
        func advance(minutes: Double) { seconds.withLock { $0 += minutes * 60 } }
        var now: @Sendable () -> Double { { self.seconds.withLock { $0 } } }
    }

    static func signedOut(_ response: TestResponse) -> Bool {
        response.status == .seeOther && (response.location ?? "").hasPrefix("/login")
    }

    @Test func aRestartSignsNoOneOut() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let cookies = Mutex<[String: String]>([:])
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("clerk")
            cookies.withLock { $0 = browser.cookies }
        }
        #expect(try await fixture.count("SELECT count(*) FROM web_session") == 1)
        // A new server over the same database: the same cookie is still signed in.
        let saved = cookies.withLock { $0 }
        try await fixture.test { client in
            let browser = Browser(client)
            browser.cookies = saved
            let response = try await browser.get("/orders")
            #expect(response.status == .ok)
        }
    }

    @Test func aPasswordChangeEndsTheAccountsOtherSessionsNotThisOne() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let here = Browser(client)
            let token = try await here.signIn("clerk")
            let elsewhere = Browser(client)
            try await elsewhere.signIn("clerk")
            let manager = Browser(client)
            try await manager.signIn("manager")

            let wrong = try await here.post("/password", form: [("_csrf", token), ("current", "not it"), ("new", "a-new-password"), ("again", "a-new-password")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("当前密码不对"))
            let differ = try await here.post("/password", form: [("_csrf", token), ("current", "password-clerk"), ("new", "a-new-password"), ("again", "another")])
            #expect(differ.text.contains("两次输入的新密码不一样"))
            #expect(try await elsewhere.get("/orders").status == .ok, "a refused change ends nothing")

            let changed = try await here.post("/password", form: [("_csrf", token), ("current", "password-clerk"), ("new", "a-new-password"), ("again", "a-new-password")])
            #expect(changed.location == "/password?changed=1")
            #expect(try await here.get("/orders").status == .ok, "the browser that changed it stays signed in")
            #expect(Self.signedOut(try await elsewhere.get("/orders")), "the account's other session ends")
            #expect(try await manager.get("/orders").status == .ok, "another account's session is untouched")
            try await Browser(client).signIn("clerk", password: "a-new-password")
        }
    }

    @Test func anAdministratorsResetEndsSessionsAndForcesAChange() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let before = Browser(client)
            try await before.signIn("clerk")
            try await fixture.service.write { store in
                try UserAccounts(store: store).setPassword(name: "clerk", passwordHash: Passwords.hash("given-by-admin", cost: 4), mustChange: true)
            }
            #expect(Self.signedOut(try await before.get("/orders")))
            let after = Browser(client)
            let page = try await after.get("/login")
            let signInToken = try #require(Browser.token(in: page.text))
            _ = try await after.post("/login", form: [("_csrf", signInToken), ("name", "clerk"), ("password", "given-by-admin")])
            let orders = try await after.get("/orders")
            #expect(orders.location == "/password", "a reset account is sent to choose its password first")
            let form = try await after.get("/password")
            #expect(form.text.contains("管理员重设了您的密码"))
            let token = try #require(Browser.token(in: form.text))
            _ = try await after.post("/password", form: [("_csrf", token), ("current", "given-by-admin"), ("new", "my-own-password"), ("again", "my-own-password")])
            #expect(try await after.get("/orders").status == .ok)
        }
    }

    @Test func signingInAgainEndsTheBrowsersPreviousSession() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let first = Browser(client)
            try await first.signIn("clerk")
            let old = first.cookies
            // The same browser signs in again (as another account): its old session id is dead.
            let again = Browser(client)
            let token = try #require(Browser.token(in: try await again.get("/login").text))
            again.cookies.merge(old) { new, _ in new }
            let response = try await again.post("/login", form: [("_csrf", token), ("name", "manager"), ("password", "password-manager")])
            #expect(response.status == .seeOther)
            #expect(again.cookies["drc_session"] != old["drc_session"])
            let replay = Browser(client)
            replay.cookies = old
            #expect(Self.signedOut(try await replay.get("/orders")), "the previous session's cookie no longer signs in")
        }
    }

    @Test func sessionsEndAfterTwoIdleHoursOrTenHoursInAll() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let clock = HandClock()
        try await fixture.test(configuration: WebConfiguration(now: clock.now)) { client in
            let idle = Browser(client)
            try await idle.signIn("clerk")
            clock.advance(minutes: 119)
            #expect(try await idle.get("/orders").status == .ok, "119 idle minutes: still signed in")
            clock.advance(minutes: 119)
            #expect(try await idle.get("/orders").status == .ok, "a page two hours after the start but 119 minutes after the last")
            clock.advance(minutes: 121)
            #expect(Self.signedOut(try await idle.get("/orders")), "121 idle minutes: signed out")

            let busy = Browser(client)
            try await busy.signIn("clerk")
            for _ in 0..<9 {
                clock.advance(minutes: 60)
                #expect(try await busy.get("/orders").status == .ok)
            }
            clock.advance(minutes: 59)
            #expect(try await busy.get("/orders").status == .ok, "9 h 59 min in all")
            clock.advance(minutes: 2)
            #expect(Self.signedOut(try await busy.get("/orders")), "past ten hours in all, however busy")
        }
    }

    @Test func aDisabledAccountEnabledAgainSignsIn() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await fixture.service.write { try UserAccounts(store: $0).disable(name: "clerk") }
            let refused = Browser(client)
            let token = try #require(Browser.token(in: try await refused.get("/login").text))
            #expect(try await refused.post("/login", form: [("_csrf", token), ("name", "clerk"), ("password", "password-clerk")]).status == .unauthorized)
            try await fixture.service.write { try UserAccounts(store: $0).enable(name: "clerk") }
            try await Browser(client).signIn("clerk")
        }
    }
}
