import DRCCore
import HTTPTypes
import Hummingbird

/// Where a route stands: its method and path as the router spells them (`/orders/{id}`), and the permission its
/// room needs (nil: any signed-in account), or open to anyone (signing in, the health check).
public struct RoutePlace: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String
    public let isOpen: Bool
    public let permission: UserRole.Permission?
    public var description: String { "\(method) \(path)" }
}

/// The site's routes, each registered in its room and recorded as it is: a route can only be
/// added through a room, and the role test reads every route's room from here.
struct SiteMap {
    let router: Router<WebContext>
    private let signedIn: RouterGroup<WebContext>
    private(set) var places: [RoutePlace] = []

    init(router: Router<WebContext>, door: SignedIn) {
        self.router = router
        signedIn = router.group().add(middleware: door)
    }

    /// A route anyone may reach, signed in or not.
    mutating func open(_ method: HTTPRequest.Method, _ path: String,
                       _ handler: @escaping @Sendable (Request, WebContext) async throws -> Response) {
        router.on(RouterPath(path), method: method, use: handler)
        places.append(RoutePlace(method: method, path: RouterPath(path).description, isOpen: true, permission: nil))
    }

    /// A page of room `R`.
    mutating func page<R: Room>(_ path: String, in room: R.Type,
                                _ handler: @escaping @Sendable (Request, RoomContext<R>) async throws -> Response) {
        signedIn.group(context: RoomContext<R>.self).get(RouterPath(path), use: handler)
        record(.get, path, room)
    }

    /// A form posted in room `R`, its token checked before the handler runs.
    mutating func form<R: Room>(_ path: String, in room: R.Type,
                                _ handler: @escaping @Sendable (Request, FormContext<R>) async throws -> Response) {
        signedIn.group(context: RoomContext<R>.self).add(middleware: CheckedForm<R>(body: .fields))
            .group(context: FormContext<R>.self).post(RouterPath(path), use: handler)
        record(.post, path, room)
    }

    /// An upload in room `R`, read within the upload limit and its token checked first.
    mutating func upload<R: Room>(_ path: String, in room: R.Type,
                                  _ handler: @escaping @Sendable (Request, UploadContext<R>) async throws -> Response) {
        signedIn.group(context: RoomContext<R>.self).add(middleware: CheckedForm<R>(body: .upload))
            .group(context: UploadContext<R>.self).post(RouterPath(path), use: handler)
        record(.post, path, room)
    }

    private mutating func record<R: Room>(_ method: HTTPRequest.Method, _ path: String, _ room: R.Type) {
        places.append(RoutePlace(method: method, path: RouterPath(path).description, isOpen: false, permission: R.permission))
    }
}
