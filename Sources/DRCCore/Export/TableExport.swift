import Workbook

/// A result table (totals, service levels, the 自评表, budget totals) as a file to download:
/// CSV for Excel (byte-order mark, CRLF, formula cells neutralised) with the rows the command
/// line's `--format csv` prints, or an .xlsx workbook of one sheet with its numbers as numbers
/// and the table's total rows after its rows. Headings and drc's own words in `language`.
public enum TableExport {
    public static func csv(_ table: ResultTable, in language: Language) throws -> [UInt8] {
        let cells = CSVCellWriter(guardFormulas: true, crlf: true)
        let sink = MemorySink()
        try sink.write("\u{FEFF}")
        try cells.row(table.headingTexts(in: language), to: sink)
        for row in table.rows { try cells.row(row.map { $0.text(in: language) }, to: sink) }
        return sink.bytes
    }

    public static func xlsx(_ table: ResultTable, in language: Language, sheetName: String) throws -> [UInt8] {
        var workbook = WorkbookWriter(sheetName: sheetName)
        do {
            try workbook.header(table.headingTexts(in: language))
            for row in table.rows + table.footer {
                try workbook.row(row.map { cell in
                    switch cell {
                    case .null: return .empty
                    case .number(let digits) where Double(digits) != nil: return .number(digits)
                    default: return .text(cell.text(in: language))
                    }
                })
            }
            return try workbook.bytes()
        } catch let error as WorkbookError {
            throw DRCError(error, sourceName: sheetName)
        }
    }
}
