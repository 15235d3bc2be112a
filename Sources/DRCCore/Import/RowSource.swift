/// Rows one after another, as the importer reads them: a CSV file's records (`CSVReader`) or a
/// workbook sheet's rows (`SheetRows`). The first is the header. Everything after it (column
/// plan, validation, defaults, passed-over rows, tickets, batches, rejects) is one path.
protocol RowSource: AnyObject {
    /// Reads the next row; false at the end.
    func nextRecord() throws -> Bool
    /// Where the current row is: a CSV file's line, a sheet's row number.
    var line: Int { get }
    var fieldCount: Int { get }
    /// Lends the whole row: every field's bytes end to end, and where each field ends in them.
    func withRecord<R>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> R) rethrows -> R
    /// Whether the row's bytes are valid UTF-8.
    var isValidUTF8: Bool { get }
    func strings() -> [String]
    /// Why the current row is a line that could not be read as fields (a CSV file's malformed
    /// quoting); its one field is then the line as written.
    var malformedLine: CSVReader.Failure? { get }
    /// The file's physical lines read so far (a CSV file's, where a cell may hold line breaks),
    /// and the empty lines passed over among them; nil for a sheet, whose rows are its lines.
    var physicalLinesRead: Int? { get }
    var emptyLines: Int { get }
}

extension CSVReader: RowSource {
    var physicalLinesRead: Int? { linesRead }
}
