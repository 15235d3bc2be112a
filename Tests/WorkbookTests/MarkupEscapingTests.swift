import Testing
import Workbook

/// One escaper, a table per format: what each writes for the characters it cannot carry.
@Suite struct MarkupEscapingTests {
    @Test func eachFormatWritesItsOwnTable() {
        let text = "a&b<c>\"d'e\u{1}\r\u{FFFE}\t\n"
        #expect(MarkupEscaping.html.escape(text) == "a&amp;b&lt;c&gt;&quot;d&#39;e\u{1}\r\u{FFFE}\t\n")
        #expect(MarkupEscaping.xml.escape(text) == "a&amp;b&lt;c&gt;&quot;d&apos;e\u{1}\r\\u{FFFE}\t\n")
        #expect(MarkupEscaping.spreadsheet.escape(text) == "a&amp;b&lt;c&gt;&quot;d'e_x0001_&#13;_xFFFE_\t\n")
        // Plain text comes back as it is.
        #expect(MarkupEscaping.html.escape("芙蓉区 2020") == "芙蓉区 2020")
    }
}
