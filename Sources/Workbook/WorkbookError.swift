/// Why a workbook could not be read or written: typed, with the part and the facts a message
/// needs, and no words (the records core turns each into its own reason).
public enum WorkbookError: Error, Equatable, Sendable {
    /// Not a zip holding a spreadsheet (its workbook part is missing, or it is no zip at all).
    case notAWorkbook
    /// A part that cannot be read: the zip entry is damaged, or its XML is not well formed
    /// (`problem` is the XML parser's own words, `line` where it found it).
    case brokenPart(part: String, line: Int?, problem: String)
    /// A part larger, uncompressed, than a workbook drc reads may hold (`InflationLimits`).
    case partTooLarge(part: String, limitBytes: Int)
    /// Parts that together inflate past what drc reads from one workbook.
    case workbookTooLarge(limitBytes: Int)
    /// A part that inflates to more than `ratio` times its size in the zip: a zip bomb's mark.
    case compressedTooFar(part: String, ratio: Int)
    /// Merged ranges whose value, given to every cell they cover, would pass `limitBytes`
    /// (`InflationLimits.mergedBytes`): a few ranges over a whole sheet, a bomb of its own kind.
    case mergedCellsTooLarge(part: String, limitBytes: Int)
    /// No sheet of that name; the workbook's sheets, in order.
    case noSuchSheet(name: String, sheets: [String])
    /// A workbook without any worksheet.
    case noSheets
    /// More rows than one worksheet holds (1,048,576, the header included).
    case tooManyRows(limit: Int)
}
