import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a session keeps between requests: who signed in, the anti-forgery token of their forms,
/// the account's session epoch when they signed in, and when the session started and was last
/// used (Unix seconds). The account is read afresh on every request, so disabling it, changing
/// its role or its password takes effect at once.
public struct WebSession: Codable, Sendable {
    public var userID: Int64
    public var csrfToken: String
    public var epoch: Int64
    public var startedAt: Double
    public var lastSeenAt: Double
}

/// The request context of every route: Hummingbird's core storage and the session.
public struct WebContext: SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<WebSession>
    /// The client's address without its port, for the sign-in throttle.
    public let remoteAddressText: String
    /// Who is signed in, once `SignedIn` has let them through.
    var viewer: Viewer?

    public init(source: Source) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddressText = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Uploads (an order file for import) up to this size; larger ones are refused unread.
    public var maxUploadSize: Int { WebLimits.uploadBytes }
}

public enum WebLimits {
    /// 20 MiB: a vendor's monthly file is far smaller; bigger imports belong to `drc import`.
    public static let uploadBytes = 20 << 20
    /// A form (not an upload) is small.
    public static let formBytes = 256 << 10
}
