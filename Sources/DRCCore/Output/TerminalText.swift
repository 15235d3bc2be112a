/// Text bound for a terminal, with every character that could take control of it shown
/// visibly instead. A name, summary or reference can carry ESC (the start of the colour,
/// cursor and screen-clearing sequences), other C0 and C1 controls (U+009B is a one-character
/// CSI), or bidi overrides and isolates that reorder what a manager reads. Each such character
/// is written as `\u{XX}`, its code point in hex (`\u{1B}`, `\u{9B}`, `\u{202E}`), and a
/// backslash as `\\`, so the escaped text is unambiguous: `\u{1B}` on screen always means an
/// ESC in the data, never those six characters typed. CSV and JSON output do not come here:
/// they keep the data exact for the programs that read them.
public enum TerminalText {
    /// What happens to line breaks, the one control that is part of ordinary text.
    public enum LineBreaks: Sendable {
        /// Kept (messages and the report span lines); a lone carriage return, which would move
        /// the cursor back over what was printed, is escaped.
        case kept
        /// Shown as ⏎, so one table cell stays on one row.
        case symbol
    }

    public static func escaped(_ text: String, lineBreaks: LineBreaks = .kept) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\\" }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let crlf = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if scalar == "\n" || crlf {
                switch lineBreaks {
                case .kept: out.append(contentsOf: crlf ? "\r\n".unicodeScalars : "\n".unicodeScalars)
                case .symbol: out.append("⏎")
                }
                index += crlf ? 2 : 1
                continue
            }
            if scalar == "\r" && lineBreaks == .symbol {
                out.append("⏎")
            } else if scalar == "\\" {
                out.append(contentsOf: "\\\\".unicodeScalars)
            } else if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// C0 controls (tab too: it breaks a table's columns), DEL, C1 controls, and the
    /// invisible characters that change the direction of the text around them.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
