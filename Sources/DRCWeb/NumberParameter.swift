import DRCCore
import Hummingbird

/// A number a route reads from a request (its address or its query), with the range the route
/// can use. Every number a browser sends goes through `read`: a value that is not a whole number,
/// lies outside the range or is given twice is a 400 page naming the parameter and the value,
/// never a trap in the arithmetic further on (one such trap would end every clerk's session).
struct NumberParameter: Sendable {
    let name: String
    let range: ClosedRange<Int64>

    /// A page of a list: far beyond any list's last page, and small enough that
    /// `(page - 1) × page size` stays far inside Int.
    static let page = NumberParameter(name: "page", range: 1...1_000_000)
    /// A year as the core takes one: four digits.
    static let year = NumberParameter(name: "year", range: 1000...9999)
    /// A record's id in an address (`/orders/12`) or a notice (`?added=12`).
    static func id(_ name: String = "id") -> NumberParameter { NumberParameter(name: name, range: 1...Int64.max) }

    /// The value, nil when the parameter is absent or empty; throws a 400 otherwise.
    func read(_ parameters: Parameters) throws -> Int64? {
        let given = parameters.getAll(name)
        guard let first = given.first else { return nil }
        guard given.count == 1 else { throw refusal(first, .givenTwice) }
        let text = first.trimmingCharacters(in: " ")
        if text.isEmpty { return nil }
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw refusal(text, .notAWholeNumber)
        }
        // Digits that do not fit Int64 are as far out of range as any.
        guard let value = Int64(text), range.contains(value) else {
            throw refusal(text, .outOfRange(lowest: range.lowerBound, highest: range.upperBound))
        }
        return value
    }

    /// A record's id in an address: a part that is no number at all names no page (404); a number
    /// out of range is refused as in a query (400).
    func readAddress(_ parameters: Parameters) throws -> Int64 {
        do {
            guard let value = try read(parameters) else { throw HTTPError(.notFound) }
            return value
        } catch let failure as WebFailure {
            if case .invalid(_, _, .notAWholeNumber) = failure.error { throw HTTPError(.notFound) }
            throw failure
        }
    }

    /// The value, or `fallback` when absent.
    func read(_ parameters: Parameters, default fallback: Int64) throws -> Int64 {
        try read(parameters) ?? fallback
    }

    private func refusal(_ value: String, _ reason: Reason) -> WebFailure {
        WebFailure(status: .badRequest, error: .invalid(field: name, value: Self.shown(value), reason: reason))
    }

    /// Long enough to recognise, short enough for a page: a 10,000-digit value is cut with an ellipsis.
    static func shown(_ value: String) -> String {
        value.count > 24 ? String(value.prefix(24)) + "…" : value
    }
}
