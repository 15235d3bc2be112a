/// A file's text as UTF-8, whatever it was saved in: a byte-order mark names the encoding
/// (UTF-8, UTF-16 LE or BE, as Excel writes them) and wins over the declared one, since no
/// GB18030 text starts with those bytes; without one the declared encoding is used.
public struct DetectedText {
    /// The text as UTF-8, without the byte-order mark.
    public let source: ByteSource
    public let encoding: TextEncoding
    /// Whether the file began with a byte-order mark: Excel mode (see `CSVReader.removesFormulaGuards`).
    public let hasBOM: Bool

    public init(_ input: ByteSource, declared: TextEncoding) throws {
        var prefix = [UInt8](repeating: 0, count: 3)
        var filled = 0
        while filled < 3 {
            let count = try prefix.withUnsafeMutableBytes { buffer in
                try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        prefix.removeLast(3 - filled)
        var encoding = declared
        var markLength = 0
        for candidate in [TextEncoding.utf8, .utf16le, .utf16be] where prefix.starts(with: candidate.byteOrderMark) {
            encoding = candidate
            markLength = candidate.byteOrderMark.count
            break
        }
        let rest = PrefixedSource(prefix: Array(prefix.dropFirst(markLength)), rest: input)
        source = encoding == .utf8 ? rest : try TranscodingSource(rest, from: encoding)
        self.encoding = encoding
        hasBOM = markLength > 0
    }
}

/// Bytes already read from a source, given back before the rest of it.
final class PrefixedSource: ByteSource {
    private var prefix: [UInt8]
    private let rest: ByteSource

    init(prefix: [UInt8], rest: ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !prefix.isEmpty else { return try rest.read(into: buffer) }
        let count = min(buffer.count, prefix.count)
        prefix.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        prefix.removeFirst(count)
        return count
    }
}
