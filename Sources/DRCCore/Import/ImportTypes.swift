/// One bad row: where it is (line, and column and value when one cell is at fault) and what
/// is wrong, typed; DRCText says it in words a clerk can fix.
public struct RowError: Error, Equatable, Sendable {
    /// What is wrong with the row.
    public enum Problem: Equatable, Sendable {
        /// The cell (or the line, when no column is named) fails a check.
        case invalid(Reason)
        /// The row's record was refused as a whole (a reference that matches nothing, a duplicate).
        case failed(DRCError)
    }

    public var line: Int
    /// For a workbook's row: its sheet, and the column of the cell at fault (`line` is the row).
    public var sheet: SheetPlace?
    public let column: String?
    public let value: String?
    public let problem: Problem

    public init(line: Int = 0, sheet: SheetPlace? = nil, column: String?, value: String?, problem: Problem) {
        self.line = line
        self.sheet = sheet
        self.column = column
        self.value = value
        self.problem = problem
    }

    public init(line: Int = 0, sheet: SheetPlace? = nil, column: String?, value: String?, reason: Reason) {
        self.init(line: line, sheet: sheet, column: column, value: value, problem: .invalid(reason))
    }

    /// Text that is not UTF-8: the command line adds a hint about `--encoding`.
    public var isInvalidUTF8: Bool { problem == .invalid(.notUTF8) }
}

extension DRCError {
    /// A file refused whole because it is not UTF-8 (its first line already is not).
    public var isInvalidUTF8: Bool {
        if case .invalid(_, _, .onLine(_, .notUTF8)) = self { return true }
        return false
    }
}

public struct ImportOptions: Sendable {
    public var dryRun = false
    /// Write the good rows and put the bad ones in `rejectsPath`.
    public var skipBad = false
    public var rejectsPath: String?
    /// The file being imported (nil for standard input), which no output may replace.
    public var inputPath: String?
    /// The encoding named on the command line; nil: detected (see `DetectedText`).
    public var encoding: TextEncoding?
    /// How the vendor writes its file: mapped and ignored columns, defaults, status words.
    public var format = VendorFormat()
    /// What the records' `source` says when the file has no source column.
    public var sourceName: String
    /// How many errors to keep for the message (all are counted).
    public var errorLimit = 20
    /// The smallest order file for which the table's indexes are set aside and rebuilt once
    /// at the end (see `OrderRowWriter.prepare`); below it, keeping them current costs little.
    public var bulkLoadMinimumBytes = 8 << 20
    /// Import a file whose content was imported before (its rows with tickets are then unchanged).
    public var again = false
    /// Apply the changes of rows whose ticket names a stored order with other values, each with
    /// its history, instead of refusing them as conflicts.
    public var update = false

    /// The reason column of the rejects file: the row's problem in the reader's language.
    /// The core has no words of its own; without this the column holds the typed problem as
    /// Swift prints it (the command line always passes DRCText's rendering).
    public var rejectReason: @Sendable (RowError) -> String = { String(describing: $0.problem) }
    /// The heading of that column (`HeaderMap.reasonHeading` in the reader's language).
    public var rejectReasonHeading = HeaderMap.reasonHeading.en

    public init(sourceName: String) {
        self.sourceName = sourceName
    }
}

public struct ImportSummary: Sendable {
    /// Rows read (a CSV file's empty lines among them); each is written, unchanged, updated,
    /// rejected, or passed over as blank or a total: those counts add up to it.
    public var read = 0
    /// The physical lines after the header: `read`, plus the extra lines of cells that hold
    /// line breaks.
    public var lines = 0
    public var written = 0
    public var rejected = 0
    public var errors: [RowError] = []
    public var errorCount = 0
    public var seconds = 0.0
    public var committed = false
    /// Rows whose ticket named a stored order with the same values: skipped.
    public var unchanged = 0
    /// Rows whose ticket named a stored order with other values, applied (`update`).
    public var updated = 0
    /// Rows whose ticket named a stored order with other values, refused as conflicts.
    public var conflicts = 0
    /// The batch the import recorded (nil when it wrote nothing).
    public var batch: Int64?
    /// Rows with no value in any cell, passed over.
    public var blankRows = 0
    /// The lines of rows that total the others (合计, 小计, 总计, total), passed over.
    public var totalRows: [Int] = []
    /// A workbook's sheet the rows were read from (nil for a text file): lines are its rows.
    public var sheet: String?
    /// The header's line, and the rows above it passed over (a title, `--header-row`).
    public var headerLine = 1
    public var rowsAboveHeader = 0
    /// The sheet's merged ranges whose value was given to every cell they cover.
    public var merges: [MergedRange] = []
}

/// A merged range of a sheet (`B3:B4`), whose first cell's value every cell of it took.
public struct MergedRange: Equatable, Sendable {
    public let reference: String
    public let firstRow: Int
    public let lastRow: Int
    public let filledCells: Int

    public init(reference: String, firstRow: Int, lastRow: Int, filledCells: Int) {
        self.reference = reference
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.filledCells = filledCells
    }
}

/// What writing one row did.
enum RowOutcome {
    case added
    /// The record with the row's key holds the same values already.
    case unchanged
    /// The record `id` with the row's key was changed to the row's values; `history` is the
    /// entry that keeps its values from before.
    case updated(id: Int64, history: Int64)
}

/// Turns one CSV row into one record; each kind of import brings its own.
protocol RowWriter {
    /// Runs once before the first row.
    mutating func prepare(header: [String]) throws
    /// Validates row `index` of a batch (`row`, whose fields are in `fields`) as far as the
    /// reading thread has not, and writes it inside the import's transaction.
    mutating func write(_ index: Int, _ row: RowBatch.Row, _ fields: FieldBytes) throws -> RowOutcome
    /// Runs after the last row, still inside the transaction.
    mutating func finish(written: Int) throws
}

/// What a kind's bulk import is made of: the parser the reading thread validates rows with,
/// and the writer that stores them (work orders: one prepared statement, no per-record path).
struct BulkImport {
    let parser: OrderParser
    let writer: any RowWriter
}

/// Makes a kind's bulk import for a file with `header`.
typealias BulkWriterFactory = @Sendable (_ store: Store, _ header: [String], _ options: ImportOptions, _ actor: String,
                                         _ expectedBytes: Int?) throws -> BulkImport
