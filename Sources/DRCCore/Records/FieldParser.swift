import SQLiteDB

/// Turns what a clerk typed for a field into the value stored, or says why it cannot.
public struct FieldParser {
    let resolver: ReferenceResolver

    public init(db: Connection) {
        resolver = ReferenceResolver(db: db)
    }

    /// An empty input means "not given" and becomes NULL (the caller checks required fields).
    public func parse(_ raw: String, for field: Field) throws -> SQLiteValue {
        let text = raw.trimmingSpaces()
        if text.isEmpty { return .null }
        func refuse(_ reason: Reason) -> DRCError {
            .invalid(field: field.name, value: raw, reason: reason)
        }
        switch field.type {
        case .text:
            guard !raw.unicodeScalars.contains(where: { $0.value == 0 }) else { throw refuse(.containsNUL) }
            return .text(text)
        case .count:
            guard let value = Self.integer(text) else { throw refuse(.notAWholeNumber) }
            guard value >= 0 else { throw refuse(.negativeCount) }
            return .integer(value)
        case .year:
            guard let value = Self.integer(text), (1949...2999).contains(value) else {
                throw refuse(.notAYear)
            }
            return .integer(value)
        case .money:
            switch Money.parse(text) {
            case .success(let fen):
                guard fen >= 0 else { throw refuse(.negativeAmount) }
                return .integer(fen)
            case .failure(let error): throw refuse(error.reason)
            }
        case .flag:
            guard let flag = Self.flag(text) else { throw refuse(.notYesOrNo) }
            return .integer(flag)
        case .choice(let choices):
            let lowered = text.lowercased()
            guard let choice = choices.first(where: { $0.value == lowered || $0.aliases.contains(text) || $0.aliases.contains(lowered) }) else {
                throw refuse(.notOneOf(choices.map(\.term)))
            }
            return .text(choice.value)
        case .timestamp:
            switch TimeInput.parse(text) {
            case .success(let date): return .text(date.text)
            case .failure(let error): throw refuse(error.reason)
            }
        case .reference(let kind):
            return .integer(try resolver.resolve(text, kind: RecordKinds.kind(kind)))
        case .children:
            // Child rows are parsed by their set (`RecordKind.ChildSet.parse`), never as one value.
            throw refuse(.childRowsOnly)
        case .creditCode:
            switch CreditCode.validate(text) {
            case .success(let code): return .text(code)
            case .failure(let error): throw refuse(error.reason)
            }
        case .decimal:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
                throw refuse(.notADecimal)
            }
            return .text(text)
        }
    }

    /// yes/no, true/false, 1/0, 是/否 as 1 or 0; nil for anything else.
    static func flag(_ text: String) -> Int64? {
        switch text.lowercased() {
        case "1", "yes", "y", "true", "是", "有效", "active": return 1
        case "0", "no", "n", "false", "否", "无效", "inactive": return 0
        default: return nil
        }
    }

    /// A whole number in plain decimal digits (no exponent, no grouping), within Int64.
    static func integer(_ text: String) -> Int64? {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits.removeFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(text.first == "+" ? String(text.dropFirst()) : text)
    }
}
