import DRCCore
import Workbook

/// Text made safe for XML 1.0 (the parts of a .docx): markup characters become entities, and
/// what XML cannot carry or a reader should see (C0 and C1 controls, bidi overrides, the
/// noncharacters U+FFFE and U+FFFF) is written visibly as `\u{XX}`, as the command line shows
/// it. Line breaks are kept for the caller to turn into breaks of its own.
enum XMLText {
    static func escape(_ text: String) -> String {
        MarkupEscaping.xml.escape(TerminalText.escaped(text, lineBreaks: .kept))
    }
}
