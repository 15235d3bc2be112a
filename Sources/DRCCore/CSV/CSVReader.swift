/// A streaming RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line
/// breaks; lines end in LF, CRLF or CR; a UTF-8 byte-order mark at the start is skipped; empty
/// lines are skipped (and counted). Malformed quoting is an error naming the line, never a
/// guess, and a file ending inside a quoted field is reported rather than silently swallowed.
/// With `resynchronises` a malformed record is not the end of the file: see `malformedLine`.
///
/// Records are read into one reused byte buffer, so reading allocates nothing per field:
/// `nextRecord()` then `field(_:)`, `string(_:)` or `strings()`. Memory stays flat whatever
/// the file's size; a field or record larger than the limits is an error.
public final class CSVReader {
    public struct Record {
        /// The physical line the record starts on (1-based).
        public let line: Int
        public let fields: [String]
    }

    public struct Failure: Error, Equatable {
        public let line: Int
        public let reason: Reason
        public init(line: Int, reason: Reason) {
            self.line = line
            self.reason = reason
        }
    }

    /// All reading state lives in one struct: its methods touch their own fields, where the
    /// class's stored properties would cost a run-time exclusivity check at every access (a
    /// dozen per field). The class adds one check per call.
    private var scanner: CSVScanner

    public init(source: ByteSource, bufferSize: Int = 1 << 20) {
        scanner = CSVScanner(source: source, bufferSize: bufferSize)
    }

    /// The line the current record starts on.
    public var line: Int { scanner.line }

    /// The most fields a record may have, and the most bytes it may hold, so that a hostile
    /// file cannot make the reader hold unbounded memory.
    public var maxFields: Int {
        get { scanner.maxFields }
        set { scanner.maxFields = newValue }
    }
    public var maxRecordBytes: Int {
        get { scanner.maxRecordBytes }
        set { scanner.maxRecordBytes = newValue }
    }

    /// The byte between fields: a comma, or a tab when `detectsTabs` found the file tab-separated.
    public var delimiter: UInt8 { scanner.delimiter }
    /// Decide the delimiter from the first line: tabs and no commas or quotes mean a
    /// tab-separated file (Excel's "Unicode text"); column names hold neither, so this is sure.
    public var detectsTabs: Bool {
        get { scanner.detectsTabs }
        set { scanner.detectsTabs = newValue }
    }
    /// Excel mode (a file with a byte-order mark, as `export --bom` writes): a field that starts
    /// with ' followed by a character `CSVCellWriter.isGuarded` names loses that one ', the
    /// formula guard; any other ' is data. See `CSVCellWriter.isGuarded`.
    public var removesFormulaGuards: Bool {
        get { scanner.removesFormulaGuards }
        set { scanner.removesFormulaGuards = newValue }
    }

    // MARK: The current record

    public var fieldCount: Int { scanner.ends.count }

    /// Lends field `index`'s bytes; valid only inside `body`.
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try scanner.withField(index, body)
    }

    /// Lends the whole record at once: every field's bytes end to end, and where each field
    /// ends in them; valid only inside `body`.
    public func withRecord<R>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> R) rethrows -> R {
        try scanner.bytes.withUnsafeBufferPointer { try body($0, scanner.ends) }
    }

    public func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    public func strings() -> [String] {
        (0..<fieldCount).map(string)
    }

    /// Whether the record's bytes are valid UTF-8 (checked by the caller, who knows the file).
    public var isValidUTF8: Bool {
        scanner.bytes.withUnsafeBufferPointer(UTF8Check.isValid)
    }

    /// The next record, copied out (convenient for small files).
    public func next() throws -> Record? {
        guard try nextRecord() else { return nil }
        return Record(line: line, fields: strings())
    }

    /// Reads the next record; false at the end of the input.
    public func nextRecord() throws -> Bool {
        try scanner.nextRecord()
    }

    // MARK: Reading on past malformed quoting

    /// Read on past malformed quoting instead of failing (the importer, which rejects the bad
    /// line and keeps the rows after it). Off by default: a seed file must be read whole.
    ///
    /// The rule: a record whose quoting fails (a quote inside an unquoted field, text after a
    /// closing quote, a quoted field still open at the end of the file or past the size limit)
    /// becomes its first physical line, as written, and reading resumes at the line after it.
    /// A quoted field that runs over line breaks and then closes properly is a legitimate
    /// multi-line cell and stays one record; one that runs over them and then fails was most
    /// likely never closed, so the lines it ran over are read again as rows of their own.
    public var resynchronises: Bool {
        get { scanner.resynchronises }
        set { scanner.resynchronises = newValue }
    }

    /// Why the current record is a malformed line (only when `resynchronises`): its one field is
    /// then the line's text as written, without its line break.
    public var malformedLine: Failure? { scanner.malformed }

    /// Physical lines read so far: every line break (LF, CRLF or a lone CR) ends one, and a last
    /// line without a break counts once the file has ended. Lines inside quoted cells count.
    public var linesRead: Int { scanner.linesRead }

    /// Empty lines passed over so far (they hold no record).
    public var emptyLines: Int { scanner.emptyLines }
}

