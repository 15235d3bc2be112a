import DRCCore
import Testing

/// A file's fingerprint is the SHA-256 of its bytes (swift-crypto's), in lower-case hex, against
/// the standard's test vectors (FIPS 180-2 appendix B), read whole and in uneven pieces, since an
/// import feeds the hash whatever a read returns.
@Suite struct FingerprintTests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    /// Reads `bytes` through a fingerprinting source, `piece` bytes at a time.
    static func fingerprint(_ bytes: [UInt8], piece: Int) throws -> String {
        let source = FingerprintingSource(MemorySource(bytes))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 1)
        defer { buffer.deallocate() }
        while try source.read(into: buffer) > 0 {}
        return source.finish()
    }

    @Test func matchesTheStandardsVectors() throws {
        for (text, digest) in Self.vectors {
            #expect(try Self.fingerprint(Array(text.utf8), piece: 1 << 16) == digest, "\(text)")
            #expect(try Self.fingerprint(Array(text.utf8), piece: 3) == digest, "\(text) in pieces of 3")
        }
    }

    @Test func aMillionAsInUnevenPiecesGiveTheStandardsDigest() throws {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        for piece in [1_021, 4_096, 65_537] {
            #expect(try Self.fingerprint([UInt8](repeating: 0x61, count: 1_000_000), piece: piece) == digest)
        }
    }

    @Test func aSheetsFingerprintNamesTheSheet() {
        let workbook = Self.vectors[1].1
        #expect(FileFingerprint.of(workbook: workbook, sheet: "3月") != FileFingerprint.of(workbook: workbook, sheet: "4月"))
        #expect(FileFingerprint.of(workbook: workbook, sheet: "3月").count == 64)
    }
}
