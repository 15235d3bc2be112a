/// A spreadsheet's total line at the bottom of a vendor's log (合计, 小计, 总计, total in its
/// first cell): it sums the rows above and is no record. Checked on every row, so it looks at
/// the first cell's bytes only, and at its words only when the cell is short.
enum TotalRow {
    static let words: Set<String> = ["合计", "小计", "总计", "共计", "total", "subtotal", "grand total", "sum"]

    static func isTotal(_ fields: FieldBytes, _ row: Int) -> Bool {
        fields.withField(row, 0) { bytes in
            // The words are at most 11 bytes; with spaces and a colon, far fewer than 40.
            guard !bytes.isEmpty, bytes.count <= 40, mayStartWord(bytes[0]) else { return false }
            return words.contains(normalised(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// The first bytes the words (or a space before them) can start with: a year, a name or a
    /// number in the first cell is passed by this one comparison.
    @inline(__always)
    static func mayStartWord(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xE5, 0xE6, 0xE3, 0x20, 0x09, UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "s"), UInt8(ascii: "S"),
             UInt8(ascii: "g"), UInt8(ascii: "G"):
            return true
        default:
            return false
        }
    }

    /// The word without spaces (合　计), a trailing colon (合计：) or case (Total).
    static func normalised(_ text: String) -> String {
        var word = text.lowercased().filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }
        while word.last == ":" || word.last == "：" { word.removeLast() }
        return word == "grandtotal" ? "grand total" : word
    }

    /// The first field in `from..<to` of row `row` that holds a value.
    static func firstFilled(_ fields: FieldBytes, _ row: Int, from: Int, to: Int) -> Int? {
        (from..<to).first { index in fields.withField(row, index) { !Trimming.range($0).isEmpty } }
    }
}
