/// A timestamp as stored (`2020-03-02` or `2020-03-02 14:05`), held in place without a heap
/// allocation: the import reads three of them per row.
struct Stamp: Comparable {
    private var storage = SIMD16<UInt8>()
    private(set) var count = 0

    init?(canonical bytes: UnsafeBufferPointer<UInt8>) {
        guard Stamp.isCanonical(bytes) else { return nil }
        for (index, byte) in bytes.enumerated() { storage[index] = byte }
        count = bytes.count
    }

    init(_ text: String) {
        for (index, byte) in text.utf8.prefix(16).enumerated() { storage[index] = byte }
        count = min(text.utf8.count, 16)
    }

    var year: Int64 {
        (0..<4).reduce(0) { $0 * 10 + Int64(storage[$1] &- 48) }
    }

    var text: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { raw in
            try body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    /// Ordered by the coarser of the two: a date-only stamp equals any time on that day.
    static func < (lhs: Stamp, rhs: Stamp) -> Bool {
        let length = min(lhs.count, rhs.count)
        for index in 0..<length where lhs.storage[index] != rhs.storage[index] {
            return lhs.storage[index] < rhs.storage[index]
        }
        return false
    }

    static func == (lhs: Stamp, rhs: Stamp) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// `2020-03-02` or `2020-03-02 14:05` with a real date and time.
    static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10 || bytes.count == 16 else { return false }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<from + count {
                let byte = bytes[index]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == 45, bytes[7] == 45, let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              (1...12).contains(month), day >= 1, day <= DateText.daysIn(month: month, year: year) else { return false }
        if bytes.count == 16 {
            guard bytes[10] == 32, bytes[13] == 58, let hour = digits(11, 2), let minute = digits(14, 2), hour < 24, minute < 60 else {
                return false
            }
        }
        return true
    }
}
