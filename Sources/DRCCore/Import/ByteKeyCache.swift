/// A map from short byte strings (a vendor's name as the file spells it) to what they
/// resolved to, looked up without building a `String` per row. Few distinct keys are
/// expected (the vendors, categories, units a file names), so a small fixed table suffices.
struct ByteKeyCache<Value> {
    private struct Entry {
        let hash: UInt64
        let key: [UInt8]
        let value: Value
    }

    private var buckets: [[Entry]] = Array(repeating: [], count: 256)

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        for entry in buckets[Int(hash & 255)] where entry.hash == hash && entry.key.count == bytes.count {
            if entry.key.withUnsafeBufferPointer({ memoryEqual($0, bytes) }) { return entry.value }
        }
        return nil
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        buckets[Int(hash & 255)].append(Entry(hash: hash, key: Array(bytes), value: value))
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
    return memcmp(x, y, a.count) == 0
}

#if canImport(Glibc)
import Glibc
#endif
