import DRCCore
import Testing

/// SHA-256 against the standard's test vectors (FIPS 180-2 appendix B), fed whole and in
/// uneven pieces, since an import feeds it whatever a read returns.
@Suite struct FingerprintTests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test func matchesTheStandardsVectors() {
        for (text, digest) in Self.vectors {
            var hash = SHA256()
            hash.update(Array(text.utf8))
            #expect(hash.hexDigest() == digest, "\(text)")
        }
    }

    @Test func aMillionAsInUnevenPiecesGiveTheStandardsDigest() {
        var hash = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let size = min(piece, 1_000_000 - fed)
            hash.update([UInt8](repeating: 0x61, count: size))
            fed += size
            piece = piece * 7 % 1_021 + 1
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aSourceReadThroughIsHashedAsItsBytes() throws {
        let bytes = Array("vendor,ticket\n美音,MY-1\n".utf8)
        let source = FingerprintingSource(MemorySource(bytes))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 5, alignment: 1)
        defer { buffer.deallocate() }
        while try source.read(into: buffer) > 0 {}
        var direct = SHA256()
        direct.update(bytes)
        #expect(source.finish() == direct.hexDigest())
    }
}
