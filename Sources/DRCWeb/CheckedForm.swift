import Hummingbird

/// Reads what a POST carries (a form up to `WebLimits.formBytes`, an upload up to
/// `WebLimits.uploadBytes`) and checks its anti-forgery token against the session's before
/// any handler sees it. It runs inside the room, so a role that may not enter is refused unread.
struct CheckedForm<R: Room>: RouterMiddleware {
    typealias Context = RoomContext<R>
    enum Body { case fields, upload }
    let body: Body

    func handle(_ request: Request, context: RoomContext<R>,
                next: (Request, RoomContext<R>) async throws -> Response) async throws -> Response {
        var context = context
        switch body {
        case .fields:
            let form = try await Gate.readForm(request)
            try Gate.checkToken(form["_csrf"], expected: context.viewer.csrfToken)
            context.posted = .fields(form)
        case .upload:
            var request = request
            let buffer = try await request.collectBody(upTo: WebLimits.uploadBytes)
            guard let upload = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Array(buffer: buffer)) else {
                throw WebFailure(status: .badRequest, error: .formExpired)
            }
            try Gate.checkToken(upload.text("_csrf"), expected: context.viewer.csrfToken)
            context.posted = .upload(upload)
        }
        return try await next(request, context)
    }
}
