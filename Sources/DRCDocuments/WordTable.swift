import DRCCore

/// A table laid out by its content, as a typesetter would: each column gets at least the room
/// its widest unbreakable piece needs (a number whole, a heading's word whole: never "一级指/标"),
/// then the rest of the text width given to the columns that want least more first (so short
/// columns stay whole and a long text column wraps); the font is the largest of 小四, 五号
/// and 小五 at which every column gets its least room. Widths are measured in tenths of an
/// em as the characters are drawn: a Chinese character 10, a digit, sign or Latin letter 6
/// (Times New Roman's digits are 5; the fallback CJK fonts' are wider). A heading wider than its column is broken, by drc, between its words
/// (before （万元）, between halves of a long word), so no reader breaks it elsewhere. Numbers
/// are right-aligned; the header row repeats on every page the table runs on, and no row is
/// split across pages.
struct WordTable {
    /// Left and right padding of a cell (1.27 mm), and above and below its text (0.5 mm).
    static let cellMargin = 72
    static let cellPadding = 30
    /// Room a column gets beyond its measured text, in tenths of an em (half a character):
    /// a heading measured to fit exactly is wrapped by a renderer whose widths round up.
    static let slack = 5
    /// 小四 (12 pt), 五号 (10.5 pt), 小五 (9 pt), in half-points: the largest that fits is used.
    static let sizes = [24, 21, 18]
    /// A heading word longer than this many characters may be broken into halves.
    static let longestWord = 6
    /// Text in body cells may wrap, but never below this many characters a line.
    static let narrowestText = 5

    let table: DocumentTable
    /// The font size chosen, in half-points.
    let size: Int
    /// Each column's width in twips, its padding included.
    let widths: [Int]

    init(_ table: DocumentTable, width available: Int = WordPage.textWidth) {
        self.table = table
        let columns = max(1, table.headings.count)
        let headings = (0..<columns).map { $0 < table.headings.count ? table.headings[$0] : "" }
        let body = table.rows + table.footer
        // Tenths of an em (a Chinese character 10): the least and the most each column wants.
        var least = [Int](repeating: 1, count: columns)
        var most = [Int](repeating: 1, count: columns)
        for column in 0..<columns {
            let number = column < table.alignments.count && table.alignments[column] == .trailing
            least[column] = max(least[column], Self.words(headings[column]).map { Self.measure($0) }.max() ?? 0)
            most[column] = max(most[column], Self.measure(headings[column]))
            for row in body where column < row.count {
                let text = row[column]
                let whole = text.split(whereSeparator: \.isNewline).map { Self.measure(String($0)) }.max() ?? 0
                most[column] = max(most[column], whole)
                // A number is never broken; text may wrap, but not to a sliver.
                least[column] = max(least[column], number ? whole : min(whole, max(Self.longestToken(text), 10 * Self.narrowestText)))
            }
        }
        least = least.map { $0 + Self.slack }
        most = most.map { $0 + Self.slack }
        let content = available - columns * 2 * Self.cellMargin
        // The largest font at which every column gets its least room (the smallest otherwise).
        let size = Self.sizes.first { least.reduce(0, +) * Self.unit($0) <= content } ?? Self.sizes[Self.sizes.count - 1]
        let unit = Self.unit(size)
        let lowest = least.map { $0 * unit }, highest = most.map { max($0, 1) * unit }
        let lowSum = lowest.reduce(0, +), highSum = highest.reduce(0, +)
        var widths: [Int]
        if highSum <= content {
            // Everything fits on one line: the spare room goes to each column by its width.
            widths = highest.map { $0 + ($0 * (content - highSum)) / max(1, highSum) }
        } else if lowSum <= content {
            // Each column gets its least; then, the columns that want least more first, each
            // up to an even share of the width (so a short column is whole); what is left goes
            // to the columns still wanting, by how much they want.
            widths = lowest
            var spare = content - lowSum
            let share = content / columns
            for column in widths.indices.sorted(by: { highest[$0] - lowest[$0] < highest[$1] - lowest[$1] }) {
                let given = min(spare, max(0, min(highest[column], share) - widths[column]))
                widths[column] += given
                spare -= given
            }
            let wanted = widths.indices.map { highest[$0] - widths[$0] }
            let wantedSum = wanted.reduce(0, +)
            if spare > 0 && wantedSum > 0 {
                widths = widths.indices.map { widths[$0] + (wanted[$0] * spare) / wantedSum }
            }
        } else {
            // Even the least is too wide: shrink each in proportion (a word may then break).
            widths = lowest.map { ($0 * content) / max(1, lowSum) }
        }
        self.size = size
        self.widths = widths.map { $0 + 2 * Self.cellMargin }
    }

