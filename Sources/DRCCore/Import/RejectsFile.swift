/// The `--skip-bad` rejects file: each bad row as it was read, with a reason column, written
/// the way the source was: its encoding (GB18030 stays GB18030, UTF-16 stays UTF-16), its
/// byte-order mark, its delimiter, and for a file with a byte-order mark Excel's manners (CRLF,
/// formula guards), so it opens where the source opened and imports again once fixed.
///
/// It is opened, and its path checked, before the import writes anything; it appears under its
/// name only with the commit it describes (see `Importer.run`).
final class RejectsFile {
    private let file: OutputSink
    private var transcoder: TranscodingSink?
    private var cells = CSVCellWriter()
    /// Where the source's own reason column is (a rejects file imported again), to be replaced.
    private var sourceReason: Int?

    init(path: String, database: String, inputs: [String]) throws {
        file = try OutputSink(path: path, database: database, inputs: inputs)
    }

    private var sink: ByteSink { transcoder ?? file }

    /// How the source was written, which its rejects file follows.
    struct Manners {
        let encoding: TextEncoding
        /// A byte-order mark, and with it Excel's manners: CRLF lines, formula guards.
        let hasBOM: Bool
        let delimiter: UInt8

        /// A workbook's rejects: CSV as Excel opens it, UTF-8 with a byte-order mark.
        static let excel = Manners(encoding: .utf8, hasBOM: true, delimiter: 0x2C)
    }

    /// Writes the byte-order mark and the header, once the source's manners are known.
    func start(header: [String], manners: Manners, reasonHeading: String) throws {
        if manners.encoding != .utf8 { transcoder = try TranscodingSink(file, to: manners.encoding) }
        cells = CSVCellWriter(guardFormulas: manners.hasBOM, crlf: manners.hasBOM, delimiter: manners.delimiter)
        if manners.hasBOM { try manners.encoding.byteOrderMark.withUnsafeBufferPointer { try file.write($0) } }
        if let last = header.last, HeaderMap.isReasonColumn(last) {
            // A rejects file imported again: its rejects keep one reason column, the new reason.
            sourceReason = header.count - 1
            try cells.row(header, to: sink)
        } else {
            try cells.row(header + [reasonHeading], to: sink)
        }
    }

    /// Writes row `row` of the batch, field by field as read, and why it was rejected.
    func row(_ batch: RowBatch, _ row: Int, reason: String) throws {
        let sink = self.sink
        for field in 0..<batch.rows[row].fieldCount where field != sourceReason {
            if field > 0 { try sink.write(cells.delimiter) }
            try batch.withField(row, field) { try cells.cell($0, to: sink) }
        }
        try sink.write(cells.delimiter)
        try cells.cell(reason, to: sink)
        try cells.endRow(sink)
    }

    /// Moves the complete, durable file into place (keeping a file it replaces aside).
    func publish() throws {
        try transcoder?.flush()
        try file.publish()
    }

    /// The import committed: the file stays. Dropped without this, a published file is removed.
    func confirm() {
        file.confirm()
    }
}
