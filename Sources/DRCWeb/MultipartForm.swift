/// A `multipart/form-data` body (a form with a file): each part's field name, file name and
/// bytes. Only what a browser's form sends is read; anything else is refused as a bad form.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let fileName: String?
        let bytes: [UInt8]
    }

    let parts: [Part]

    /// Nil when the body is not the multipart form its content type announces.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundaryStart = contentType.after("boundary=") else { return nil }
        var boundary = String(contentType[boundaryStart...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: "\" ")
        guard !boundary.isEmpty else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var position = Self.find(delimiter, in: body, from: 0)
        guard position != nil else { return nil }
        while let start = position {
            var cursor = start + delimiter.count
            // The closing delimiter ends with `--`.
            if cursor + 1 < body.count, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            guard cursor + 1 < body.count, body[cursor] == 13, body[cursor + 1] == 10 else { return nil }
            cursor += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: cursor),
                  let next = Self.find([13, 10] + delimiter, in: body, from: headerEnd + 4) else { return nil }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: String(disposition)) else { return nil }
            parts.append(Part(name: name, fileName: Self.parameter("filename", in: String(disposition)),
                              bytes: Array(body[(headerEnd + 4)..<next])))
            position = next + 2
        }
        self.parts = parts
    }

    subscript(name: String) -> Part? { parts.first { $0.name == name } }

    func text(_ name: String) -> String? { self[name].map { String(decoding: $0.bytes, as: UTF8.self) } }

    /// `name="x"` in a Content-Disposition line (quoted, as browsers send it).
    static func parameter(_ key: String, in line: String) -> String? {
        guard let start = line.after("; \(key)=\"") else { return nil }
        let rest = line[start...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matches = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Where the text after the first `marker` starts, or nil without one.
    func after(_ marker: String) -> String.Index? {
        let scalars = Array(marker.unicodeScalars)
        var index = startIndex
        while index < endIndex {
            if self[index...].unicodeScalars.starts(with: scalars) {
                return unicodeScalars.index(index, offsetBy: scalars.count)
            }
            index = unicodeScalars.index(after: index)
        }
        return nil
    }
}
