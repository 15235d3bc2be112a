import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// A file's fingerprint: the SHA-256 of its raw bytes, whatever their format (CSV in any
/// encoding, a workbook, with its sheet's name), so the same content is recognised under any name.
public enum FileFingerprint {
    /// Reads the file at `path` once, in large blocks (a second read of a file about to be
    /// imported comes from the page cache).
    public static func of(path: String) throws -> String {
        let source = try FileSource(path: path)
        let hashing = FingerprintingSource(source)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while try hashing.read(into: buffer) > 0 {}
        return hashing.finish()
    }

    /// The fingerprint of one sheet of a workbook whose bytes have `workbook` as theirs: each
    /// sheet is its own import (a workbook of 3月 and 4月 is imported sheet by sheet), and the
    /// same sheet of the same bytes is the same import under any file name.
    public static func of(workbook: String, sheet: String) -> String {
        var hash = SHA256()
        hash.update(data: Array((workbook + "\u{0}" + sheet).utf8))
        return hash.finalize().hex
    }
}

/// Passes a source's bytes through while hashing them: the fingerprint of standard input,
/// which can be read only once, is known when the import has read it all.
public final class FingerprintingSource: ByteSource {
    private let source: ByteSource
    private var hash = SHA256()

    public init(_ source: ByteSource) {
        self.source = source
    }

    public var expectedSize: Int? { source.expectedSize }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try source.read(into: buffer)
        if count > 0 { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
        return count
    }

    /// The digest of every byte read so far.
    public func finish() -> String { hash.finalize().hex }
}

extension SHA256.Digest {
    /// Lower-case hex, as fingerprints are stored.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
