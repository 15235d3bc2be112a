/// A file's text as UTF-8, whatever it was saved in: a byte-order mark names the encoding
/// (UTF-8, UTF-16 LE or BE, as Excel writes them) and wins over the declared one, since no
/// GB18030 text starts with those bytes; without one the declared encoding is used, and
/// without that the file's first 64 KB decide: valid UTF-8 is UTF-8, else text that decodes
/// as GB18030 (Chinese Excel's CSV, whose Chinese headers show it on the first line) is GB18030.
public struct DetectedText {
    /// The text as UTF-8, without the byte-order mark.
    public let source: ByteSource
    public let encoding: TextEncoding
    /// Whether the file began with a byte-order mark: Excel mode (see `CSVReader.removesFormulaGuards`).
    public let hasBOM: Bool

    /// How much of a file without a byte-order mark is looked at to tell UTF-8 from GB18030.
    static let sniffLength = 64 * 1024

    public init(_ input: ByteSource, declared: TextEncoding?) throws {
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
        if encoding == nil {
            // Read on to the sniffing length: the prefix is given back before the rest.
            prefix.reserveCapacity(Self.sniffLength)
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while prefix.count < Self.sniffLength {
                let count = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
                if count == 0 { break }
                prefix.append(contentsOf: chunk[0..<count])
            }
            encoding = Self.sniff(prefix, complete: prefix.count < Self.sniffLength)
        }
        let chosen = encoding ?? .utf8
        let rest = PrefixedSource(prefix: Array(prefix.dropFirst(markLength)), rest: input)
        source = chosen == .utf8 ? rest : try TranscodingSource(rest, from: chosen)
        self.encoding = chosen
        hasBOM = markLength > 0
    }

    /// UTF-8 when the bytes are valid UTF-8 (a character cut at the end of an incomplete
    /// sample is allowed), else GB18030 when they decode as GB18030, else UTF-8 so that the
    /// rows that are not are reported, with the hint to name the encoding.
    static func sniff(_ bytes: [UInt8], complete: Bool) -> TextEncoding {
        if UTF8Check.isValid(bytes, allowingCutEnd: !complete) { return .utf8 }
        return GB18030Check.decodes(bytes, allowingCutEnd: !complete) ? .gb18030 : .utf8
    }
}

extension UTF8Check {
    /// Valid UTF-8, allowing a character cut off at the end (a sample of a longer file).
    static func isValid(_ bytes: [UInt8], allowingCutEnd: Bool) -> Bool {
        var count = bytes.count
        if allowingCutEnd {
            // Back up over continuation bytes to the last lead byte; drop it if its character is incomplete.
            var lead = count - 1
            while lead >= 0 && lead >= count - 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            if lead >= 0 && bytes[lead] >= 0xC0 {
                let length = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
                if lead + length > count { count = lead }
            }
        }
        return bytes.withUnsafeBufferPointer { isValid(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
}

/// Whether bytes decode as GB18030, by iconv.
enum GB18030Check {
    static func decodes(_ bytes: [UInt8], allowingCutEnd: Bool) -> Bool {
        let source = MemorySource(bytes)
        guard let decoder = try? TranscodingSource(source, from: .gb18030) else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            do {
                let count = try buffer.withUnsafeMutableBytes { try decoder.read(into: $0) }
                if count == 0 { return true }
            } catch DRCError.undecodableText(_, let byte) {
                // Cut off at the end of the sample: the rest of the file completes it.
                return byte == nil && allowingCutEnd
            } catch {
                return false
            }
        }
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
        // The buffer is filled on from the rest, so a reader deciding from its first buffer
        // (tab or comma) sees a whole first line, not only the few bytes read to find a mark.
        guard count < buffer.count else { return count }
        return count + (try rest.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])))
    }
}
