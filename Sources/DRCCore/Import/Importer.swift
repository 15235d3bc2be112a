import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// Imports a CSV file into one kind of record: every row validated as `add` validates it,
/// all in one transaction. By default one bad row means nothing is written and the errors are
/// listed; with `skipBad` the good rows are written and the bad ones go to the rejects file,
/// unchanged, with a reason column. A dry run validates everything and writes nothing.
public final class Importer {
    let store: Store
    let kind: RecordKind
    let actor: String
    let options: ImportOptions
    /// Called now and then with the number of rows read, for a progress line.
    let progress: ((Int) -> Void)?

    public init(store: Store, kind: RecordKind, actor: String, options: ImportOptions, progress: ((Int) -> Void)? = nil) {
        self.store = store
        self.kind = kind
        self.actor = actor
        self.options = options
        self.progress = progress
    }

    struct Rollback: Error {}

    public func run(_ input: ByteSource) throws -> ImportSummary {
        try run(prepare(input))
    }

    /// Opens the input: recognises it, reads a workbook's sheet whole (inflating and parsing it)
    /// and refuses a repeat. Needs no write: the web server does this before it asks for the
    /// database's one writer, so a slow or hostile file never holds other clerks' entries up.
    public func prepare(_ input: ByteSource) throws -> PreparedImport {
        guard kind.capabilities.contains(.importable) else { throw DRCError.notAllowed(kind: kind.id, action: .importRecords) }
        // A file is recognised by its content before any row is read for the import, so a
        // repeat is refused at once; standard input, which can be read only once, is hashed
        // as the import reads it and checked before the commit.
        var fingerprint: String?
        var hashing: FingerprintingSource?
        var source = input
        if let path = options.inputPath {
            fingerprint = try FileFingerprint.of(path: path)
        } else {
            hashing = FingerprintingSource(input)
            source = hashing!
        }
        let opened = try Self.rows(source, options: options)
        // A workbook's sheets are imports of their own: its fingerprint names the sheet too.
        if let sheet = opened.sheet { fingerprint = fingerprint.map { FileFingerprint.of(workbook: $0, sheet: sheet) } }
        if let fingerprint { try refuseRepeat(fingerprint) }
        return PreparedImport(opened: opened, fingerprint: fingerprint, hashing: hashing, expectedSize: input.expectedSize)
    }

