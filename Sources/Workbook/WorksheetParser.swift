import Foundation

/// A worksheet part's cells as text: shared and inline strings, numbers (dates and times by
/// their number format, as `SerialDate` writes them), booleans, errors and formulas' cached
/// results. A cell or row without its reference takes the place after the one before it.
final class WorksheetParser: PartParser {
    private let sharedStrings: [String]
    private let formats: [NumberFormat]
    private let date1904: Bool
    /// The most bytes merged ranges' values may take once copied.
    private let mergedBytes: Int
    /// The sheet's merged ranges (`<mergeCells>`, after the rows), as read.
    private var merges: [SheetTable.MergeRange] = []

    /// The sheet's rows, once parsed: merged ranges filled, laid out dense.
    func result() throws -> SheetTable {
        var table = self.table
        try table.fill(merges, part: part, limitBytes: mergedBytes)
        table.finish()
        return table
    }
    private var table: SheetTable

    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var column = -1
    private var type = ""
    private var style = 0
    private var value = ""
    private var inlineText = ""
    private var inValue = false
    private var inInline = false
    private var inInlineText = false
    private var inPhonetic = false
    private var inCell = false

    init(part: String, name: String, sharedStrings: [String], formats: [NumberFormat], date1904: Bool, mergedBytes: Int) {
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.date1904 = date1904
        self.mergedBytes = mergedBytes
        table = SheetTable(name: name)
        super.init(part: part)
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            if let given = attributes["r"] {
                guard let number = Int(given), (1...1_048_576).contains(number) else {
                    return fail(.brokenPart(part: part, line: lineNumber, problem: "row r=\"\(given)\""))
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
            column = -1
        case "c":
            if let reference = attributes["r"] {
                guard let place = ColumnName.parse(reference: reference) else {
                    return fail(.brokenPart(part: part, line: lineNumber, problem: "c r=\"\(reference)\""))
                }
                column = place.column
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
            inCell = true
        case "mergeCell":
            guard let reference = attributes["ref"], let range = SheetTable.MergeRange(reference: reference) else {
                return fail(.brokenPart(part: part, line: lineNumber, problem: "mergeCell ref=\"\(attributes["ref"] ?? "")\""))
            }
            merges.append(range)
        case "v" where inCell: inValue = true
        case "is" where inCell: inInline = true
        case "rPh": inPhonetic = true
        case "t" where inInline && !inPhonetic: inInlineText = true
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "t": inInlineText = false
        case "c":
            inCell = false
            guard let text = cellText() else { return }
            if !text.isEmpty { cells.append((column, text)) }
        case "row":
            table.append(row: rowNumber, cells: cells)
            cells = []
        default: break
        }
    }

    override func text(_ string: String) {
        if inValue { value += string } else if inInlineText { inlineText += string }
    }

    /// The current cell's value as text; nil (after failing the parse) when it is broken.
    private func cellText() -> String? {
        switch type {
        case "s":
            // A styled empty cell (`<c r="B2" s="3" t="s"/>`, as some writers leave one) has no
            // index at all: it is empty, not a reference to a string that is not there.
            if value.allSatisfy(\.isWhitespace) { return "" }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(.brokenPart(part: part, line: lineNumber, problem: "shared string \(value)"))
                return nil
            }
            return sharedStrings[index]
        case "inlineStr":
            return CellText.unescaped(inlineText)
        case "str", "e":
            return CellText.unescaped(value)
        case "b":
            return value.trimmingCharacters(in: .whitespaces).isEmpty ? "" : value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        case "d":
            // An ISO 8601 date (strict Open XML): as drc writes dates.
            var text = value.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("Z") { text.removeLast() }
            if let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
            return text.replacingOccurrences(of: "T", with: " ")
        default:
            let raw = value.trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { return "" }
            let format = formats.indices.contains(style) ? formats[style] : .general
            if let elapsed = format.elapsed, let serial = Double(raw), let text = ElapsedTime.text(serial, format: elapsed) {
                return text
            }
            if format.isDateOrTime, let serial = Double(raw),
               let text = SerialDate.text(serial, date1904: date1904, showsDate: format.showsDate, showsTime: format.showsTime) {
                return text
            }
            return format.isPercent ? CellText.percent(raw) : CellText.number(raw)
        }
    }
}
