/// The sheet columns of a workbook's fields, so a bad row's error names the cell at fault:
/// the column whose header names the field the error is about.
struct SheetPlaces {
    let sheet: String
    private var columns: [String: Int] = [:]

    init(sheet: String, header: [String], kind: RecordKind) {
        self.sheet = sheet
        for (index, name) in header.enumerated() where !name.isEmpty {
            let field = HeaderMap.field(for: name, kind: kind)?.name ?? HeaderMap.normalise(name)
            if columns[field] == nil { columns[field] = index }
        }
    }

    /// Where `error` is: its sheet, and its column when the error names a field or a column.
    func place(of error: RowError) -> SheetPlace {
        if case .invalid(.valueInUnnamedColumn(let index)) = error.problem { return SheetPlace(sheet: sheet, column: index) }
        return SheetPlace(sheet: sheet, column: error.column.flatMap { columns[$0] })
    }
}
