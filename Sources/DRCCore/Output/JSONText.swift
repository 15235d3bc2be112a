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
        case .number(let number), .json(let number): return number
        }
    }
}
