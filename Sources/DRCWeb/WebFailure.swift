import DRCCore
import HTTPTypes

/// A request that ends in a message page: the status and the typed error, rendered in the
/// viewer's language by DRCText.
struct WebFailure: Error {
    let status: HTTPResponse.Status
    let error: DRCError
}

/// A request answered by sending the browser elsewhere (to sign in, after a form).
struct Redirect: Error {
    let location: String
}
