/// Minimal JSON text writing: strings escaped as RFC 8259 requires.
public enum JSONText {
    public static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls must be escaped (RFC 8259); DEL, C1 controls and bidi overrides may be,
                // and are, so JSON on a screen cannot drive the terminal either. Parsed, the
                // data is exactly the same.
                if scalar.value < 0x20 || TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object with keys in the given order.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .null: return "null"
        case .text(let text), .word(let text, _): return string(text)
        case .number(let number): return self.number(number)
        case .json(let json): return json
        }
    }

    /// A number cell as JSON: as shown, when that is a JSON number; a sign written for the eye
    /// (`+3`) or a percent sign (`-99.8%`, under a key that says percent) comes off, so every
    /// figure a table shows is a number in JSON too; anything else stays text, never bad JSON.
    public static func number(_ text: String) -> String {
        var bare = Substring(text)
        if bare.hasPrefix("+") { bare = bare.dropFirst() }
        if bare.hasSuffix("%") { bare = bare.dropLast() }
        return isNumber(bare) ? String(bare) : string(text)
    }

    /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isNumber(_ text: Substring) -> Bool {
        var rest = text.utf8[...]
        func digits() -> Int {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
