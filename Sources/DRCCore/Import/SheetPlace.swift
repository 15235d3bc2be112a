import Workbook

/// Where a bad row of a workbook is: its sheet (the row is the error's line, the sheet's own
/// row number), and the column when one cell is at fault, so a clerk finds the cell: 工作表
/// “3月” 第 5 行 列 C.
public struct SheetPlace: Equatable, Sendable {
    public let sheet: String
    /// The column, from 0.
    public let column: Int?

    public init(sheet: String, column: Int?) {
        self.sheet = sheet
        self.column = column
    }

    /// The column's letters as the sheet heads it: `C`, `AA`.
    public var columnLetters: String? { column.map(ColumnName.letters) }
}
