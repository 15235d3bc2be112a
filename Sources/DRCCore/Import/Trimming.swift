/// Trims whitespace from the ends of UTF-8 bytes as `add` trims typed text (Swift's
/// `isWhitespace`: ASCII spaces and line breaks, and the Unicode spaces such as U+3000), without
/// decoding the text, so that a value imported is stored exactly as the same value added.
enum Trimming {
    static func range(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = 0, upper = bytes.count
        while lower < upper {
            let length = leadingSpace(bytes, lower, upper)
            if length == 0 { break }
            lower += length
        }
        while upper > lower {
            let length = trailingSpace(bytes, lower, upper)
            if length == 0 { break }
            upper -= length
        }
        return lower..<upper
    }

    /// The length of the whitespace character starting at `index`, or 0.
    private static func leadingSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        for length in 1...3 where index + length <= end {
            if isSpace(bytes, index, length) { return length }
        }
        return 0
    }

    /// The length of the whitespace character ending at `end`, or 0.
    private static func trailingSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        for length in 1...3 where end - length >= start {
            if isSpace(bytes, end - length, length) { return length }
        }
        return 0
    }

    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> Bool {
        let a = bytes[index]
        switch length {
        case 1:
            return a == 0x20 || (a >= 0x09 && a <= 0x0D)
        case 2:
            // U+0085 and U+00A0.
            return a == 0xC2 && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0)
        default:
            let b = bytes[index + 1], c = bytes[index + 2]
            switch (a, b) {
            case (0xE1, 0x9A): return c == 0x80                                   // U+1680
            case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF  // U+2000–200A, 2028, 2029, 202F
            case (0xE2, 0x81): return c == 0x9F                                   // U+205F
            case (0xE3, 0x80): return c == 0x80                                   // U+3000
            default: return false
            }
        }
    }
}
