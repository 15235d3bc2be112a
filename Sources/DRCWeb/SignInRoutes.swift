import DRCCore
import DRCDocuments
import Hummingbird
import HummingbirdAuth

/// Signing in and out. The sign-in form carries a token too (from a cookie of its own, as no
/// session exists yet), failures are throttled per name and per address, and a success starts
/// a new session (a new id, so a planted session cookie is worth nothing).
extension WebApp {
    static let signInCookie = "drc_signin"

    func signInPage(_ request: Request, _ context: WebContext, error: DRCError? = nil, name: String = "") async throws -> Response {
        if context.sessions.session != nil, error == nil { return Responses.redirect("/") }
        let token = request.cookies[Self.signInCookie].map(\.value).flatMap { $0.count == 64 ? $0 : nil } ?? Gate.randomToken()
        let viewer = Viewer(account: nil, language: WebLanguage.choose(request), csrfToken: token, path: "/login")
        let next = Gate.safeNext(request.uri.queryParameters.get("next"))
        let message: HTML = error.map { "<p class=\"message\" role=\"alert\">\(viewer.messages.error($0))</p>" } ?? ""
        let body: HTML = """
            <h1>\(viewer.say("登录", "Sign in"))</h1>\(message)
            <form method="post" action="/login" class="entry">\(viewer.csrfField)
            <input type="hidden" name="next" value="\(next)">
            <label for="name">\(viewer.say("账户名", "Account name"))</label>
            <input id="name" name="name" value="\(name)" autocomplete="username" required autofocus>
            <label for="password">\(viewer.say("密码", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <div class="actions"><button type="submit">\(viewer.say("登录", "Sign in"))</button></div></form>
            """
        var response = Responses.page(Layout.page(viewer, title: viewer.say("登录", "Sign in"), body: body, navigation: false),
                                      status: error == nil ? .ok : (error == .formExpired ? .forbidden : .unauthorized))
        response.setCookie(Cookie(name: Self.signInCookie, value: token, path: "/", secure: configuration.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Gate.readForm(request)
        let name = form["name"] ?? ""
        guard let expected = request.cookies[Self.signInCookie]?.value, (try? Gate.checkToken(form["_csrf"], expected: expected)) != nil else {
            return try await signInPage(request, context, error: .formExpired, name: name)
        }
        let address = context.remoteAddressText
        let keys = ["name:" + name, "address:" + address]
        if let wait = await configuration.throttle.wait(for: keys) {
            return try await signInPage(request, context, error: .signInThrottled(retryAfterSeconds: wait), name: name)
        }
        let found = try await service.read { try UserAccounts(store: $0).find(name) }
        let password = form["password"] ?? ""
        // An unknown name is checked against a decoy hash: it takes as long as a wrong password.
        let matches = await Passwords.verifyOffLoop(password, hash: found?.passwordHash ?? Passwords.decoy)
        guard let found, matches, found.account.active else {
            await configuration.throttle.failed(keys)
            return try await signInPage(request, context, error: .signInFailed, name: name)
        }
        await configuration.throttle.succeeded("name:" + name)
        try await startSession(request, context.sessions, for: found.account)
        var response = Responses.redirect(Gate.safeNext(form["next"]))
        response.setCookie(Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// A new session (a new id) for the account; the browser's previous session, if any, ends.
    func startSession(_ request: Request, _ sessions: SessionContext<WebSession>, for account: UserAccount) async throws {
        if let previous = request.cookies[Self.sessionCookie]?.value {
            try await sessionStore.remove(key: Self.sessionKeyPrefix + previous)
        }
        let now = configuration.now()
        sessions.createSession(
            WebSession(userID: account.id, csrfToken: Gate.randomToken(), epoch: account.sessionEpoch, startedAt: now, lastSeenAt: now),
            expiresIn: .seconds(3600 * configuration.sessionHours))
    }

    func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Gate.readForm(request)
        guard let session = context.sessions.session else { return Responses.redirect("/login") }
        try Gate.checkToken(form["_csrf"], expected: session.csrfToken)
        context.sessions.clearSession()
        return Responses.redirect("/login")
    }
}
