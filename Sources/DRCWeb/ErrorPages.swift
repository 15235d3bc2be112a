import DRCCore
import DRCDocuments
import DRCText
import Hummingbird
import NIOCore
import NIOHTTP1

/// The outermost middleware: every failure becomes a page in the viewer's language, with the
/// typed message and never a stack trace; a redirect becomes a 303.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as Redirect {
            return Responses.redirect(redirect.location)
        } catch let failure as WebFailure {
            return page(request, status: failure.status, message: Messages(WebLanguage.choose(request)).error(failure.error))
        } catch let error as DRCError {
            let status: HTTPResponse.Status
            if case .notFound = error { status = .notFound } else { status = .badRequest }
            return page(request, status: status, message: Messages(WebLanguage.choose(request)).error(error))
        } catch is HTTPParserError {
            // The client's fault (a broken chunked body, a bad header): a 400, not a server error.
            return page(request, status: .badRequest, message: Messages(WebLanguage.choose(request)).error(.malformedRequest))
        } catch is NIOTooManyBytesError {
            let language = WebLanguage.choose(request)
            return page(request, status: .contentTooLarge, message: Messages(language).error(.uploadTooLarge(limitBytes: WebLimits.uploadBytes)))
        } catch let error as HTTPError {
            let language = WebLanguage.choose(request)
            let message: String
            switch error.status {
            case .notFound: message = language == .zh ? "没有这个页面" : "there is no such page"
            case .contentTooLarge: message = Messages(language).error(.uploadTooLarge(limitBytes: WebLimits.uploadBytes))
            case .methodNotAllowed: message = language == .zh ? "这个页面不接受这种请求" : "this page does not take that kind of request"
            default: message = language == .zh ? "请求无法处理" : "the request could not be handled"
            }
            return page(request, status: error.status, message: message)
        } catch {
            // Logged for the administrator; the browser gets a plain sentence only.
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string(String(reflecting: error))])
            let language = WebLanguage.choose(request)
            return page(request, status: .internalServerError,
                        message: language == .zh ? "服务器内部出错；请稍后再试，或联系管理员" : "the server failed inside; try again later, or tell the administrator")
        }
    }

    private func page(_ request: Request, status: HTTPResponse.Status, message: String) -> Response {
        let viewer = Viewer(account: nil, language: WebLanguage.choose(request), csrfToken: "", path: "/")
        let body: HTML = """
            <section class="error"><h1>\(viewer.say("出错了", "Something went wrong"))</h1>
            <p class="message" role="alert">\(message)</p>
            <p><a href="/">\(viewer.say("返回首页", "Back to the start page"))</a></p></section>
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("出错了", "Error"), body: body, navigation: false), status: status)
    }
}
