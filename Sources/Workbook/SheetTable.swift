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

    init(name: String) {
        self.name = name
    }

    public var rowCount: Int { rowNumbers.count }

    /// Adds a row from its cells by column (sparse, in any order); a row with no value in any
    /// cell is left out, as a blank line of a CSV file is. Rows are padded to `width` later.
    mutating func append(row number: Int, cells: [(column: Int, text: String)]) {
        guard cells.contains(where: { !$0.text.isEmpty }) else { return }
        rowNumbers.append(number)
        rows.append(cells.filter { !$0.text.isEmpty })
        width = max(width, (cells.filter { !$0.text.isEmpty }.map(\.column).max() ?? -1) + 1)
    }

    /// Rows as read, before they are laid out dense (see `finish`).
    private var rows: [[(column: Int, text: String)]] = []

    /// Lays the rows out, every one `width` cells wide.
    mutating func finish() {
        bytes.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count } })
        cellEnds.reserveCapacity(rows.count * width)
        var dense = [String](repeating: "", count: width)
        for row in rows {
            for index in dense.indices { dense[index] = "" }
            for cell in row { dense[cell.column] = cell.text }
            for text in dense {
                bytes.append(contentsOf: text.utf8)
                cellEnds.append(bytes.count)
            }
        }
        rows = []
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
