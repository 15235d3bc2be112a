import DRCCore

/// Text made safe for XML 1.0 (the parts of a .docx): markup characters become entities, and
/// what XML cannot carry or a reader should see (C0 and C1 controls, bidi overrides, the
/// noncharacters U+FFFE and U+FFFF) is written visibly as `\u{XX}`, as the command line shows
/// it. Line breaks are kept for the caller to turn into breaks of its own.
enum XMLText {
    static func escape(_ text: String) -> String {
        let shown = TerminalText.escaped(text, lineBreaks: .kept)
        var out = ""
        out.reserveCapacity(shown.utf8.count + 16)
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
