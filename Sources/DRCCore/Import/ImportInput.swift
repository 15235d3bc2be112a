/// What an import reads its rows from: the records of a text file (with what was found about
/// its text), or a workbook's sheet.
enum ImportInput {
    case text(CSVReader, DetectedText)
    case sheet(SheetRows)

    var reader: any RowSource {
        switch self {
        case .text(let reader, _): return reader
        case .sheet(let rows): return rows
        }
    }

    /// The sheet's name, for a workbook.
    var sheet: String? {
        if case .sheet(let rows) = self { return rows.table.name }
        return nil
    }

    /// A sheet's merged ranges that filled cells.
    var merges: [MergedRange] {
        guard case .sheet(let rows) = self else { return [] }
        return rows.table.merges.map { MergedRange(reference: $0.reference, firstRow: $0.firstRow, lastRow: $0.lastRow, filledCells: $0.filledCells) }
    }

    /// How the rejects file is written: as the text was (known once its first line is read), or
    /// for a workbook as CSV with a byte-order mark.
    var manners: RejectsFile.Manners {
        switch self {
        case .text(let reader, let text): return RejectsFile.Manners(encoding: text.encoding, hasBOM: text.hasBOM, delimiter: reader.delimiter)
        case .sheet: return .excel
        }
    }
}
