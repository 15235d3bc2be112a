import SQLiteDB

/// Imports work orders fast: references resolve once per distinct name, dates and text bind
/// straight from the file's bytes, and one prepared statement takes every row. The rules are
/// those of `order add`: required vendor and category, a year that agrees with the opened
/// date, timestamps in order, known statuses, active vendors.
struct OrderRowWriter: RowWriter {
    enum Column: Int, CaseIterable {
        case year, vendor, project, category, unit, status, opened, solved, closed, summary, solution, source
        var name: String { String(describing: self) }
    }

    let db: Connection
    let insert: Statement
    let resolver: ReferenceResolver
    /// For each order column, the file column that fills it, or -1.
    var indexOf = [Int](repeating: -1, count: Column.allCases.count)
    /// Resolved references, per reference column (vendor, project, category, unit).
    var references = [ByteKeyCache<Result<Int64, RowError>>](repeating: ByteKeyCache(), count: Column.allCases.count)
    var statuses = ByteKeyCache<Result<Int, RowError>>()
    var activeVendors: [Int64: Bool] = [:]
    let statusBytes: [[UInt8]] = WorkOrderStatus.allCases.map { Array($0.rawValue.utf8) }
    let sourceBytes: [UInt8]

    /// Secondary indexes set aside for a bulk load, rebuilt by `finish` in the same transaction.
    var setAsideIndexes: [String] = []
    let expectedBytes: Int?

