/// Text made safe for markup, by one loop over a table of what each format writes for the
/// characters it cannot carry as they are: HTML, the XML of a Word document, and spreadsheet
/// XML (which writes controls as `_xHHHH_`). One escaper, so a fix to one format's table cannot
/// miss the loop the others share.
public struct MarkupEscaping: Sendable {
    /// What a character is written as; characters not in the table are written as they are.
    let table: [Unicode.Scalar: String]

    public init(_ table: [Unicode.Scalar: String]) { self.table = table }

    /// `&`, `<`, `>` and `"`, as every format writes them.
    static let markup: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"]

    /// An element's content or a quoted attribute value in an HTML page.
    public static let html = MarkupEscaping(markup.merging(["'": "&#39;"]) { $1 })

    /// A Word document's parts (XML 1.0): the noncharacters U+FFFE and U+FFFF shown as the
    /// command line shows what it cannot print, `\u{FFFE}`.
    public static let xml = MarkupEscaping(markup.merging([
        "'": "&apos;", "\u{FFFE}": "\\u{FFFE}", "\u{FFFF}": "\\u{FFFF}",
    ]) { $1 })

    /// A spreadsheet cell: controls other than tab and line feed, and the noncharacters, as
    /// `_xHHHH_`; a carriage return as a character reference, so it survives reading.
    public static let spreadsheet: MarkupEscaping = {
        var table = markup
        table["\r"] = "&#13;"
        for value in UInt32(0)..<0x20 where value != 0x09 && value != 0x0A && value != 0x0D {
            if let scalar = Unicode.Scalar(value) { table[scalar] = "_x" + hex4(value) + "_" }
        }
        table["\u{FFFE}"] = "_xFFFE_"
        table["\u{FFFF}"] = "_xFFFF_"
        return MarkupEscaping(table)
    }()

    /// What `scalar` is written as, when the format does not carry it as it is.
    public func written(_ scalar: Unicode.Scalar) -> String? { table[scalar] }

    public func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { table[$0] != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let written = table[scalar] { out += written } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
