import HTTPTypes
import Hummingbird

/// The outermost middleware: every response drc sends carries the security headers, whichever
/// way it was made (a page, a download, a redirect, an error page, the router's own 404).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    /// No caching of records, no framing, no scripts or styles from anywhere but drc itself.
    static let fields: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (.cacheControl, "no-store"),
    ]

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in Self.fields where response.headers[name] == nil { response.headers[name] = value }
        return response
    }
}
