import DRCCore
import Hummingbird
import HummingbirdAuth
import Logging

/// `drc serve`: the routes of the web interface over one database service. Each route stands in
/// a room (`SiteMap`), whose door lets in only the roles that may enter it; handlers are thin and
/// call the same repositories, lifecycle, totals and exports as the command line.
public struct WebApp: Sendable {
    let service: DatabaseService
    let configuration: WebConfiguration
    let sessionStore: DatabaseSessionDriver
    /// Uploads kept from a dry run for the real import.
    let uploads = UploadStash()

    public init(service: DatabaseService, configuration: WebConfiguration = WebConfiguration()) {
        self.service = service
        self.configuration = configuration
        sessionStore = DatabaseSessionDriver(service: service, now: configuration.now)
    }

    static let sessionCookie = "drc_session"
    /// Where a session's key starts in `web_session` (Hummingbird's own default).
    static let sessionKeyPrefix = "hbs."

    public func router() -> Router<WebContext> { site().router }

    /// Every route with its room, as the router has them: for the role test.
    public func routePlaces() -> [RoutePlace] { site().places }

    private func site() -> SiteMap {
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
        var site = SiteMap(router: router, door: SignedIn(service: service, configuration: configuration))
        site.open(.get, "/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let response = Assets.response(name) else {
                throw HTTPError(.notFound)
            }
            return response
        }
        site.open(.get, "/healthz") { _, _ in await self.health() }
        site.open(.get, "/language") { request, _ in self.chooseLanguage(request) }
        site.open(.get, "/login") { request, context in try await self.signInPage(request, context) }
        site.open(.post, "/login") { request, context in try await self.signIn(request, context) }
        site.open(.post, "/logout") { request, context in try await self.signOut(request, context) }
        site.page("/", in: Lobby.self) { request, context in try await self.dashboard(request, context) }
        site.page("/password", in: Lobby.self) { request, context in try await self.passwordPage(request, context) }
        site.form("/password", in: Lobby.self) { request, context in try await self.changePassword(request, context) }
        site.page("/orders", in: Records.self) { request, context in try await self.orderList(request, context) }
        site.page("/orders/:id", in: Records.self) { request, context in try await self.orderPage(request, context) }
        for kind in ReferenceLists.kinds {
            site.page("/\(ReferenceLists.path(kind))", in: Records.self) { request, context in try await self.referenceList(kind, request, context) }
        }
        site.page("/orders/new", in: Entry.self) { request, context in try await self.entryPage(request, context) }
        site.form("/orders", in: Entry.self) { request, context in try await self.addOrder(request, context) }
        site.page("/orders/:id/edit", in: Entry.self) { request, context in try await self.editPage(request, context) }
        site.form("/orders/:id/edit", in: Entry.self) { request, context in try await self.editOrder(request, context) }
        site.form("/orders/:id/status", in: Entry.self) { request, context in try await self.changeStatus(request, context) }
        site.page("/import", in: Entry.self) { request, context in try await self.importPage(request, context) }
        site.upload("/import", in: Entry.self) { request, context in try await self.importUpload(request, context) }
        site.page("/orders/export", in: Reports.self) { request, context in try await self.exportOrders(request, context) }
        site.page("/report", in: Reports.self) { request, context in try await self.reportPage(request, context) }
        site.page("/report/download", in: Reports.self) { request, context in try await self.reportDownload(request, context) }
        site.page("/totals", in: Reports.self) { request, context in try await self.totalsPage(request, context) }
        site.page("/sla", in: Reports.self) { request, context in try await self.slaPage(request, context) }
        site.page("/score", in: Reports.self) { request, context in try await self.scorePage(request, context) }
        site.page("/budget", in: Reports.self) { request, context in try await self.budgetPage(request, context) }
        site.page("/loop", in: Reports.self) { request, context in try await self.loopPage(request, context) }
        site.page("/check", in: Reports.self) { request, context in try await self.checkPage(request, context) }
        site.page("/users", in: Accounts.self) { request, context in try await self.userList(request, context) }
        site.form("/users", in: Accounts.self) { request, context in try await self.addUser(request, context) }
        site.form("/users/:id/disable", in: Accounts.self) { request, context in try await self.disableUser(request, context) }
        return site
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
