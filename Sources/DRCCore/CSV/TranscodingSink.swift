#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes UTF-8 written to it into another encoding, with glibc's iconv, as it streams: so a
/// file can be written back in the encoding it was read in (a GB18030 file's rejects in GB18030).
public final class TranscodingSink: ByteSink {
    private let inner: ByteSink
    private let converter: iconv_t
    private let encoding: TextEncoding
    private var pending: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 1 << 17)

    public init(_ inner: ByteSink, to encoding: TextEncoding) throws {
        self.inner = inner
        self.encoding = encoding
        let converter = iconv_open(encoding.iconvName, "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw DRCError.invalid(field: "encoding", value: encoding.rawValue, reason: .encodingUnsupported)
        }
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    public func write(_ byte: UInt8) throws {
        pending.append(byte)
        if pending.count >= 1 << 16 { try convert(final: false) }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 16 { try convert(final: false) }
    }

    /// Converts everything written so far; call before finishing the inner sink.
    public func flush() throws {
        try convert(final: true)
    }

    /// Converts what is pending; a character cut at the end waits for its other bytes unless `final`.
    private func convert(final: Bool) throws {
        while !pending.isEmpty {
            var inLeft = pending.count
            var outLeft = output.count
            var failure: Int32 = 0
            let used = pending.withUnsafeMutableBytes { source -> Int in
                output.withUnsafeMutableBytes { target in
                    var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress!.assumingMemoryBound(to: CChar.self)
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                }
                return source.count - inLeft
            }
            let produced = output.count - outLeft
            if produced > 0 { try output.withUnsafeBufferPointer { try inner.write(UnsafeBufferPointer(rebasing: $0[0..<produced])) } }
            pending.removeFirst(used)
            switch failure {
            case 0, E2BIG: continue
            case EINVAL where !final: return
            default:
                throw DRCError.invalid(field: "output", value: encoding.displayName,
                                       reason: .cannotHoldText)
            }
        }
    }
}
