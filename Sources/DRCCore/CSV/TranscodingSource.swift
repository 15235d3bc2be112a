#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text encodings an import accepts. Chinese Excel saves CSV as GB18030 (GBK); everything
/// else should be UTF-8.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030

    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
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

    public init(_ inner: ByteSource, from encoding: TextEncoding) throws {
        self.inner = inner
        let converter = iconv_open("UTF-8", encoding.rawValue.uppercased())
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw DRCError.invalid(field: "encoding", value: encoding.rawValue, reason: "is not supported on this system")
        }
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
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
                throw DRCError.invalid(field: "file", value: "byte \(consumed + 1)", reason: "is not valid GB18030 text")
            }
            if failure == EINVAL && innerDone && produced == 0 {
                throw DRCError.invalid(field: "file", value: "end", reason: "ends in the middle of a GB18030 character")
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
