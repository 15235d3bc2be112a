/// Money as an integer number of fen (分): 1 yuan = 100 fen, 1 万元 = 1,000,000 fen. Integers
/// never drift: 0.10 + 0.20 is exactly 0.30.
public enum Money {
    public static let fenPerYuan: Int64 = 100
    public static let fenPerWan: Int64 = 1_000_000

    /// The largest amount drc accepts: 1 万亿元 (1,000,000,000,000.00 yuan), far above any
    /// district budget. The ceiling keeps every sum safe: Int64 holds 92,233 amounts of this size
    /// added together, more lines than any year's records will have (and every sum is checked
    /// anyway, see `MoneySum`, so even a database written before the ceiling fails cleanly).
    public static let largestAmount: Int64 = 100_000_000_000_000

    /// Parses `1234.56`, `1,234.56`, `¥1,234.56`, `1234.56元`, `113.03万` and `113.03万元`.
    /// Yuan take at most two decimals, 万元 at most six (one fen). The reason for a refusal is
    /// returned typed: the caller names the field.
    public static func parse(_ input: String) -> Result<Int64, ValueError> {
        var text = Substring(input.trimmingSpaces())
        guard !text.isEmpty else { return .failure(.init(.emptyAmount)) }
        if text.first == "¥" || text.first == "￥" { text.removeFirst() }
        var scale: Int64 = fenPerYuan
        var maxDecimals = 2
        if text.hasSuffix("万元") {
            text.removeLast(2); scale = fenPerWan; maxDecimals = 6
        } else if text.hasSuffix("万") {
            text.removeLast(); scale = fenPerWan; maxDecimals = 6
        } else if text.hasSuffix("元") {
            text.removeLast()
        }
        var negative = false
        if text.first == "-" { negative = true; text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else {
            return .failure(.init(.notAnAmount))
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let groupedCorrectly = groups.count == 1
            || (groups.first.map { (1...3).contains($0.count) } ?? false) && groups.dropFirst().allSatisfy { $0.count == 3 }
        let digits = groups.joined()
        guard groupedCorrectly, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            return .failure(.init(.notAnAmount))
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            return .failure(.init(.notAnAmount))
        }
        guard fraction.count <= maxDecimals else {
            return .failure(.init(.tooManyDecimals(inWan: scale != fenPerYuan)))
        }
        let padded = fraction + String(repeating: "0", count: maxDecimals - fraction.count)
        let tooLarge = ValueError(.amountTooLarge)
        guard let wholeValue = Int64(digits), let fractionValue = Int64(padded.isEmpty ? "0" : padded) else {
            return .failure(tooLarge)
        }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: scale)
        let (total, overflow2) = scaled.addingReportingOverflow(fractionValue)
        guard !overflow, !overflow2, total <= largestAmount else { return .failure(tooLarge) }
        return .success(negative ? -total : total)
    }

    /// Yuan with two decimals: 113030000 fen → `1130300.00`.
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// 万元 with at least two decimals and as many more as the fen need: `113.03`, `0.123456`.
    public static func wan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 1_000_000).\(fraction)"
    }
}

/// Why a value was refused; the caller adds the field's name and the value.
public struct ValueError: Error, Equatable, Sendable {
    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    public func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
