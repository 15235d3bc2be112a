/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
/// For Excel, `guardFormulas` prefixes text cells that a spreadsheet would run as a formula.
public struct CSVFormat: Sendable {
    public var lineEnding: String
    public var guardFormulas: Bool

    public init(lineEnding: String = "\n", guardFormulas: Bool = false) {
        self.lineEnding = lineEnding
        self.guardFormulas = guardFormulas
    }

    public func line(_ fields: [String]) -> String {
        fields.map { field($0) }.joined(separator: ",") + lineEnding
    }

    /// One field, quoted when needed. `isText` is false for numbers, which are never guarded,
    /// so that `-3` stays a number in the spreadsheet.
    public func field(_ value: String, isText: Bool = true) -> String {
        var value = value
        if guardFormulas, isText, let first = value.unicodeScalars.first,
           first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r" || first == "\n" {
            value = "'" + value
        }
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
