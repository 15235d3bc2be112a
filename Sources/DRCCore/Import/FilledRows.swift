/// A file's rows with its whole-file defaults (`--set category=维修工单`) in them: a field the
/// file has no column for gets one, placed after the last named column (so the empty columns
/// spreadsheets leave after it stay last), holding the value on every row; a field it has a
/// column for gets the value in the rows that leave that cell empty. Everything after the
/// header (validation, writers, the rejects file) then reads the value as if the file had it.
/// A line that could not be read as fields (a CSV file's malformed quoting) passes as it is.
final class FilledRows: RowSource {
    private let inner: any RowSource
    /// Where the added columns go: after the header's last named column.
    private let insertAt: Int
    /// The added columns' values.
    private let added: [[UInt8]]
    /// The file's own columns that take a value where empty, and the value.
    private let filled: [(index: Int, value: [UInt8])]
    private var buffer: [UInt8] = []
    private var ends: [Int] = []

    /// The fields `defaults` gives, for a file whose header (as `ColumnPlan` made it, fields by
    /// name) is `header` with `namedCount` named columns; nil when it gives none.
    init?(_ inner: any RowSource, header: [String], namedCount: Int, defaults: [(field: String, value: String)], kind: RecordKind) {
        var added: [[UInt8]] = []
        var addedNames: [String] = []
        var filled: [(Int, [UInt8])] = []
        for (field, value) in defaults {
            if let index = header.firstIndex(where: { !$0.isEmpty && HeaderMap.field(for: $0, kind: kind)?.name == field }) {
                filled.append((index, Array(value.utf8)))
            } else {
                added.append(Array(value.utf8))
                addedNames.append(field)
            }
        }
        guard !added.isEmpty || !filled.isEmpty else { return nil }
        self.inner = inner
        self.insertAt = namedCount
        self.added = added
        self.addedNames = addedNames
        self.filled = filled
    }

    /// The added columns' names (their fields'), in order.
    let addedNames: [String]

    /// `row` (a header or a row's strings) with the added columns in their place.
    func widened(_ row: [String], added values: [String]) -> [String] {
        let cut = min(insertAt, row.count)
        return Array(row[..<cut]) + values + Array(row[cut...])
    }

    func nextRecord() throws -> Bool {
        guard try inner.nextRecord() else { return false }
        buffer.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        let count = inner.fieldCount
        // A malformed line keeps its one field (its text), and a row too short for the
        // header's named columns keeps its count, so each is refused as it would be without.
        let widen = inner.malformedLine == nil && count >= insertAt
        inner.withRecord { bytes, fieldEnds in
            var start = 0
            for index in 0..<count {
                if widen && index == insertAt { appendAdded() }
                let end = fieldEnds[index]
                if end == start, let value = filled.first(where: { $0.index == index })?.value, widen {
                    buffer.append(contentsOf: value)
                } else {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                ends.append(buffer.count)
                start = end
            }
            if widen && count == insertAt { appendAdded() }
        }
        return true
    }

    private func appendAdded() {
        for value in added {
            buffer.append(contentsOf: value)
            ends.append(buffer.count)
        }
    }

    var line: Int { inner.line }
    var fieldCount: Int { ends.count }

    func withRecord<R>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { try body($0, ends) }
    }

    var isValidUTF8: Bool { inner.isValidUTF8 }

    func strings() -> [String] {
        var start = 0
        return ends.map { end in
            defer { start = end }
            return String(decoding: buffer[start..<end], as: UTF8.self)
        }
    }

    var malformedLine: CSVReader.Failure? { inner.malformedLine }
    var physicalLinesRead: Int? { inner.physicalLinesRead }
    var emptyLines: Int { inner.emptyLines }
}
