import DRCDocuments
import HTTPTypes
import Hummingbird

/// Responses with the headers every page of drc carries: no caching of records, no framing,
/// no scripts or styles from anywhere but drc itself.
enum Responses {
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (.cacheControl, "no-store"),
    ]

    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(html.text.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok,
                      downloadName: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for (name, value) in securityHeaders { headers[name] = value }
        if let downloadName {
            // The ASCII fallback and the UTF-8 name (RFC 6266) for Chinese file names.
            headers[.contentDisposition] = "attachment; filename=\"drc-download\"; filename*=UTF-8''\(downloadName.queryEncoded)"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}
