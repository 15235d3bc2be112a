#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text encodings an import accepts. Chinese Excel saves CSV as GB18030 (GBK) and "Unicode
/// text" as UTF-16 with a byte-order mark; everything else should be UTF-8. UTF-16 is known by
/// its byte-order mark, or named (`utf-16le`, `utf-16be`) for a file saved without one.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "utf-16le", "utf16le": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        default: return nil
        }
    }

    /// The name iconv knows it by, and the one messages use.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030"
        case .utf16le, .utf16be: return "UTF-16"
        }
    }

    var iconvName: String { rawValue.uppercased() }

    /// The byte-order mark that names this encoding at the start of a file.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16le: return [0xFF, 0xFE]
        case .utf16be: return [0xFE, 0xFF]
        case .gb18030: return []
        }
    }
}

/// Decodes another encoding to UTF-8 as it streams, with glibc's iconv.
public final class TranscodingSource: ByteSource {

    private let inner: ByteSource
    private let converter: iconv_t
    private var pending: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 18)
    private var innerDone = false
    private var consumed = 0
    private let encoding: TextEncoding

    public init(_ inner: ByteSource, from encoding: TextEncoding) throws {
        self.inner = inner
        self.encoding = encoding
        let converter = iconv_open("UTF-8", encoding.iconvName)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw DRCError.invalid(field: "encoding", value: encoding.rawValue, reason: .encodingUnsupported)
        }
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    /// Decoded bytes that did not fit the caller's buffer.
    private var spill: [UInt8] = []

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        // A buffer too small for one character (UTF-8 needs up to 4 bytes) is served from a
        // larger one, so iconv always has room for a whole character.
        guard spill.isEmpty && buffer.count >= 4 else {
            if spill.isEmpty {
                var larger = [UInt8](repeating: 0, count: 64)
                let count = try larger.withUnsafeMutableBytes { try convert(into: $0) }
                spill = Array(larger[0..<count])
            }
            let count = min(buffer.count, spill.count)
            spill.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            spill.removeFirst(count)
            return count
        }
        return try convert(into: buffer)
    }

    private func convert(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            if pending.isEmpty && innerDone { return 0 }
            if !innerDone && pending.count < 16 {
                let count = try chunk.withUnsafeMutableBytes { try inner.read(into: $0) }
                if count == 0 { innerDone = true } else { pending.append(contentsOf: chunk[0..<count]) }
                if pending.isEmpty { return 0 }
            }
            var inLeft = pending.count
            var outLeft = buffer.count
            var failure: Int32 = 0
            let used = pending.withUnsafeMutableBytes { source -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                return source.count - inLeft
            }
            pending.removeFirst(used)
            consumed += used
            let produced = buffer.count - outLeft
            if failure == EILSEQ && produced == 0 {
                throw DRCError.undecodableText(encoding: encoding.displayName, byte: consumed + 1)
            }
            if failure == EINVAL && innerDone && produced == 0 {
                throw DRCError.undecodableText(encoding: encoding.displayName, byte: nil)
            }
            if produced > 0 { return produced }
            if failure == EINVAL && !innerDone {
                // An incomplete character at the chunk's end: read more before converting.
                let count = try chunk.withUnsafeMutableBytes { try inner.read(into: $0) }
                if count == 0 { innerDone = true } else { pending.append(contentsOf: chunk[0..<count]) }
            }
        }
    }
}
