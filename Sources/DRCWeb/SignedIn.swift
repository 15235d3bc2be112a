import DRCCore
import Hummingbird
import HummingbirdAuth

/// The door of every room: who is signed in (else off to the sign-in page, the page asked for
/// kept), whether their session still holds (the account active, its epoch unchanged, neither
/// the session's lifetime nor its idle time past), and whether they must first change their
/// password. It leaves the viewer in the context; which rooms they may enter is `RoomContext`'s.
struct SignedIn: RouterMiddleware {
    typealias Context = WebContext
    let service: DatabaseService
    let configuration: WebConfiguration

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard let session = context.sessions.session else {
            throw Redirect(location: "/login?next=" + Gate.safeNext(request.uri.description).queryEncoded)
        }
        let userID = session.userID
        let account = try await service.read { try UserAccounts(store: $0).account(id: userID) }
        guard let account, account.active, session.epoch == account.sessionEpoch else {
            context.sessions.clearSession()
            throw Redirect(location: "/login")
        }
        let now = configuration.now()
        guard now - session.startedAt < Double(configuration.sessionHours) * 3600,
              now - session.lastSeenAt < Double(configuration.sessionIdleMinutes) * 60 else {
            context.sessions.clearSession()
            throw Redirect(location: "/login?next=" + Gate.safeNext(request.uri.description).queryEncoded)
        }
        // Written back at most once a minute: a write per page would cost every clerk's entries.
        if now - session.lastSeenAt >= 60 {
            var seen = session
            seen.lastSeenAt = now
            context.sessions.setSession(seen)
        }
        if account.mustChangePassword, path != "/password" {
            throw Redirect(location: "/password")
        }
        var context = context
        context.viewer = Viewer(account: account, language: WebLanguage.choose(request), csrfToken: session.csrfToken, path: path)
        return try await next(request, context)
    }
}
