/// A worksheet's rows as text, every cell's UTF-8 bytes in one buffer: the rows that hold a
/// value, each with its row number as the sheet shows it, each as wide as the widest row, so a
/// cell left out of the XML (an empty one) is an empty cell in its place.
public struct SheetTable: Sendable {
    /// The sheet's name, as its tab shows it.
    public let name: String
    /// Every cell's bytes, row after row.
    private(set) var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`.
    private(set) var cellEnds: [Int] = []
    /// Each row's number in the sheet (from 1).
    public private(set) var rowNumbers: [Int] = []
    /// The number of cells in every row.
    public private(set) var width = 0
    /// The merged ranges whose value was given to the cells they cover, in the sheet's order.
    public private(set) var merges: [Merge] = []

    /// A merged range (`B3:B4`): the sheet shows its first cell's value across all its cells,
    /// and the file holds it in the first cell only.
    public struct Merge: Equatable, Sendable {
        /// As the sheet names it: `B3:B4`.
        public let reference: String
        public let firstRow: Int
        public let lastRow: Int
        /// How many cells took the first cell's value.
        public let filledCells: Int
    }

    /// A merged range as read, before its cells are filled; rows from 1, columns from 0.
    struct MergeRange {
        let reference: String
        let firstRow: Int
        let firstColumn: Int
        let lastRow: Int
        let lastColumn: Int

        /// `A1:F1` (or one cell `A1`); nil when it is not a range within a worksheet.
        init?(reference: String) {
            let ends = reference.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let first = ColumnName.parse(reference: String(ends[0])),
                  let last = ColumnName.parse(reference: String(ends[ends.count - 1])),
                  let firstRow = first.row, let lastRow = last.row, firstRow >= 1, lastRow >= 1 else { return nil }
            self.reference = reference
            self.firstRow = min(firstRow, lastRow)
            self.lastRow = max(firstRow, lastRow)
            self.firstColumn = min(first.column, last.column)
            self.lastColumn = max(first.column, last.column)
        }
    }

    init(name: String) {
        self.name = name
    }

    public var rowCount: Int { rowNumbers.count }

    /// Adds a row from its cells by column (sparse, in any order); a row with no value in any
    /// cell is left out, as a blank line of a CSV file is. Rows are padded to `width` later.
    /// The cells go into one buffer as read (no string or array per row is kept), so a sheet
    /// of 50 MB of XML takes about its text's size until `finish` lays it out.
    mutating func append(row number: Int, cells: [(column: Int, text: String)]) {
        guard cells.contains(where: { !$0.text.isEmpty }) else { return }
        rowNumbers.append(number)
        let first = sparseColumns.count
        for cell in cells where !cell.text.isEmpty {
            sparseBytes.append(contentsOf: cell.text.utf8)
            sparseColumns.append(Int32(cell.column))
            sparseEnds.append(sparseBytes.count)
            width = max(width, cell.column + 1)
        }
        rowCells.append(first..<sparseColumns.count)
    }

    /// Rows as read, before they are laid out dense (see `finish`): every cell's bytes, its
    /// column and where it ends, and each row's cells among them.
    private var sparseBytes: [UInt8] = []
    private var sparseColumns: [Int32] = []
    private var sparseEnds: [Int] = []
    private var rowCells: [Range<Int>] = []
    /// Cells merged ranges give values to, by row number: laid over the row's own in `finish`.
    private var mergedCells: [Int: [(column: Int, text: String)]] = [:]

    /// The text of the cell at `column` of the row at `index` (in `rowNumbers`), as read.
    private func sparseText(row index: Int, column: Int) -> String? {
        for cell in rowCells[index] where Int(sparseColumns[cell]) == column {
            let start = cell == 0 ? 0 : sparseEnds[cell - 1]
            return String(decoding: sparseBytes[start..<sparseEnds[cell]], as: UTF8.self)
        }
        return nil
    }

    /// Gives every cell of each merged range its first cell's value, as the sheet shows it (a
    /// 报修单位 merged over two orders' rows belongs to both), within the rows and columns that
    /// hold values: a range past them covers nothing a row is read from. A range whose first
    /// cell is empty fills nothing. The copies count against `limitBytes` (each cell its text
    /// and 16 bytes of keeping), so a few ranges over a whole sheet cannot fill memory.
    mutating func fill(_ ranges: [MergeRange], part: String, limitBytes: Int) throws {
        guard !ranges.isEmpty, let lastRow = rowNumbers.max(), width > 0 else { return }
        var position: [Int: Int] = [:]
        for (index, number) in rowNumbers.enumerated() where position[number] == nil { position[number] = index }
        var bytes = 0
        var inserted = false
        for range in ranges where range.firstRow <= lastRow && range.firstColumn < width {
            // The value: the first cell's (as read, or as an earlier range gave it).
            guard let text = mergedCells[range.firstRow]?.last(where: { $0.column == range.firstColumn })?.text
                    ?? position[range.firstRow].flatMap({ sparseText(row: $0, column: range.firstColumn) }), !text.isEmpty else { continue }
            var filled = 0
            for row in range.firstRow...min(range.lastRow, lastRow) {
                for column in range.firstColumn...min(range.lastColumn, width - 1)
                where row != range.firstRow || column != range.firstColumn {
                    bytes += text.utf8.count + 16
                    if bytes > limitBytes { throw WorkbookError.mergedCellsTooLarge(part: part, limitBytes: limitBytes) }
                    if position[row] == nil {
                        // A row the merge alone gives values to: no cell of it was written.
                        position[row] = rowNumbers.count
                        rowNumbers.append(row)
                        rowCells.append(sparseColumns.count..<sparseColumns.count)
                        inserted = true
                    }
                    mergedCells[row, default: []].append((column, text))
                    filled += 1
                }
            }
            if filled > 0 {
                merges.append(Merge(reference: range.reference, firstRow: range.firstRow, lastRow: min(range.lastRow, lastRow),
                                    filledCells: filled))
            }
        }
        if inserted {
            let order = rowNumbers.indices.sorted { rowNumbers[$0] < rowNumbers[$1] }
            rowCells = order.map { rowCells[$0] }
            rowNumbers = order.map { rowNumbers[$0] }
        }
    }

    /// Lays the rows out, every one `width` cells wide (a merged range's value over what the
    /// covered cell held: the sheet shows the range's), and lets the rows as read go.
    mutating func finish() {
        bytes.reserveCapacity(sparseBytes.count + mergedCells.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count } })
        cellEnds.reserveCapacity(rowNumbers.count * width)
        var starts = [Int](repeating: 0, count: width)
        var lengths = [Int](repeating: 0, count: width)
        var merged = [String?](repeating: nil, count: width)
        for (index, cells) in rowCells.enumerated() {
            for column in 0..<width { lengths[column] = 0; merged[column] = nil }
            for cell in cells {
                let start = cell == 0 ? 0 : sparseEnds[cell - 1]
                let column = Int(sparseColumns[cell])
                starts[column] = start
                lengths[column] = sparseEnds[cell] - start
            }
            for cell in mergedCells[rowNumbers[index]] ?? [] { merged[cell.column] = cell.text }
            for column in 0..<width {
                if let text = merged[column] {
                    bytes.append(contentsOf: text.utf8)
                } else if lengths[column] > 0 {
                    bytes.append(contentsOf: sparseBytes[starts[column]..<(starts[column] + lengths[column])])
                }
                cellEnds.append(bytes.count)
            }
        }
        sparseBytes = []
        sparseColumns = []
        sparseEnds = []
        rowCells = []
        mergedCells = [:]
    }

    /// Lends row `row`'s cells: their bytes end to end, where each cell ends (counted in the
    /// whole table), and where the row starts (so `end - start` is an end within the row).
    public func withRow<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>, ArraySlice<Int>, Int) throws -> R) rethrows -> R {
        let first = row * width
        let from = first == 0 ? 0 : cellEnds[first - 1]
        let to = width == 0 ? from : cellEnds[first + width - 1]
        return try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[from..<to]), cellEnds[first..<(first + width)], from)
        }
    }

    /// Row `row`'s cells as strings.
    public func cells(_ row: Int) -> [String] {
        withRow(row) { bytes, ends, base in
            var start = base
            return ends.map { end in
                defer { start = end }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start - base)..<(end - base)]), as: UTF8.self)
            }
        }
    }
}