    /// Imports a prepared input in one transaction.
    public func run(_ prepared: PreparedImport) throws -> ImportSummary {
        let started = Self.now()
        // Every output path is checked, and the rejects file opened, before anything is written.
        var rejects: RejectsFile?
        if options.skipBad, let path = options.rejectsPath {
            rejects = try RejectsFile(path: path, database: store.path, inputs: options.inputPath.map { [$0] } ?? [])
        }
        let opened = prepared.opened
        var fingerprint = prepared.fingerprint
        let hashing = prepared.hashing
        var reader = opened.reader
        var summary = ImportSummary()
        summary.sheet = opened.sheet
        summary.merges = opened.merges
        let db = store.db
        var reading: ReadingThread?
        defer { reading?.stop() }
        do {
            try db.transaction {
                let rawHeader = try findHeader(reader, summary: &summary)
                // Where the data begins, so that every line after it is accounted for.
                let (linesBeforeData, emptyBeforeData) = (reader.physicalLinesRead, reader.emptyLines)
                let plan = try ColumnPlan(rawHeader, kind: kind, format: options.format)
                var header = plan.header
                var namedCount = plan.namedCount
                let places = opened.sheet.map { SheetPlaces(sheet: $0, header: header, kind: kind) }
                // Whole-file defaults for any field (`--set`): checked once, then in every row.
                let defaults = options.format.setDefaults(kind: kind)
                for (name, value) in defaults {
                    guard let field = kind.field(named: name) else { continue }
                    _ = try FieldParser(db: db).parse(value, for: field)
                }
                var rejectsHeader = reader.strings()
                if let filledRows = FilledRows(reader, header: header, namedCount: namedCount, defaults: defaults, kind: kind) {
                    header = filledRows.widened(header, added: filledRows.addedNames)
                    rejectsHeader = filledRows.widened(rejectsHeader, added: filledRows.addedNames)
                    namedCount += filledRows.addedNames.count
                    reader = filledRows
                }
                let counterBefore = try Self.lastID(db, table: kind.table)
                var writer: any RowWriter
                var parser: OrderParser?
                if let bulk = try kind.bulkWriter?(store, header, options, actor, prepared.expectedSize) {
                    parser = bulk.parser
                    writer = bulk.writer
                } else {
                    writer = try GenericRowWriter(db: db, kind: kind, actor: actor, clock: store.clock, header: header,
                                                  sourceName: options.sourceName, defaults: options.format.defaults)
                }
                try writer.prepare(header: header)
                try rejects?.start(header: rejectsHeader, manners: opened.manners, reasonHeading: options.rejectReasonHeading)
                let thread = ReadingThread(reader: reader, headerCount: header.count, namedCount: namedCount, parser: parser)
                reading = thread
                thread.start()
                var fatal: Error?
                var updates: [(id: Int64, history: Int64)] = []
                while fatal == nil, let batch = thread.next() {
                    // Locals, read once per batch: the batch's stored properties would cost a
                    // run-time exclusivity check at each access.
                    let rows = batch.rows
                    let fields = batch.fields
                    for row in rows.indices {
                        summary.read += 1
                        if summary.read % 65_536 == 0 { progress?(summary.read) }
                        switch rows[row].passedOver {
                        case nil: break
                        case .blank?: summary.blankRows += 1; continue
                        case .total?: summary.totalRows.append(rows[row].line); continue
                        }
                        var failure = rows[row].error
                        if failure == nil {
                            do {
                                switch try writer.write(row, rows[row], fields) {
                                case .added: summary.written += 1
                                case .unchanged: summary.unchanged += 1
                                case .updated(let id, let history):
                                    summary.updated += 1
                                    updates.append((id, history))
                                }
                            } catch var error as RowError {
                                error.line = rows[row].line
                                failure = error
                            } catch let error as DRCError {
                                failure = RowError(line: rows[row].line, column: nil, value: nil, problem: .failed(error))
                            }
                        }
                        if var failure {
                            failure.sheet = places?.place(of: failure)
                            record(failure, in: &summary)
                            try rejects?.row(batch, row, reason: options.rejectReason(failure))
                        }
                    }
                    fatal = batch.fatal
                    let last = batch.isLast
                    thread.recycle(batch)
                    if last { break }
                }
                // Malformed lines are rows of their own (rejected, with their text); what is left
                // is a file that cannot be read on (a line past the size limit): it is refused
                // whole, since the rows after it would be lost without a word.
                if let fatal { throw fatal }
                // Empty lines hold no record: passed over, as blank rows are.
                let emptyLines = reader.emptyLines - emptyBeforeData
                summary.read += emptyLines
                summary.blankRows += emptyLines
                summary.lines = reader.physicalLinesRead.map { $0 - (linesBeforeData ?? 0) } ?? summary.read
                progress?(summary.read)
                if summary.errorCount > 0 && !options.skipBad || options.dryRun { throw Rollback() }
                // Checked again under the write lock: another clerk may have imported the same
                // file meanwhile (one indexed lookup).
                if let hashing {
                    fingerprint = opened.sheet.map { FileFingerprint.of(workbook: hashing.finish(), sheet: $0) } ?? hashing.finish()
                }
                if let fingerprint { try refuseRepeat(fingerprint) }
                if summary.written > 0 || summary.updated > 0 {
                    // Ids only grow and the import holds the write lock: every id above the
                    // counter's value before it was created by this import. A row skipped as
                    // already there still draws an id, so the range is the ids that exist.
                    var created: ClosedRange<Int64>?
                    if summary.written > 0, let bounds = try db.rows(
                        "SELECT min(id) AS first, max(id) AS last FROM \(kind.table) WHERE id > ?", counterBefore).first,
                       let first = bounds.int64("first"), let last = bounds.int64("last") {
                        created = first...last
                    }
                    // One moment for the batch's history entry and its arrival events.
                    let now = store.clock.now()
                    let historyID = try RecordRepository(db: db, kind: kind, actor: actor, clock: store.clock).recordBatch(
                        created: created,
                        note: .importBatch(source: options.sourceName, written: Int64(summary.written), kind: kind.id,
                                           rejected: Int64(summary.rejected)),
                        arrival: .import, at: now)
                    summary.batch = try ImportBatches(db: db).record(
                        ImportBatches.NewBatch(kind: kind.id, fileName: options.sourceName, fingerprint: fingerprint ?? "",
                                               created: created, summary: summary, historyID: historyID, updates: updates),
                        actor: actor, at: now)
                }
                // The indexes a large load set aside are built last, once every row holds its
                // service levels: updating 10M rows under a covering index cost a random index
                // write each (a 10M import ran past 20 minutes); in rowid order without it, one
                // pass, then one sorted build.
                try writer.finish(written: summary.written)
                // The rejects file goes into place last before COMMIT, and is removed again
                // (an earlier file put back) if COMMIT fails. So a kill can never leave the rows
                // committed without their rejects file, which would lose the bad rows for good;
                // a kill between this rename and COMMIT leaves a rejects file and no rows, which
                // is safe: the import is simply run again.
                try rejects?.publish()
            }
            summary.committed = true
            rejects?.confirm()
        } catch is Rollback {
            summary.committed = false
            if options.dryRun {
                // A dry run's rejects file shows what would be rejected; nothing was written.
                try rejects?.publish()
                rejects?.confirm()
            }
        } catch let failure as CSVReader.Failure {
            throw DRCError.invalid(field: "file", value: options.sourceName, reason: .onLine(failure.line, failure.reason))
        }
        summary.seconds = Self.now() - started
        return summary
    }

