import DRCCore
import Hummingbird
import HummingbirdAuth

/// The context of a route in room `R`: made from the signed-in request's context, and refused
/// (403, the role named) when the account's role may not enter the room. Its viewer and account
/// are never missing.
struct RoomContext<R: Room>: ChildRequestContext {
    typealias ParentContext = WebContext
    var coreContext: CoreRequestContextStorage
    let viewer: Viewer
    let account: UserAccount
    let sessions: SessionContext<WebSession>
    /// The form a POST carried, once `CheckedForm` has read it and checked its token.
    var posted: PostedForm?

    init(context: WebContext) throws {
        // `SignedIn` runs before every room and sends anyone not signed in to the sign-in page.
        guard let viewer = context.viewer, let account = viewer.account else { throw Redirect(location: "/login") }
        if let permission = R.permission, !account.role.may(permission) {
            throw WebFailure(status: .forbidden, error: .notPermitted(role: account.role.rawValue))
        }
        coreContext = context.coreContext
        self.viewer = viewer
        self.account = account
        sessions = context.sessions
    }

    var maxUploadSize: Int { WebLimits.uploadBytes }
}

/// What a POST to a room carried: a form's fields or an upload's parts.
enum PostedForm: Sendable {
    case fields(FormData)
    case upload(MultipartForm)
}

/// A form posted in room `R`: its fields, read and their anti-forgery token checked.
struct FormContext<R: Room>: ChildRequestContext {
    typealias ParentContext = RoomContext<R>
    var coreContext: CoreRequestContextStorage
    let viewer: Viewer
    let account: UserAccount
    let sessions: SessionContext<WebSession>
    let form: FormData

    init(context: RoomContext<R>) throws {
        guard case .fields(let form) = context.posted else { throw WebFailure(status: .badRequest, error: .formExpired) }
        coreContext = context.coreContext
        viewer = context.viewer
        account = context.account
        sessions = context.sessions
        self.form = form
    }
}

/// A file uploaded in room `R`: its parts, read and their anti-forgery token checked.
struct UploadContext<R: Room>: ChildRequestContext {
    typealias ParentContext = RoomContext<R>
    var coreContext: CoreRequestContextStorage
    let viewer: Viewer
    let account: UserAccount
    let upload: MultipartForm

    init(context: RoomContext<R>) throws {
        guard case .upload(let upload) = context.posted else { throw WebFailure(status: .badRequest, error: .formExpired) }
        coreContext = context.coreContext
        viewer = context.viewer
        account = context.account
        self.upload = upload
    }

    var maxUploadSize: Int { WebLimits.uploadBytes }
}