/// The reader's state and its parsing, as a value: see `CSVReader.scanner`.
struct CSVScanner {
    typealias Failure = CSVReader.Failure

    private let source: ByteSource
    private var input: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var nextLine = 1
    private var checkedBOM = false

    /// The current record's bytes, field after field, and where each field ends.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    /// The line the current record starts on.
    private(set) var line = 0

    var maxFields = 10_000
    var maxRecordBytes = 16 * 1024 * 1024
    private(set) var delimiter: UInt8 = 0x2C
    var detectsTabs = false
    private var decidedDelimiter = false
    var removesFormulaGuards = false

    var resynchronises = false
    /// Why the current record is a malformed line, when resynchronising.
    private(set) var malformed: Failure?
    /// Where the current record began in `input`, and its bytes from buffers since refilled:
    /// kept only when resynchronising, so a malformed record can be read again from its second
    /// line. Copied at refills only, so reading costs nothing more per byte.
    private var recordStart = 0
    private var keepsRecord = false
    private var earlierBytes: [UInt8] = []
    private(set) var emptyLines = 0
    /// The file ended on a line without a line break.
    private var endsUnterminated = false

    var linesRead: Int { nextLine - 1 + (endsUnterminated ? 1 : 0) }

    init(source: ByteSource, bufferSize: Int) {
        self.source = source
        input = [UInt8](repeating: 0, count: bufferSize)
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let from = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<ends[index]])) }
    }

    // MARK: Reading

    /// Reads the next record; false at the end of the input.
    mutating func nextRecord() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        malformed = nil
        while true {
            guard try fill() else { return false }
            if !checkedBOM {
                checkedBOM = true
                if end - start >= 3 && input[start] == 0xEF && input[start + 1] == 0xBB && input[start + 2] == 0xBF { start += 3 }
                continue
            }
            if !decidedDelimiter {
                decidedDelimiter = true
                if detectsTabs && firstLineIsTabSeparated() { delimiter = 0x09 }
            }
            let byte = input[start]
            if byte == 0x0A { start += 1; nextLine += 1; emptyLines += 1; continue }
            if byte == 0x0D {
                start += 1
                if try fill(), input[start] == 0x0A { start += 1 }
                nextLine += 1
                emptyLines += 1
                continue
            }
            break
        }
        line = nextLine
        guard resynchronises else {
            while try readField() {}
            return true
        }
        recordStart = start
        if !earlierBytes.isEmpty { earlierBytes.removeAll(keepingCapacity: true) }
        keepsRecord = true
        defer { keepsRecord = false }
        do {
            while try readField() {}
        } catch let failure as Failure {
            try resynchronise(after: failure)
        }
        return true
    }

    /// Makes the malformed record its first physical line, as written, and puts the bytes read
    /// past that line back, to be read again. See `CSVReader.resynchronises`.
    private mutating func resynchronise(after failure: Failure) throws {
        var consumed = earlierBytes
        consumed.append(contentsOf: input[recordStart..<start])
        keepsRecord = false
        earlierBytes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        endsUnterminated = false
        var reason = failure.reason
        if let lineBreak = consumed.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            // Only a quoted field runs over a line break: it opened on the first line and did
            // not close as a field should, so the first line is where the quote is missing.
            reason = .unclosedQuote
            var after = lineBreak + 1
            if consumed[lineBreak] == 0x0D {
                if after < consumed.count {
                    if consumed[after] == 0x0A { after += 1 }
                } else if try fill(), input[start] == 0x0A {
                    start += 1
                }
            }
            bytes.append(contentsOf: consumed[..<lineBreak])
            pushBack(consumed[after...])
        } else {
            // The failure is on the record's first line: the rest of that line goes with it.
            bytes = consumed
            var terminated = false
            while try fill() {
                let byte = input[start]
                start += 1
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try fill(), input[start] == 0x0A { start += 1 }
                    terminated = true
                    break
                }
                bytes.append(byte)
                // A line this long cannot be kept to be shown: the file cannot be read on.
                if bytes.count > maxRecordBytes { throw Failure(line: line, reason: .recordTooLong(megabytes: maxRecordBytes / 1024 / 1024)) }
            }
            endsUnterminated = !terminated
        }
        nextLine = line + 1
        ends.append(bytes.count)
        malformed = Failure(line: line, reason: reason)
    }

    /// Puts `pending` before the buffered bytes not read yet, to be read next.
    private mutating func pushBack(_ pending: ArraySlice<UInt8>) {
        guard !pending.isEmpty else { return }
        var refilled = Array(pending)
        refilled.append(contentsOf: input[start..<end])
        let count = refilled.count
        // The buffer keeps at least its size, so later reads fill it as before.
        if count < input.count { refilled.append(contentsOf: repeatElement(0, count: input.count - count)) }
        input = refilled
        start = 0
        end = count
    }

    /// Whether the buffered first line has a tab and no comma or quote.
    private func firstLineIsTabSeparated() -> Bool {
        var tab = false
        for index in start..<end {
            switch input[index] {
            case 0x0A, 0x0D: return tab
            case 0x2C, 0x22: return false
            case 0x09: tab = true
            default: continue
            }
        }
        return tab
    }

    /// Makes sure at least one byte is buffered; false at the end of the input.
    @inline(__always)
    private mutating func fill() throws -> Bool {
        if start < end { return true }
        return try refill()
    }

    private mutating func refill() throws -> Bool {
        if atEnd { return false }
        if keepsRecord {
            earlierBytes.append(contentsOf: input[recordStart..<end])
            recordStart = 0
        }
        start = 0
        end = try input.withUnsafeMutableBytes { try source.read(into: $0) }
        if end == 0 { atEnd = true }
        return end > 0
    }

    private mutating func endField() throws {
        if removesFormulaGuards {
            let from = ends.last ?? 0
            if bytes.count - from >= 2 && bytes[from] == UInt8(ascii: "'") && CSVCellWriter.isGuarded(first: bytes[from + 1]) {
                bytes.remove(at: from)
            }
        }
        ends.append(bytes.count)
        if ends.count > maxFields { throw Failure(line: line, reason: .tooManyColumns(maxFields)) }
        if bytes.count > maxRecordBytes { throw Failure(line: line, reason: .recordTooLong(megabytes: maxRecordBytes / 1024 / 1024)) }
    }

    /// Reads one field into the record; returns whether another field follows on the record.
    private mutating func readField() throws -> Bool {
        guard try fill() else { endsUnterminated = true; try endField(); return false }
        let delimiter = self.delimiter
        if input[start] == 0x22 {
            start += 1
            return try readQuoted()
        }
        while true {
            guard try fill() else { endsUnterminated = true; try endField(); return false }
            // Scan the buffered bytes for the end of the field.
            let (from, limit) = (start, end)
            let (stop, found) = input.withUnsafeBufferPointer { buffer -> (Int, UInt8) in
                var index = from
                while index < limit {
                    let byte = buffer[index]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { return (index, byte) }
                    index += 1
                }
                return (index, 0)
            }
            bytes.append(contentsOf: input[start..<stop])
            start = stop
            if stop == end {
                if bytes.count > maxRecordBytes { throw Failure(line: line, reason: .recordTooLong(megabytes: maxRecordBytes / 1024 / 1024)) }
                continue
            }
            if found == 0x22 {
                throw Failure(line: nextLine, reason: .quoteInUnquotedField)
            }
            start += 1
            try endField()
            if found == delimiter { return true }
            try endLine(after: found)
            return false
        }
    }

    private mutating func readQuoted() throws -> Bool {
        while true {
            guard try fill() else {
                throw Failure(line: line, reason: .unclosedQuote)
            }
            // Copy the run of ordinary bytes up to the next quote or line break at once.
            let (from, limit) = (start, end)
            let stop = input.withUnsafeBufferPointer { buffer -> Int in
                var index = from
                while index < limit {
                    let byte = buffer[index]
                    if byte == 0x22 || byte == 0x0A || byte == 0x0D { return index }
                    index += 1
                }
                return index
            }
            if stop > start {
                bytes.append(contentsOf: input[start..<stop])
                start = stop
                if bytes.count > maxRecordBytes { throw Failure(line: line, reason: .recordTooLong(megabytes: maxRecordBytes / 1024 / 1024)) }
                continue
            }
            let byte = input[start]
            start += 1
            if byte == 0x22 {
                // A doubled quote is a quote; a single one ends the field.
                if try fill(), input[start] == 0x22 {
                    bytes.append(0x22)
                    start += 1
                    continue
                }
                try endField()
                guard try fill() else { endsUnterminated = true; return false }
                let next = input[start]
                start += 1
                if next == delimiter { return true }
                if next == 0x0A || next == 0x0D {
                    try endLine(after: next)
                    return false
                }
                throw Failure(line: nextLine, reason: .textAfterClosingQuote(tabs: delimiter == 0x09))
            }
            // A line break inside quotes belongs to the field.
            bytes.append(byte)
            if byte == 0x0A {
                nextLine += 1
            } else if byte == 0x0D {
                if try fill(), input[start] == 0x0A {
                    bytes.append(0x0A)
                    start += 1
                }
                nextLine += 1
            }
        }
    }

    /// Consumes the LF of a CRLF pair and counts the line.
    private mutating func endLine(after byte: UInt8) throws {
        if byte == 0x0D, try fill(), input[start] == 0x0A { start += 1 }
        nextLine += 1
    }
}

/// UTF-8 validation with an ASCII fast path.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while index < count {
            // Eight ASCII bytes at a time.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
            }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            index += length
        }
        return true
    }
}