    /// Twips per tenth of an em at a size in half-points (an em is `halfPoints` × 10 twips).
    static func unit(_ halfPoints: Int) -> Int { halfPoints }

    /// A text's width in tenths of an em: a wide (Chinese, fullwidth) character 10, a narrow one 6.
    static func measure(_ text: String) -> Int {
        text.reduce(0) { width, character in
            switch DisplayWidth.of(character) {
            case 2: return width + 10
            case 1: return width + 6
            default: return width
            }
        }
    }

    /// A heading's unbreakable words: split before （ and after ）, at spaces, ·, / and 、,
    /// and a word longer than `longestWord` characters in balanced halves.
    static func words(_ heading: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in heading {
            if character == "（" || character == "(" {
                if !current.isEmpty { words.append(current) }
                current = String(character)
            } else if character == "）" || character == ")" || character == "·" || character == "、" || character == "/" {
                current.append(character)
                words.append(current)
                current = ""
            } else if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.flatMap { word -> [String] in
            let characters = Array(word)
            guard characters.count > longestWord else { return [word] }
            let pieces = (characters.count + longestWord - 1) / longestWord
            let length = (characters.count + pieces - 1) / pieces
            return stride(from: 0, to: characters.count, by: length).map { String(characters[$0..<min(characters.count, $0 + length)]) }
        }
    }

    /// The widest run of text without a place to break it (Latin letters and digits together),
    /// in tenths of an em.
    static func longestToken(_ text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            if DisplayWidth.of(character) == 1 && !character.isWhitespace {
                current += 6
                longest = max(longest, current)
            } else {
                current = 0
                longest = max(longest, measure(String(character)))
            }
        }
        return longest
    }

    /// A heading's lines in a column `width` twips wide: its words packed greedily.
    func headingLines(_ heading: String, column: Int) -> [String] {
        let room = (widths[column] - 2 * Self.cellMargin) / Self.unit(size) - Self.slack
        guard Self.measure(heading) > room else { return [heading] }
        var lines: [String] = []
        for word in Self.words(heading) {
            if let last = lines.last, Self.measure(last + word) <= room {
                lines[lines.count - 1] = last + word
            } else {
                lines.append(word)
            }
        }
        return lines
    }

    var xml: String {
        let columns = widths.count
        func cell(_ text: String, column: Int, header: Bool) -> String {
            let number = column < table.alignments.count && table.alignments[column] == .trailing
            let align = header ? "center" : number ? "right" : "left"
            let font = header ? WordStyles.fonts(WordPage.heiTi) : ""
            let run = "<w:rPr>\(font)\(WordStyles.size(size))</w:rPr>"
            let shown = header ? headingLines(text, column: column).joined(separator: "\n") : text
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"\(align)\"/></w:pPr>"
                + WordBody.runs(shown, properties: run) + "</w:p></w:tc>"
        }
        func row(_ cells: [String], header: Bool) -> String {
            let padded = Array(cells.prefix(columns)) + Array(repeating: "", count: max(0, columns - cells.count))
            return "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>"
                + padded.enumerated().map { cell($0.element, column: $0.offset, header: header) }.joined() + "</w:tr>"
        }
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr>"
            + "<w:tblGrid>\(grid)</w:tblGrid>" + row(table.headings, header: true)
            + (table.rows + table.footer).map { row($0, header: false) }.joined()
            + "</w:tbl>"
    }
}
