import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// What the server's logger was given, line by line.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []
    var lines: [String] { lock.withLock { captured } }
    func append(_ line: String) { lock.withLock { captured.append(line) } }

    var logger: Logger {
        Logger(label: "drc-test") { _ in CapturingHandler(log: self) }
    }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            log.append("\(level) \(message)")
        }
    }
}

/// The access log: one line per request with the method, the path without its query, the
/// status, the milliseconds and the account; `/healthz` answers anyone and shows no records.
@Suite struct AccessLogTests {
    func test(_ fixture: WebFixture, _ log: CapturedLog, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: WebApp(service: fixture.service).router(), logger: log.logger)
        try await app.test(.router) { client in try await body(client) }
    }

    /// `info GET /orders 200 3.1ms user=2`, parsed.
    func parts(_ line: String) -> (method: String, path: String, status: String, milliseconds: Double?, user: String)? {
        let words = line.split(separator: " ").map(String.init)
        guard words.count == 6, words[0] == "info", words[4].hasSuffix("ms"), words[5].hasPrefix("user=") else { return nil }
        return (words[1], words[2], words[3], Double(words[4].dropLast(2)), String(words[5].dropFirst(5)))
    }

    @Test func oneLinePerRequestWithoutTheQuery() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let log = CapturedLog()
        let clerkID = try await fixture.count("SELECT id FROM web_user WHERE name = 'clerk'")
        try await test(fixture, log) { client in
            let browser = Browser(client)
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.text == "ok\n")
            #expect(try await browser.get("/orders?vendor=secret-word").status == .seeOther)
            try await browser.signIn("clerk")
            // An unknown vendor in the filter: a 404, logged as one.
            #expect(try await browser.get("/orders?vendor=secret-word&year=2020").status == .notFound)
            #expect(try await browser.get("/no-such-page?token=abc").status == .notFound)
        }
        let lines = log.lines
        // /healthz, /orders (signed out), the sign-in page, the sign-in, the form-token page, /orders, the 404.
        #expect(lines.count == 7, "\(lines)")
        let parsed = lines.compactMap(parts)
        #expect(parsed.count == lines.count, "\(lines)")
        #expect(parsed.map { "\($0.method) \($0.path) \($0.status) \($0.user)" } == [
            "GET /healthz 200 -", "GET /orders 303 -", "GET /login 200 -", "POST /login 303 \(clerkID)",
            "GET / 200 \(clerkID)", "GET /orders 404 \(clerkID)", "GET /no-such-page 404 \(clerkID)",
        ])
        #expect(parsed.allSatisfy { ($0.milliseconds ?? -1) >= 0 })
        #expect(!lines.joined().contains("secret-word") && !lines.joined().contains("token=abc"))
    }

    @Test func healthNeedsNoSessionAndShowsNoRecords() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.headers[.setCookie] == nil)
        }
    }
}
