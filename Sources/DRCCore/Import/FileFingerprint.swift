#if canImport(Glibc)
import Glibc
#endif

/// A file's fingerprint: the SHA-256 of its raw bytes, whatever their format (CSV in any
/// encoding, a workbook), so the same content is recognised under any name.
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
        if count > 0 { hash.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
        return count
    }

    /// The digest of every byte read so far.
    public func finish() -> String { hash.hexDigest() }
}