    init(db: Connection, sourceName: String, expectedBytes: Int? = nil) throws {
        self.db = db
        sourceBytes = Array(sourceName.utf8)
        self.expectedBytes = expectedBytes
        resolver = ReferenceResolver(db: db)
        insert = try db.prepare("""
            INSERT INTO work_order (year, vendor_id, project_id, category_id, unit_id, status, opened_at, solved_at,
                                    closed_at, summary, solution, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    mutating func prepare(header: [String]) throws {
        let names = try HeaderMap.fieldNames(header, kind: .order, ignoring: ["id"])
        for (index, name) in names.enumerated() {
            if let column = Column.allCases.first(where: { $0.name == name }) { indexOf[column.rawValue] = index }
        }
        for required in [Column.vendor, .category] where indexOf[required.rawValue] < 0 {
            throw DRCError.invalid(field: "header", value: header.joined(separator: ","), reason: "has no \(required.name) column; it is required")
        }
        if indexOf[Column.year.rawValue] < 0 && indexOf[Column.opened.rawValue] < 0 {
            throw DRCError.invalid(field: "header", value: header.joined(separator: ","), reason: "needs a year column or an opened column")
        }
        try planBulkLoad()
    }

    /// Keeping an index current row by row makes a large load slower than building it once at
    /// the end. When the file holds more orders than the table (at about 100 bytes an order),
    /// the indexes are dropped now and rebuilt by `finish`, inside the import's transaction,
    /// so a failed import rolls the drop back too.
    private mutating func planBulkLoad() throws {
        try db.execute("PRAGMA cache_size = -32768")
        guard let expectedBytes, expectedBytes > 8 << 20 else { return }
        let existing = try db.scalar("SELECT count(*) FROM work_order")?.int64 ?? 0
        guard Int64(expectedBytes / 100) > existing else { return }
        let indexes = try db.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'work_order' AND sql IS NOT NULL")
        for index in indexes {
            guard let name = index.string("name"), let sql = index.string("sql") else { continue }
            try db.execute("DROP INDEX \(name)")
            setAsideIndexes.append(sql)
        }
    }

    mutating func finish(written: Int) throws {
        for sql in setAsideIndexes { try db.execute(sql) }
        setAsideIndexes.removeAll()
    }

    mutating func write(_ reader: CSVReader) throws {
        insert.reset()
        var year: Int64?
        let yearIndex = indexOf[Column.year.rawValue]
        if yearIndex >= 0 {
            year = try reader.withField(yearIndex) { bytes -> Int64? in
                guard !bytes.isEmpty else { return nil }
                guard let value = Self.integer(bytes), value >= 1949 && value <= 2999 else {
                    throw RowError(column: "year", value: String(decoding: bytes, as: UTF8.self), reason: "is not a year; give four digits such as 2020")
                }
                return value
            }
        }
        let vendor = try reference(.vendor, kind: .vendor, reader, required: true)
        let category = try reference(.category, kind: .category, reader, required: true)
        let project = try reference(.project, kind: .project, reader, required: false)
        let unit = try reference(.unit, kind: .unit, reader, required: false)
        if let vendor { try checkActive(vendor) }
        let status = try self.status(reader)
        let opened = try stamp(.opened, reader)
        let solved = try stamp(.solved, reader)
        let closed = try stamp(.closed, reader)
        if let opened {
            if let year, year != opened.year {
                throw RowError(column: "opened", value: opened.text, reason: "is not in the order's year \(year)")
            }
            year = opened.year
        }
        guard let year else {
            throw RowError(column: "year", value: "", reason: "is required (or give the opened date, and the year is taken from it)")
        }
        try Self.inOrder(later: solved, earlier: opened, column: "solved", what: "opened")
        try Self.inOrder(later: closed, earlier: opened, column: "closed", what: "opened")
        try Self.inOrder(later: closed, earlier: solved, column: "closed", what: "solved")

        try insert.bind(.integer(year), at: 1)
        try insert.bind(vendor.map { .integer($0) } ?? .null, at: 2)
        try insert.bind(project.map { .integer($0) } ?? .null, at: 3)
        try insert.bind(category.map { .integer($0) } ?? .null, at: 4)
        try insert.bind(unit.map { .integer($0) } ?? .null, at: 5)
        try statusBytes[status].withUnsafeBufferPointer { try insert.bindText($0, at: 6) }
        for (stamp, index) in [(opened, 7), (solved, 8), (closed, 9)] {
            if let stamp { try stamp.withBytes { try insert.bindText($0, at: index) } } else { try insert.bind(.null, at: index) }
        }
        try bindText(.summary, reader, 10)
        try bindText(.solution, reader, 11)
        let sourceIndex = indexOf[Column.source.rawValue]
        if sourceIndex >= 0, reader.withField(sourceIndex, { !$0.isEmpty }) {
            try bindText(.source, reader, 12)
        } else {
            try sourceBytes.withUnsafeBufferPointer { try insert.bindText($0, at: 12) }
        }
        do {
            _ = try insert.step()
        } catch let error as SQLiteError {
            throw RowError(column: nil, value: nil, reason: "breaks a rule of the records (\(error.message))")
        }
    }

    // MARK: Fields

    /// Binds a text column straight from the file's bytes; empty is NULL, NUL is refused.
    private func bindText(_ column: Column, _ reader: CSVReader, _ index: Int) throws {
        let field = indexOf[column.rawValue]
        guard field >= 0 else { return try insert.bind(.null, at: index) }
        try reader.withField(field) { bytes in
            if bytes.isEmpty { return try insert.bind(.null, at: index) }
            if memchr(bytes.baseAddress!, 0, bytes.count) != nil {
                throw RowError(column: column.name, value: nil, reason: "contains a NUL character")
            }
            // The reader keeps the row's bytes until the next row, after this row's step.
            try insert.bindText(bytes, at: index, copy: false)
        }
    }

    private mutating func reference(_ column: Column, kind: RecordKind, _ reader: CSVReader, required: Bool) throws -> Int64? {
        let index = indexOf[column.rawValue]
        guard index >= 0 else { return nil }
        return try reader.withField(index) { bytes -> Int64? in
            if bytes.isEmpty {
                if required { throw RowError(column: column.name, value: "", reason: "is required") }
                return nil
            }
            let hash = ByteKeyCache<Result<Int64, RowError>>.hash(bytes)
            if let known = references[column.rawValue].lookup(bytes, hash: hash) { return try known.get() }
            let text = String(decoding: bytes, as: UTF8.self)
            let result: Result<Int64, RowError>
            do {
                result = .success(try resolver.resolve(text, kind: kind))
            } catch let error as DRCError {
                result = .failure(RowError(column: column.name, value: text, reason: error.description))
            }
            references[column.rawValue].insert(bytes, hash: hash, value: result)
            return try result.get()
        }
    }

    /// The status's index in `WorkOrderStatus.allCases`: new when empty.
    private mutating func status(_ reader: CSVReader) throws -> Int {
        let index = indexOf[Column.status.rawValue]
        guard index >= 0 else { return 0 }
        return try reader.withField(index) { bytes -> Int in
            if bytes.isEmpty { return 0 }
            let hash = ByteKeyCache<Result<Int, RowError>>.hash(bytes)
            if let known = statuses.lookup(bytes, hash: hash) { return try known.get() }
            let text = String(decoding: bytes, as: UTF8.self)
            let result: Result<Int, RowError>
            do {
                let value = try FieldParser(db: db).parse(text, for: RecordKind.order.field(named: "status")!).string ?? "new"
                result = .success(WorkOrderStatus.allCases.firstIndex { $0.rawValue == value } ?? 0)
            } catch let DRCError.invalid(_, value, reason) {
                result = .failure(RowError(column: "status", value: value, reason: reason))
            }
            statuses.insert(bytes, hash: hash, value: result)
            return try result.get()
        }
    }

    private mutating func checkActive(_ vendor: Int64) throws {
        if activeVendors[vendor] == nil {
            activeVendors[vendor] = try db.scalar("SELECT active FROM vendor WHERE id = ?", vendor)?.int64 == 1
        }
        if activeVendors[vendor] == false {
            let name = try db.scalar("SELECT name FROM vendor WHERE id = ?", vendor)?.string ?? "#\(vendor)"
            throw RowError(column: "vendor", value: name, reason: "is inactive and takes no new work orders")
        }
    }

    /// A timestamp in its stored form: canonical text is taken as it is, other forms
    /// (2020/3/2, 2020年3月2日) go through `DateText`.
    private func stamp(_ column: Column, _ reader: CSVReader) throws -> Stamp? {
        let index = indexOf[column.rawValue]
        guard index >= 0 else { return nil }
        return try reader.withField(index) { bytes -> Stamp? in
            if bytes.isEmpty { return nil }
            if let canonical = Stamp(canonical: bytes) { return canonical }
            let text = String(decoding: bytes, as: UTF8.self)
            switch DateText.parse(text) {
            case .success(let date): return Stamp(date.text)
            case .failure(let error): throw RowError(column: column.name, value: text, reason: error.reason)
            }
        }
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return value
    }

    static func inOrder(later: Stamp?, earlier: Stamp?, column: String, what: String) throws {
        guard let later, let earlier, later < earlier else { return }
        throw RowError(column: column, value: later.text, reason: "is before the order was \(what) (\(earlier.text))")
    }
}

#if canImport(Glibc)
import Glibc
#endif
