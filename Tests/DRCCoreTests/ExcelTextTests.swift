@testable import DRCCore
import Foundation
import Testing

/// What Excel writes and reads: byte-order marks, UTF-16 "Unicode text" with tabs, and the
/// formula guard that `export --bom` adds and an import of such a file removes again.
@Suite struct ExcelTextTests {
    /// Values that test the guard: formulas, apostrophes that are data, and leading control characters.
    static let tricky = ["=SUM(1)", "+1", "-x", "@a", "'quoted", "'=x", "''", "'", "''=x", "\tled", "\rled", "\nled",
                         "'\tx", "=\"a,b\"", "a'b", "", "普通", "-", "'@", "x=1", "=", "'\r\n", "\"'=q\""]

    func written(_ rows: [[String]], guarding: Bool, delimiter: UInt8 = 0x2C) throws -> [UInt8] {
        let sink = MemorySink()
        let cells = CSVCellWriter(guardFormulas: guarding, crlf: guarding, delimiter: delimiter)
        for row in rows { try cells.row(row, to: sink) }
        return sink.bytes
    }

    func read(_ bytes: [UInt8], removingGuards: Bool, tabs: Bool = false) throws -> [[String]] {
        let reader = CSVReader(source: MemorySource(bytes), bufferSize: 5)
        reader.removesFormulaGuards = removingGuards
        reader.detectsTabs = tabs
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields) }
        return rows
    }

    @Test func theGuardIsAddedAndRemovedExactlyForEveryValue() throws {
        let rows = [["name", "value"]] + Self.tricky.map { ["v", $0] }
        let bytes = try written(rows, guarding: true)
        // Written for Excel: every value a spreadsheet would run shows the guard.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("v,'=SUM(1)\r\n"))
        #expect(text.contains("v,'@a\r\n"))
        #expect(text.contains("v,''=x\r\n"))
        #expect(text.contains("v,'''\r\n"))
        #expect(text.contains("v,a'b\r\n"))
        // Read back in Excel mode: the very same values, and written again, the same bytes.
        let back = try read(bytes, removingGuards: true)
        #expect(back == rows)
        #expect(try written(back, guarding: true) == bytes)
        // Without Excel mode a ' is data.
        #expect(try read(Array("a\n'=x\n".utf8), removingGuards: false) == [["a"], ["'=x"]])
        // In Excel mode only a ' before a guarded character is a guard.
        #expect(try read(Array("a\n'abc\n'=x\n''\n".utf8), removingGuards: true) == [["a"], ["'abc"], ["=x"], ["'"]])
    }

    @Test func aTabSeparatedFirstLineMakesTheFileTabSeparated() throws {
        let rows = [["name", "note"], ["a,b", "=x"], ["tab\there", "say \"hi\""]]
        let bytes = try written(rows, guarding: true, delimiter: 0x09)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("name\tnote\r\na,b\t'=x\r\n\"tab\there\""))
        #expect(try read(bytes, removingGuards: true, tabs: true) == rows)
        // A comma in the first line keeps the comma; tabs are then data.
        #expect(try read(Array("a,b\nx\ty,z\n".utf8), removingGuards: false, tabs: true) == [["a", "b"], ["x\ty", "z"]])
        // Without detection tabs are data.
        #expect(try read(Array("a\tb\nx\ty\n".utf8), removingGuards: false) == [["a\tb"], ["x\ty"]])
    }

    func detected(_ bytes: [UInt8], declared: TextEncoding? = .utf8) throws -> (text: String, encoding: TextEncoding, bom: Bool) {
        let detected = try DetectedText(MemorySource(bytes), declared: declared)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 3)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try detected.source.read(into: $0) }
            if count == 0 { break }
            out += buffer[0..<count]
        }
        return (String(decoding: out, as: UTF8.self), detected.encoding, detected.hasBOM)
    }

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    @Test func aByteOrderMarkNamesTheEncoding() throws {
        let text = "name\tactive\r\n美音𠀋\tyes\r\n"
        let little = try detected([0xFF, 0xFE] + utf16(text, bigEndian: false))
        #expect(little.text == text && little.encoding == .utf16le && little.bom)
        let big = try detected([0xFE, 0xFF] + utf16(text, bigEndian: true), declared: .gb18030)
        #expect(big.text == text && big.encoding == .utf16be && big.bom)
        let utf8 = try detected([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(utf8.text == text && utf8.encoding == .utf8 && utf8.bom)
        let plain = try detected(Array("ab".utf8))
        #expect(plain.text == "ab" && plain.encoding == .utf8 && !plain.bom)
        #expect(try detected([]).text == "")
        // An odd byte at the end of UTF-16 text is reported, not guessed.
        #expect(throws: DRCError.undecodableText(encoding: "UTF-16", byte: nil)) {
            _ = try detected([0xFF, 0xFE, 0x61, 0x00, 0x62])
        }
    }

    @Test func textIsWrittenBackInItsOwnEncoding() throws {
        let text = "“网络”中断，已恢复,𠀋\n" + String(repeating: "长沙市芙蓉区", count: 20_000)
        for encoding in [TextEncoding.gb18030, .utf16le, .utf16be] {
            let memory = MemorySink()
            let sink = try TranscodingSink(memory, to: encoding)
            // Written a byte at a time, so characters are cut between writes.
            for byte in Array(text.utf8) { try sink.write(byte) }
            try sink.flush()
            let back = try detected(encoding.byteOrderMark + memory.bytes, declared: encoding)
            #expect(back.text == text, "\(encoding)")
        }
    }
}
