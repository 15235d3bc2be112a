import DRCDocuments
import HTTPTypes
import Hummingbird

/// Responses: pages, downloads and redirects (the security headers are added to every response
/// by `SecurityHeaders`).
enum Responses {
    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(html.text.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok,
                      downloadName: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let downloadName {
            // The ASCII fallback and the UTF-8 name (RFC 6266) for Chinese file names.
            headers[.contentDisposition] = "attachment; filename=\"drc-download\"; filename*=UTF-8''\(downloadName.queryEncoded)"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
