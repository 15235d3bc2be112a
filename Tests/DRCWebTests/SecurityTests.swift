import DRCCore
import DRCWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Forms without this session's token change nothing; sign-in is throttled; cookies carry
/// their flags; hostile names are escaped; a bad upload writes nothing.
@Suite struct SecurityTests {
    static let order = [("vendor", "美音"), ("category", "全区网络故障"), ("opened", "2020-05-06 09:00"), ("summary", "交换机掉线")]

    @Test func formsWithoutTheSessionsTokenAreRefused() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let other = Browser(client)
            let otherToken = try await other.signIn("spare")
            #expect(token != otherToken)
            let before = try await fixture.count("SELECT count(*) FROM work_order")
            let eventsBefore = try await fixture.count("SELECT count(*) FROM status_event")
            for form in [Self.order, [("_csrf", "")] + Self.order, [("_csrf", (token.first == "0" ? "1" : "0") + token.dropFirst())] + Self.order,
                         [("_csrf", otherToken)] + Self.order, [("_csrf", token + "00")] + Self.order] {
                let response = try await clerk.post("/orders", form: form)
                #expect(response.status == .forbidden, "token \(form.first { $0.0 == "_csrf" }?.1 ?? "missing") against \(token)")
                #expect(response.text.contains("表单已过期"))
            }
            let status = try await clerk.post("/orders/1/status", form: [("_csrf", "bad"), ("action", "reopen")])
            #expect(status.status == .forbidden)
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
            #expect(try await fixture.count("SELECT count(*) FROM status_event") == eventsBefore)
            // The right token is taken (the check is not refusing everything).
            let accepted = try await clerk.post("/orders", form: [("_csrf", token)] + Self.order)
            #expect(accepted.status == .seeOther)
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before + 1)
            // Signing out needs the token too.
            #expect(try await clerk.post("/logout", form: [("_csrf", otherToken)]).status == .forbidden)
            #expect(try await clerk.get("/orders").status == .ok)
        }
    }

    @Test func theSignInFormNeedsItsTokenToo() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.get("/login")
            let response = try await browser.post("/login", form: [("_csrf", String(repeating: "a", count: 64)), ("name", "clerk"),
                                                                   ("password", "password-clerk")])
            #expect(response.status == .forbidden)
            #expect(browser.cookies["drc_session"] == nil)
        }
    }

    @Test func signInIsThrottledAfterFiveFailures() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let browser = Browser(client)
            for _ in 0..<5 {
                let token = try #require(Browser.token(in: try await browser.get("/login").text))
                let response = try await browser.post("/login", form: [("_csrf", token), ("name", "clerk"), ("password", "wrong-password")])
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("账户名或密码不对"))
            }
            let token = try #require(Browser.token(in: try await browser.get("/login").text))
            let response = try await browser.post("/login", form: [("_csrf", token), ("name", "clerk"), ("password", "password-clerk")])
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("登录失败次数太多"))
            #expect(browser.cookies["drc_session"] == nil)
            // Another account is not held up by the clerk's failures (same address: an office shares one).
            try await Browser(client).signIn("manager")
        }
    }

    @Test func theThrottleCountsEachNameAndAddressInItsWindow() async throws {
        let clock = ManualClock()
        let throttle = SignInThrottle(limit: 3, addressLimit: 5, window: 60, now: { clock.now })
        for _ in 0..<3 { await throttle.failed(["name:a", "address:x"]) }
        #expect(await throttle.wait(for: ["name:a", "address:y"]) == 60)
        #expect(await throttle.wait(for: ["name:b", "address:x"]) == nil)
        for _ in 0..<2 { await throttle.failed(["name:b", "address:x"]) }
        #expect(await throttle.wait(for: ["name:c", "address:x"]) == 60)
        clock.now = 45
        #expect(await throttle.wait(for: ["name:a", "address:y"]) == 15)
        clock.now = 61
        #expect(await throttle.wait(for: ["name:a", "address:x"]) == nil)
    }

    final class ManualClock: @unchecked Sendable {
        var now = 0.0
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndSecureUnderTLS() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        for secure in [false, true] {
            try await fixture.test(configuration: WebConfiguration(secureCookies: secure)) { client in
                let browser = Browser(client)
                let token = try #require(Browser.token(in: try await browser.get("/login").text))
                let response = try await browser.post("/login", form: [("_csrf", token), ("name", "clerk"), ("password", "password-clerk")])
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("drc_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Secure") == secure)
            }
        }
    }

    @Test func hostileNamesAreEscapedOnEveryPage() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let hostile = ["<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "红\u{1B}[2J\u{07}", "美\u{202E}txt.exe", "a\u{2066}b\u{0}c"]
        try await fixture.service.write { store in
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "test")
            for (index, name) in hostile.enumerated() {
                guard !name.contains("\u{0}") else { continue }
                let id = try vendors.add(["name": name])
                try RecordRepository(store: store, kind: .order, actor: "test").add(
                    ["vendor": "#\(id)", "category": "全区网络故障", "opened": "2020-0\(index + 1)-02 10:00", "summary": name])
            }
        }
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.signIn("clerk")
            for path in ["/vendors", "/orders?year=2020&sort=vendor", "/orders/new", "/", "/orders/9425"] {
                let page = try await browser.get(path).text
                #expect(!page.contains("<script>alert"), "\(path)")
                #expect(!page.contains("<img src=x"), "\(path)")
                for scalar: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{202E}", "\u{2066}"] {
                    #expect(!page.unicodeScalars.contains(scalar), "\(path) carries U+\(String(scalar.value, radix: 16))")
                }
            }
            let vendors = try await browser.get("/vendors").text
            #expect(vendors.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(vendors.contains("美\\u{202E}txt.exe"))
            #expect(vendors.contains("红\\u{1B}[2J\\u{07}"))
        }
    }

    @Test func aBadUploadChangesNothing() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let before = try await fixture.count("SELECT count(*) FROM work_order")
            let bad = "vendor,category,opened,summary\n美音,全区网络故障,2020-03-02,好的一行\n无此公司,全区网络故障,2020-02-30,坏的一行\n"
            let response = try await Self.upload(clerk, token: token, file: bad, mode: "import")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("什么都没有写入"))
            #expect(response.text.contains("无此公司"))
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
            // The bad rows can be downloaded with their reasons; that writes nothing either.
            let rejects = try await Self.upload(clerk, token: token, file: bad, mode: "rejects")
            #expect(rejects.status == .ok)
            #expect(rejects.text.contains("无此公司"))
            #expect(!rejects.text.contains("好的一行"))
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
            // Not UTF-8 (GB18030 bytes): refused with the encoding named, nothing written.
            var gbk = ByteBuffer(string: "vendor,category\n")
            gbk.writeBytes([0xC3, 0xC0, 0xD2, 0xF4, 0x2C, 0x41, 0x0A])
            let notUTF8 = try await Self.upload(clerk, token: token, bytes: gbk, mode: "import")
            // Said on the import page (issue 26, item 8), not on a bare error page.
            #expect(notUTF8.status == .unprocessableContent)
            #expect(notUTF8.text.contains("action=\"/import\"") && notUTF8.text.contains("class=\"message\""), "\(notUTF8.text)")
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
            // Without the token: refused before reading the file.
            let forged = try await Self.upload(clerk, token: "forged", file: "vendor,category\n美音,全区网络故障\n", mode: "import")
            #expect(forged.status == .forbidden)
            // A good file: the dry run writes nothing, the import writes it.
            let good = "vendor,category,opened,summary\n美音,全区网络故障,2020-03-02,一\n美音,终端桌面,2020-03-03,二\n"
            let dry = try await Self.upload(clerk, token: token, file: good, mode: "dry-run")
            #expect(dry.status == .ok)
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
            let real = try await Self.upload(clerk, token: token, file: good, mode: "import")
            #expect(real.status == .ok)
            #expect(try await fixture.count("SELECT count(*) FROM work_order") == before + 2)
            #expect(try await fixture.count("SELECT count(*) FROM history WHERE action = 'batch' AND actor = 'clerk'") == 1)
        }
    }

    @Test func anUploadTooLargeIsRefusedUnread() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let big = String(repeating: "美音,全区网络故障,2020-03-02,x\n", count: WebLimits.uploadBytes / 20)
            let response = try await Self.upload(clerk, token: token, file: "vendor,category,opened,summary\n" + big, mode: "import")
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("上传的文件太大"))
        }
    }

    static func upload(_ browser: Browser, token: String, file: String, mode: String) async throws -> TestResponse {
        try await upload(browser, token: token, bytes: ByteBuffer(string: file), mode: mode)
    }

    static func upload(_ browser: Browser, token: String, bytes: ByteBuffer, mode: String) async throws -> TestResponse {
        let boundary = "----drcTestBoundary7MA4YWxkTrZu0gW"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        var file = bytes
        body.writeBuffer(&file)
        body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n\(mode)\r\n--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await browser.send("/import", method: .post, headers: headers, body: body)
    }
}
