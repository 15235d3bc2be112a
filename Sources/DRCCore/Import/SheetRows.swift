import Workbook

/// A worksheet's rows as the importer reads a CSV file's: the first row with a value is the
/// header, each row's `line` is its number in the sheet (what the spreadsheet shows at its
/// left), and every row is as wide as the widest, so an empty cell is an empty field.
final class SheetRows: RowSource {
    let table: SheetTable
    private var row = -1
    private var ends: [Int] = []

    init(_ table: SheetTable) {
        self.table = table
        ends.reserveCapacity(table.width)
    }

    func nextRecord() throws -> Bool {
        guard row + 1 < table.rowCount else { return false }
        row += 1
        return true
    }

    var line: Int { table.rowNumbers[row] }
    var fieldCount: Int { table.width }

    func withRecord<R>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> R) rethrows -> R {
        try table.withRow(row) { bytes, cellEnds, start in
            ends.removeAll(keepingCapacity: true)
            for end in cellEnds { ends.append(end - start) }
            return try body(bytes, ends)
        }
    }

    /// A sheet's text came through the XML parser as strings: always UTF-8.
    var isValidUTF8: Bool { true }

    func strings() -> [String] { table.cells(row) }

    /// A sheet's cells come parsed: no row is malformed, and a row is a line.
    var malformedLine: CSVReader.Failure? { nil }
    var physicalLinesRead: Int? { nil }
    var emptyLines: Int { 0 }
}
