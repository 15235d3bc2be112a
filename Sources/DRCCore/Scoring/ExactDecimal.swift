/// A non-negative decimal held exactly, in billionths: targets, actuals and weights of the
/// self-evaluation (1340, 99.5, 2.5) are multiplied and divided without binary rounding.
public struct ExactDecimal: Sendable, Comparable, Hashable {
    /// The value × 10⁹.
    public let nanos: Int128
    public static let scale: Int128 = 1_000_000_000
    public static let zero = ExactDecimal(nanos: 0)

    public init(nanos: Int128) { self.nanos = nanos }

    /// Plain digits with an optional fraction of up to nine digits ("1340", "99.5"); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 18, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              let wholeValue = Int128(whole) else { return nil }
        var fraction: Int128 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int128(digits) else { return nil }
            var padded = value
            for _ in digits.count..<9 { padded *= 10 }
            fraction = padded
        }
        nanos = wholeValue * Self.scale + fraction
    }

    /// Hundredths, rounded half up (a weight of 2.5 is 250).
    public var hundredths: Int128 { Self.divideRounded(nanos, by: 10_000_000) }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.nanos < rhs.nanos }

    /// `numerator / denominator` rounded half up, both non-negative, the denominator positive.
    static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int128 {
        (numerator + denominator / 2) / denominator
    }
}

/// Points to two decimals (得分 88.5 is 8850 hundredths), written as the 自评表 writes them.
public struct Points: Sendable, Comparable, Hashable {
    public let hundredths: Int128

    public init(hundredths: Int128) { self.hundredths = hundredths }

    /// "100", "88.5", "0.25".
    public var text: String {
        let whole = hundredths / 100, cents = hundredths % 100
        if cents == 0 { return String(whole) }
        let fraction = cents % 10 == 0 ? String(cents / 10) : (cents < 10 ? "0" : "") + String(cents)
        return "\(whole).\(fraction)"
    }

    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }
}
