import Hummingbird
import HTTPTypes
import Logging

/// One line per request, through the request's logger (the application's, to standard error
/// unless told otherwise, so the service's journal keeps it): the method, the path without its
/// query (a query may carry a secret, such as a sign-in's next page or a token), the status,
/// the milliseconds it took, and the account: the session's user id once the request is done
/// (`user=-` for none, so a sign-out shows none and a sign-in the one signed in). The time
/// is the log handler's own. Outermost, so the time and status are what the client got.
struct AccessLog: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: WebContext, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let user = context.sessions.session.map { String($0.userID) } ?? "-"
        context.logger.info("\(Self.line(method: request.method.rawValue, path: request.uri.path, status: status, milliseconds: milliseconds, user: user))")
    }

    /// `GET /orders 200 12.3ms user=4`. The path is the URI's path alone, its query left out;
    /// control characters in it are escaped so one request is one line.
    static func line(method: String, path: String, status: Int, milliseconds: Double, user: String) -> String {
        let tenths = (milliseconds * 10).rounded()
        let shown = "\(Int(tenths) / 10).\(Int(tenths) % 10)"
        return "\(method) \(escaped(path)) \(status) \(shown)ms user=\(user)"
    }

    private static func escaped(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == " " {
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPad(2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
