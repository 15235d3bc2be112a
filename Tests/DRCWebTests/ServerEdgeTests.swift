import DRCCore
import DRCWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The server as a socket sees it: a request it cannot parse is the client's fault (a 400 with
/// words, not a 500), an oversize form says it is a form, and a connection that stalls half-way
/// through a request is closed while other clerks are served.
@Suite struct ServerEdgeTests {
    /// The live server `drc serve` starts, over the fixture, with a short idle timeout.
    static func live(_ fixture: WebFixture, idleSeconds: Int = 30,
                     _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let app = WebApp(service: fixture.service, configuration: WebConfiguration(idleTimeoutSeconds: idleSeconds))
            .application(host: "127.0.0.1", port: 0)
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test func aBrokenChunkedBodyIsTheClientsFault() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await Self.live(fixture) { port in
            let connection = try RawConnection(port: port)
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n")
            let answer = await connection.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            #expect(answer.contains("请求格式不对"))
        }
    }

    @Test func anOversizeFormSaysItIsAForm() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let before = try await fixture.count("SELECT count(*) FROM work_order")
        try await fixture.test { client in
            let browser = Browser(client)
            let token = try await browser.signIn("clerk")
            let response = try await browser.post("/orders", form: [("_csrf", token), ("summary", String(repeating: "长", count: 100_000))])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("表单太大（最多 256 KiB）"), "\(response.text.suffix(300))")
            #expect(!response.text.contains("上传的文件"))
        }
        #expect(try await fixture.count("SELECT count(*) FROM work_order") == before)
    }

    @Test func stalledConnectionsAreClosedWhileOthersAreServed() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await Self.live(fixture, idleSeconds: 1) { port in
            // Five clients that send half a request head and then nothing.
            var stalled: [RawConnection] = []
            for _ in 0..<5 {
                let connection = try RawConnection(port: port)
                connection.send("GET /orders HTTP/1.1\r\nHost: local")
                stalled.append(connection)
            }
            // Meanwhile another client is answered at once.
            let other = try RawConnection(port: port)
            other.send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(await other.readAll().hasPrefix("HTTP/1.1 200"))
            try await Task.sleep(for: .seconds(2.5))
            for (index, connection) in stalled.enumerated() {
                #expect(connection.isClosedByServer, "stalled connection \(index) is still open")
            }
        }
    }
}