    /// Reads up to the header and returns its cells, trimmed: the row `--header-row` names, else
    /// the first row, of the first `VendorFormat.headerSearchRows`, whose cells name columns
    /// (two of them, or all it has: by field, Chinese label, alias, the vendor's map or ignored
    /// list), so a title above the header (湖南美音…2021年4月工单统计表, merged across) is passed
    /// over. When none does, the first row is the header and is refused as one, column by column.
    private func findHeader(_ reader: any RowSource, summary: inout ImportSummary) throws -> [String] {
        guard try reader.nextRecord() else {
            throw DRCError.invalid(field: "file", value: options.sourceName, reason: .emptyFile)
        }
        func checked() throws -> [String] {
            if let failure = reader.malformedLine {
                throw DRCError.invalid(field: "file", value: options.sourceName, reason: .onLine(failure.line, failure.reason))
            }
            guard reader.isValidUTF8 else {
                throw DRCError.invalid(field: "file", value: options.sourceName, reason: .onLine(reader.line, .notUTF8))
            }
            return reader.strings().map { $0.trimmingSpaces() }
        }
        if let wanted = options.format.headerRow {
            var last = reader.line
            while reader.line < wanted {
                summary.rowsAboveHeader += 1
                guard try reader.nextRecord() else {
                    throw DRCError.invalid(field: "header-row", value: String(wanted), reason: .outOfRange(lowest: 1, highest: Int64(last)))
                }
                last = reader.line
            }
            summary.headerLine = reader.line
            return try checked()
        }
        let first = try checked()
        let firstLine = reader.line
        var cells = first
        var passed = 0
        while !namesColumns(cells) {
            passed += 1
            guard passed < VendorFormat.headerSearchRows, try reader.nextRecord(), reader.malformedLine == nil, reader.isValidUTF8 else {
                // No header near the top: the first row is refused as the header it should be.
                _ = try ColumnPlan(first, kind: kind, format: options.format)
                throw DRCError.invalid(field: "header", value: first.joined(separator: ","),
                                       reason: .unknownColumns(first.filter { !$0.isEmpty }, kind: kind.id, columns: kind.fields.map(\.name)))
            }
            cells = reader.strings().map { $0.trimmingSpaces() }
        }
        summary.rowsAboveHeader = passed
        summary.headerLine = passed == 0 ? firstLine : reader.line
        return cells
    }

