import DRCCore
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[2J", #"\u{1B}[2J"#), ("\u{1B}]0;title\u{07}", #"\u{1B}]0;title\u{07}"#), ("\u{9B}31m", #"\u{9B}31m"#),
        ("a\u{0}b", #"a\u{00}b"#), ("\u{7F}", #"\u{7F}"#), ("\u{202E}exe", #"\u{202E}exe"#), ("\u{2066}x\u{2069}", #"\u{2066}x\u{2069}"#),
        ("tab\there", #"tab\u{09}here"#), ("over\rwrite", #"over\u{0D}write"#), (#"C:\u{1B}"#, #"C:\\u{1B}"#),
    ])
    func controlsAreShownEscaped(input: String, shown: String) {
        #expect(TerminalText.escaped(input) == shown)
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["长沙市芙蓉区数据资源中心", "emoji 👩‍💻 and \"quotes\"", "", "1,234.56", "e\u{301}"] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func lineBreaksAreKeptInMessagesAndShownAsSymbolsInCells() {
        #expect(TerminalText.escaped("a\nb\r\nc") == "a\nb\r\nc")
        #expect(TerminalText.escaped("a\nb\r\nc\rd", lineBreaks: .symbol) == "a⏎b⏎c⏎d")
    }

    /// A backslash is doubled, so typed text never looks like an escaped control.
    @Test func escapesAreUnambiguous() {
        #expect(TerminalText.escaped(#"\u{1B}"#) != TerminalText.escaped("\u{1B}"))
        #expect(TerminalText.escaped("\\\u{1B}") == #"\\\u{1B}"#)
    }

    @Test func jsonEscapesTerminalControlsAsWell() {
        #expect(JSONText.string("\u{1B}[2J\u{9B}\u{202E}\u{7F}") == #""\u001b[2J\u009b\u202e\u007f""#)
    }
}
