import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLiteDB
import Testing

/// A fresh database with the seed's vendors and categories and one account per role (every
/// password `password-<role>`, hashed at a low cost so the tests stay quick).
struct WebFixture {
    let folder: String
    let path: String
    let service: DatabaseService

    init(seed: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-web-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/drc.sqlite"
        try Self.create(path, seed: seed)
        service = try DatabaseService(path: path)
    }

    /// The store is closed when this returns (its connection goes with it).
    private static func create(_ path: String, seed: Bool) throws {
        let store = try Store(path: path, access: .create)
        if seed { _ = try SeedLoader(store: store, actor: "test").load() }
        let accounts = UserAccounts(store: store)
        for role in UserRole.allCases {
            try accounts.add(name: role.rawValue, role: role, passwordHash: Passwords.hash("password-\(role.rawValue)", cost: 4))
        }
        // An account for the admin to disable in the tests.
        try accounts.add(name: "spare", role: .clerk, passwordHash: Passwords.hash("password-spare", cost: 4))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    func count(_ sql: String) async throws -> Int64 {
        try await service.read { try $0.db.scalar(sql)?.int64 ?? -1 }
    }

    /// Runs `body` with a test client of a new app over this database.
    func test(configuration: WebConfiguration = WebConfiguration(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: WebApp(service: service, configuration: configuration).router())
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A browser's cookie jar and the forms' token, over the test client.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var language: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: extra, body: nil)
    }

    @discardableResult
    func post(_ uri: String, form: [(String, String)]) async throws -> TestResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let cookieValue = pair.count > 1 ? String(pair[1]) : ""
            if cookieValue.isEmpty || value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        return response
    }

    /// The token in the last page's forms.
    static func token(in page: String) -> String? {
        guard let range = page.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix(64))
    }

    /// Signs in as `name` with its fixture password; returns the forms' token of the session.
    @discardableResult
    func signIn(_ name: String, password: String? = nil) async throws -> String {
        let page = try await get("/login")
        let token = try #require(Self.token(in: String(buffer: page.body)))
        let response = try await post("/login", form: [("_csrf", token), ("name", name), ("password", password ?? "password-\(name)")])
        #expect(response.status == .seeOther, "signing in as \(name)")
        return try await formToken()
    }

    /// The session's form token, read from a page every signed-in role can open.
    func formToken() async throws -> String {
        for path in ["/", "/users"] {
            let response = try await get(path)
            if let token = Self.token(in: String(buffer: response.body)) { return token }
        }
        throw TokenMissing()
    }

    struct TokenMissing: Error {}

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