    /// Whether a row's cells name columns: two of them, or every one it has.
    private func namesColumns(_ cells: [String]) -> Bool {
        let given = cells.filter { !$0.isEmpty }
        guard !given.isEmpty else { return false }
        let named = given.filter { name in
            HeaderMap.field(for: name, kind: kind) != nil || options.format.mapped(name) != nil || options.format.ignores(name)
                || HeaderMap.isSetAside(name, kind: kind)
        }.count
        return named >= 2 || named == given.count
    }

    /// The input's rows: a workbook's sheet (the one the format names, else the first), or the
    /// records of its text, whatever its encoding. An old .xls, or a file whose name says
    /// workbook and whose bytes do not, is refused before anything is read for the import.
    static func rows(_ source: ByteSource, options: ImportOptions) throws -> ImportInput {
        var prefix = [UInt8](repeating: 0, count: WorkbookFile.signatureLength)
        var filled = 0
        while filled < prefix.count {
            let count = try prefix.withUnsafeMutableBytes { buffer in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        prefix.removeLast(prefix.count - filled)
        let rest = PrefixedSource(prefix: prefix, rest: source)
        switch WorkbookFile.kind(prefix, name: options.inputPath ?? options.sourceName) {
        case .oldExcel:
            // A workbook saved with a password has the same signature: saving it as .xlsx would
            // keep the password, so the advice is to take it off.
            if try WorkbookFile.isEncrypted(rest) {
                throw DRCError.invalid(field: "file", value: options.sourceName, reason: .encryptedWorkbook)
            }
            throw DRCError.invalid(field: "file", value: options.sourceName, reason: .notAWorkbook(oldExcel: true))
        case .notAWorkbook:
            throw DRCError.invalid(field: "file", value: options.sourceName, reason: .notAWorkbook(oldExcel: false))
        case .workbook:
            let table = try WorkbookFile.sheet(path: options.inputPath, source: rest, sheet: options.format.sheet,
                                               sourceName: options.sourceName)
            return .sheet(SheetRows(table))
        case .text:
            let text = try DetectedText(rest, declared: options.encoding)
            let reader = CSVReader(source: text.source)
            reader.detectsTabs = true
            reader.resynchronises = true
            reader.removesFormulaGuards = text.hasBOM
            return .text(reader, text)
        }
    }

    /// The highest id the table ever gave (AUTOINCREMENT's counter).
    static func lastID(_ db: Connection, table: String) throws -> Int64 {
        try db.scalar("SELECT seq FROM sqlite_sequence WHERE name = ?", table)?.int64 ?? 0
    }

    /// Refuses a file whose content a batch not undone imported, unless told to import it again.
    private func refuseRepeat(_ fingerprint: String) throws {
        guard !options.again, let earlier = try ImportBatches(db: store.db).imported(fingerprint: fingerprint) else { return }
        throw DRCError.alreadyImported(fileName: earlier.fileName, at: earlier.at, batch: earlier.id, rejected: earlier.rejected)
    }

    private func record(_ error: RowError, in summary: inout ImportSummary) {
        switch error.problem {
        case .failed(.ticketConflict), .failed(.recordConflict): summary.conflicts += 1
        default: break
        }
        summary.errorCount += 1
        summary.rejected += 1
        if summary.errors.count < options.errorLimit { summary.errors.append(error) }
    }

    static func encodingError(line: Int) -> RowError {
        RowError(line: line, column: nil, value: nil, reason: .notUTF8)
    }

    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// An import's input, opened and checked (`Importer.prepare`) and not yet written: handed from the
/// task that read it to the one that writes it, never shared between them.
public struct PreparedImport: @unchecked Sendable {
    let opened: ImportInput
    let fingerprint: String?
    let hashing: FingerprintingSource?
    let expectedSize: Int?
}
