import Foundation

/// Cell values as text, both ways. Spreadsheet XML writes a character XML cannot hold (a
/// control character) as `_xHHHH_`, and a literal `_x…_` in text as `_x005F_x…_`; numbers are
/// written with up to 17 digits, and shown by Excel to 15 significant ones.
enum CellText {
    /// Text with every `_xHHHH_` escape replaced by its character.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                output.append(scalar)
                index += 7
                continue
            }
            output.append(scalars[index])
            index += 1
        }
        scalars.removeAll()
        return String(output)
    }

    /// Text as cell XML holds it: `&`, `<`, `>` and `"` as entities, characters XML 1.0 cannot
    /// hold (controls other than tab, LF and CR, lone surrogates cannot occur in a String) and
    /// a literal `_xHHHH_` escaped as `_xHHHH_`, so reading gives the text back exactly.
    static func escaped(_ text: String) -> String {
        let escaping = MarkupEscaping.spreadsheet
        guard text.contains("_x") else { return escaping.escape(text) }
        // A literal `_xHHHH_` gets its `_` escaped, so reading does not take it for an escape.
        let scalars = Array(text.unicodeScalars)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", looksEscaped(scalars, at: index) {
                output += "_x005F_"
            } else if let written = escaping.written(scalar) {
                output += written
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `_` at `index` starts `_xHHHH_`.
    private static func looksEscaped(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// A number cell's value as a person reads it: whole numbers without a decimal point or
    /// exponent (a ticket `20210301001`, a year), others to 15 significant digits (`0.1+0.2`
    /// stored as 0.30000000000000004 reads `0.3`). A value that is not a number stays as written.
    static func number(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(format: "%.15g", value)
        return text.contains("e") ? raw : text
    }

    /// A percentage cell (0.95 shown as 95%) as shown.
    static func percent(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        return number(String(format: "%.15g", value * 100)) + "%"
    }
}
