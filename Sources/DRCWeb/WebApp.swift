import DRCCore
import Hummingbird
import HummingbirdAuth
import Logging

/// `drc serve`: the routes of the web interface over one database service. Routes are thin:
/// each asks the gate who is there and what they may do, then calls the same repositories,
/// lifecycle, totals and exports as the command line.
public struct WebApp: Sendable {
    let service: DatabaseService
    let configuration: WebConfiguration
    let sessionStore: DatabaseSessionDriver
    /// Uploads kept from a dry run for the real import.
    let uploads = UploadStash()
    var gate: Gate { Gate(service: service, configuration: configuration) }

    public init(service: DatabaseService, configuration: WebConfiguration = WebConfiguration()) {
        self.service = service
        self.configuration = configuration
        sessionStore = DatabaseSessionDriver(service: service, now: configuration.now)
    }

    static let sessionCookie = "drc_session"
    /// Where a session's key starts in `web_session` (Hummingbird's own default).
    static let sessionKeyPrefix = "hbs."

    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SessionMiddleware(
            storage: sessionStore,
            configuration: SessionMiddlewareConfiguration(
                sessionCookieParameters: SessionCookieParameters(name: Self.sessionCookie, path: "/", secure: configuration.secureCookies,
                                                                 sameSite: .strict),
                keyPrefix: Self.sessionKeyPrefix,
                defaultSessionExpiration: .seconds(3600 * configuration.sessionHours))))
        // Inside the sessions, so a session ended on the way to an error page stays ended.
        router.add(middleware: ErrorPages())
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let response = Assets.response(name) else {
                throw HTTPError(.notFound)
            }
            return response
        }
        router.get("/healthz") { _, _ in await self.health() }
        router.get("/language") { request, _ in self.chooseLanguage(request) }
        router.get("/login") { request, context in try await self.signInPage(request, context) }
        router.post("/login") { request, context in try await self.signIn(request, context) }
        router.post("/logout") { request, context in try await self.signOut(request, context) }
        router.get("/") { request, context in try await self.dashboard(request, context) }
        router.get("/orders") { request, context in try await self.orderList(request, context) }
        router.get("/orders/new") { request, context in try await self.entryPage(request, context) }
        router.post("/orders") { request, context in try await self.addOrder(request, context) }
        router.get("/orders/export") { request, context in try await self.exportOrders(request, context) }
        router.get("/orders/:id") { request, context in try await self.orderPage(request, context) }
        router.post("/orders/:id/status") { request, context in try await self.changeStatus(request, context) }
        for kind in ReferenceLists.kinds {
            router.get("/\(ReferenceLists.path(kind))") { request, context in try await self.referenceList(kind, request, context) }
        }
        router.get("/import") { request, context in try await self.importPage(request, context) }
        router.post("/import") { request, context in try await self.importUpload(request, context) }
        router.get("/report") { request, context in try await self.reportPage(request, context) }
        router.get("/loop") { request, context in try await self.loopPage(request, context) }
        router.get("/check") { request, context in try await self.checkPage(request, context) }
        router.get("/report/download") { request, context in try await self.reportDownload(request, context) }
        router.get("/users") { request, context in try await self.userList(request, context) }
        router.post("/users") { request, context in try await self.addUser(request, context) }
        router.post("/users/:id/disable") { request, context in try await self.disableUser(request, context) }
        router.get("/password") { request, context in try await self.passwordPage(request, context) }
        router.post("/password") { request, context in try await self.changePassword(request, context) }
        return router
    }

    /// Serves until the process is stopped (Ctrl-C or SIGTERM).
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        _ = Passwords.decoy
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    /// The server as `run` starts it: its routes, its sessions' store and its timeouts.
    public func application(host: String, port: Int, logger: Logger? = nil,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "drc"),
            services: [sessionStore],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// The language switch: a preference cookie (not a secret), then back to the page.
    func chooseLanguage(_ request: Request) -> Response {
        let language = request.uri.queryParameters.get("to").flatMap(Language.init(rawValue:)) ?? .zh
        var response = Responses.redirect(Gate.safeNext(request.uri.queryParameters.get("back")))
        response.setCookie(Cookie(name: WebLanguage.cookieName, value: language.rawValue, maxAge: 3600 * 24 * 365, path: "/",
                                  secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
