import DRCCore
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Every route's door: who is signed in (else off to the sign-in page), whether their role may
/// do what the route does (else 403), and, for forms, whether the form carries this session's
/// anti-forgery token (else 403, nothing changed).
struct Gate: Sendable {
    let service: DatabaseService
    let configuration: WebConfiguration

    func viewer(_ request: Request, _ context: WebContext, may permission: UserRole.Permission?) async throws -> Viewer {
        let path = request.uri.path
        guard let session = context.sessions.session else {
            throw Redirect(location: "/login?next=" + Self.safeNext(request.uri.description).queryEncoded)
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
            throw Redirect(location: "/login?next=" + Self.safeNext(request.uri.description).queryEncoded)
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
        let viewer = Viewer(account: account, language: WebLanguage.choose(request), csrfToken: session.csrfToken, path: path)
        if let permission, !account.role.may(permission) {
            throw WebFailure(status: .forbidden, error: .notPermitted(role: account.role.rawValue))
        }
        return viewer
    }

    /// A signed-in form: the viewer, and the form's fields once its token is checked.
    func form(_ request: Request, _ context: WebContext, may permission: UserRole.Permission?) async throws -> (Viewer, FormData) {
        let viewer = try await self.viewer(request, context, may: permission)
        let form = try await Self.readForm(request)
        try Self.checkToken(form["_csrf"], expected: viewer.csrfToken)
        return (viewer, form)
    }

    static func readForm(_ request: Request) async throws -> FormData {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: WebLimits.formBytes)
            return FormData(String(buffer: buffer))
        } catch is NIOTooManyBytesError {
            throw WebFailure(status: .contentTooLarge, error: .formTooLarge(limitBytes: WebLimits.formBytes))
        }
    }

    /// Compared in constant time, so the time taken tells nothing about the token.
    static func checkToken(_ given: String?, expected: String) throws {
        guard let given, !expected.isEmpty, given.utf8.count == expected.utf8.count else {
            throw WebFailure(status: .forbidden, error: .formExpired)
        }
        var difference: UInt8 = 0
        for (a, b) in zip(given.utf8, expected.utf8) { difference |= a ^ b }
        guard difference == 0 else { throw WebFailure(status: .forbidden, error: .formExpired) }
    }

    /// Only a path of this site (`/orders?x=1`), never another site (`//evil`, `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return next
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format2: UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension String {
    init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
