import SQLiteDB

/// A work order read from a row and validated, ready to bind.
struct ParsedOrder {
    var year: Int64
    var vendor: Int64
    var project: Int64?
    var category: Int64
    var unit: Int64?
    var status: Int
    var opened: Stamp?
    var solved: Stamp?
    var closed: Stamp?
    var contract: Int64?
    var priority: ServicePriority?
    var responded: Stamp?
    var arrived: Stamp?
    var restored: Stamp?
    /// Fixed remotely (远程处理): no arrival expected.
    var remote = false
}

/// The work-order rules of `order add`, applied to file rows: required vendor and category,
/// a year that agrees with the opened date, timestamps in order, known statuses, active
/// vendors. References resolve once per distinct spelling, through a read-only connection
/// of its own, so validation can run on the reading thread.
struct OrderParser {
    enum Column: Int, CaseIterable {
        case year, vendor, project, category, unit, status, opened, solved, closed, summary, solution, source,
             ticket, requester, phone, contract, priority, responded, arrived, restored, remote
        var name: String { String(describing: self) }
    }

    let db: Connection
    let resolver: ReferenceResolver
    /// For each order column, the file column that fills it, or -1.
    private(set) var indexOf = [Int](repeating: -1, count: Column.allCases.count)
    /// The file's id column (an export, corrected), or -1: a row with an id is that record.
    private(set) var idIndex = -1
    private var references = [ByteKeyCache<Result<Int64, RowError>>](repeating: ByteKeyCache(), count: Column.allCases.count)
    private var statuses = ByteKeyCache<Result<Int, RowError>>()
    private var priorities = ByteKeyCache<Result<ServicePriority, RowError>>()
    private var activeVendors: [Int64: Bool] = [:]
    /// The vendor's file format: status words and whole-file defaults.
    private var format = VendorFormat()
    private var defaultVendor: Int64?
    private var defaultProject: Int64?
    private var defaultYear: Int64?

    init(path: String) throws {
        db = try Connection(path: path, mode: .readOnly)
        resolver = ReferenceResolver(db: db)
    }

    mutating func prepare(header: [String], format: VendorFormat = VendorFormat()) throws {
        let names = try HeaderMap.fieldNames(header, kind: .order, ignoring: ["id"])
        idIndex = header.firstIndex { HeaderMap.normalise($0) == "id" } ?? -1
        for (index, name) in names.enumerated() {
            if let column = Column.allCases.first(where: { $0.name == name }) { indexOf[column.rawValue] = index }
        }
        try format.validate()
        self.format = format
        // The file's defaults resolve once, before any row; a bad one refuses the file.
        defaultVendor = try format.defaultValue("vendor").map { try resolver.resolve($0, kind: .vendor) }
        defaultProject = try format.defaultValue("project").map { try resolver.resolve($0, kind: .project) }
        defaultYear = format.defaultValue("year").flatMap { Int64($0) }
        if let defaultVendor { try checkDefaultActive(defaultVendor) }
        for required in [Column.vendor, .category] where indexOf[required.rawValue] < 0 && !(required == .vendor && defaultVendor != nil) {
            throw DRCError.invalid(field: "header", value: header.joined(separator: ","), reason: .missingColumn(required.name))
        }
        if indexOf[Column.year.rawValue] < 0 && indexOf[Column.opened.rawValue] < 0 && defaultYear == nil {
            throw DRCError.invalid(field: "header", value: header.joined(separator: ","), reason: .needsYearOrOpened)
        }
    }

    func field(_ column: Column) -> Int { indexOf[column.rawValue] }

    static let textColumns: [Column] = [.summary, .solution, .source, .ticket, .requester, .phone]

    mutating func parse(_ fields: FieldBytes, _ row: Int) throws -> ParsedOrder {
        let yearIndex = field(.year)
        let year = yearIndex < 0 ? nil : try fields.withField(row, yearIndex) { bytes -> Int64? in
                guard !bytes.isEmpty else { return nil }
                guard let value = Self.integer(bytes) ?? Self.vendorInteger(bytes), value >= 1949 && value <= 2999 else {
                    throw RowError(column: "year", value: String(decoding: bytes, as: UTF8.self), reason: .notAYear)
                }
                return value
            }
        let vendor = try reference(.vendor, kind: .vendor, fields, row, required: defaultVendor == nil) ?? defaultVendor!
        let category = try reference(.category, kind: .category, fields, row, required: true)!
        let project = try reference(.project, kind: .project, fields, row, required: false) ?? defaultProject
        let unit = try reference(.unit, kind: .unit, fields, row, required: false)
        let contract = try reference(.contract, kind: .contract, fields, row, required: false)
        try checkActive(vendor)
        let status = try self.status(fields, row)
        let opened = try stamp(.opened, fields, row)
        let solved = try stamp(.solved, fields, row)
        let closed = try stamp(.closed, fields, row)
        let responded = try stamp(.responded, fields, row)
        let arrived = try stamp(.arrived, fields, row)
        let restored = try stamp(.restored, fields, row)
        let priority = try self.priority(fields, row)
        let remote = try self.remote(fields, row)
        let orderYear: Int64
        do {
            // The file's year fills a row that gives neither a year nor an opened date.
            orderYear = try WorkOrderRules.year(given: year ?? (opened == nil ? defaultYear : nil), opened: opened)
            try WorkOrderRules.inOrder(opened: opened, solved: solved, closed: closed)
            try WorkOrderRules.serviceTimesInOrder(opened: opened, responded: responded, arrived: arrived, restored: restored)
            try WorkOrderRules.remoteHasNoArrival(remote: remote, arrived: arrived)
        } catch let violation as WorkOrderRules.Violation {
            throw RowError(column: violation.field, value: violation.value, reason: violation.reason)
        }
        for column in Self.textColumns where field(column) >= 0 {
            try fields.withField(row, field(column)) { bytes in
                if !bytes.isEmpty, memchr(bytes.baseAddress!, 0, bytes.count) != nil {
                    throw RowError(column: column.name, value: nil, reason: .containsNUL)
                }
            }
        }
        return ParsedOrder(year: orderYear, vendor: vendor, project: project, category: category, unit: unit,
                           status: status, opened: opened, solved: solved, closed: closed, contract: contract,
                           priority: priority, responded: responded, arrived: arrived, restored: restored, remote: remote)
    }

    /// Whether the row is a remote fix, as `order add --remote` reads it (是/否, yes/no, 1/0); no when empty.
    private func remote(_ fields: FieldBytes, _ row: Int) throws -> Bool {
        let index = field(.remote)
        guard index >= 0 else { return false }
        let text = fields.withField(row, index) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces()
        if text.isEmpty { return false }
        guard let flag = FieldParser.flag(text) else { throw RowError(column: Column.remote.name, value: text, reason: .notYesOrNo) }
        return flag == 1
    }

    /// The priority, by key or Chinese word (紧急 …), looked up once per spelling; nil when empty.
    private mutating func priority(_ fields: FieldBytes, _ row: Int) throws -> ServicePriority? {
        let index = field(.priority)
        guard index >= 0 else { return nil }
        return try fields.withField(row, index) { bytes -> ServicePriority? in
            if bytes.isEmpty { return nil }
            let hash = ByteKeyCache<Result<ServicePriority, RowError>>.hash(bytes)
            if let known = priorities.lookup(bytes, hash: hash) { return try known.get() }
            let text = String(decoding: bytes, as: UTF8.self)
            let result: Result<ServicePriority, RowError>
            do {
                let value = try FieldParser(db: db).parse(text, for: RecordKind.order.field(named: "priority")!).string ?? ""
                result = ServicePriority(rawValue: value).map { .success($0) } ?? .failure(RowError(column: "priority", value: text, reason: .required))
            } catch let DRCError.invalid(_, value, reason) {
                result = .failure(RowError(column: "priority", value: value, reason: reason))
            }
            priorities.insert(bytes, hash: hash, value: result)
            return try result.get()
        }
    }

    // MARK: Fields

    private mutating func reference(_ column: Column, kind: RecordKind, _ fields: FieldBytes, _ row: Int, required: Bool) throws -> Int64? {
        let index = field(column)
        guard index >= 0 else { return nil }
        return try fields.withField(row, index) { bytes -> Int64? in
            if bytes.isEmpty {
                if required { throw RowError(column: column.name, value: "", reason: .required) }
                return nil
            }
            let hash = ByteKeyCache<Result<Int64, RowError>>.hash(bytes)
            if let known = references[column.rawValue].lookup(bytes, hash: hash) { return try known.get() }
            let text = String(decoding: bytes, as: UTF8.self)
            let result: Result<Int64, RowError>
            do {
                result = .success(try resolver.resolve(text, kind: kind))
            } catch let error as DRCError {
                result = .failure(RowError(column: column.name, value: text, problem: .failed(error)))
            }
            references[column.rawValue].insert(bytes, hash: hash, value: result)
            return try result.get()
        }
    }

    /// The status's index in `WorkOrderStatus.allCases`: new when empty.
    private mutating func status(_ fields: FieldBytes, _ row: Int) throws -> Int {
        let index = field(.status)
        guard index >= 0 else { return 0 }
        return try fields.withField(row, index) { bytes -> Int in
            if bytes.isEmpty { return 0 }
            let hash = ByteKeyCache<Result<Int, RowError>>.hash(bytes)
            if let known = statuses.lookup(bytes, hash: hash) { return try known.get() }
            let text = String(decoding: bytes, as: UTF8.self)
            let result: Result<Int, RowError>
            // A status word is looked up once per spelling (the cache): the vendor's words
            // (its map, then the common table) cost nothing per row.
            if let status = format.statusWords.isEmpty ? nil : format.status(forWord: text) {
                result = .success(WorkOrderStatus.allCases.firstIndex(of: status) ?? 0)
            } else {
                do {
                    let value = try FieldParser(db: db).parse(text, for: RecordKind.order.field(named: "status")!).string ?? "new"
                    result = .success(WorkOrderStatus.allCases.firstIndex { $0.rawValue == value } ?? 0)
                } catch let DRCError.invalid(_, value, reason) {
                    if let status = format.status(forWord: text) {
                        result = .success(WorkOrderStatus.allCases.firstIndex(of: status) ?? 0)
                    } else {
                        result = .failure(RowError(column: "status", value: value, reason: reason))
                    }
                }
            }
            statuses.insert(bytes, hash: hash, value: result)
            return try result.get()
        }
    }

    /// A default vendor that takes no orders refuses the file, not each row.
    private mutating func checkDefaultActive(_ vendor: Int64) throws {
        do {
            try checkActive(vendor)
        } catch let error as RowError {
            throw DRCError.invalid(field: "vendor", value: error.value ?? "", reason: .vendorInactive)
        }
    }

    private mutating func checkActive(_ vendor: Int64) throws {
        if activeVendors[vendor] == nil {
            activeVendors[vendor] = try db.scalar("SELECT active FROM vendor WHERE id = ?", vendor)?.int64 == 1
        }
        if activeVendors[vendor] == false {
            let name = try db.scalar("SELECT name FROM vendor WHERE id = ?", vendor)?.string ?? "#\(vendor)"
            throw RowError(column: "vendor", value: name, reason: .vendorInactive)
        }
    }

    /// A timestamp in its stored form: canonical text is taken as it is, other forms
    /// (2020/3/2, 2020年3月2日) go through `DateText`.
    private func stamp(_ column: Column, _ fields: FieldBytes, _ row: Int) throws -> Stamp? {
        let index = field(column)
        guard index >= 0 else { return nil }
        return try fields.withField(row, index) { bytes -> Stamp? in
            if bytes.isEmpty { return nil }
            if let canonical = Stamp(canonical: bytes) { return canonical }
            // Past the canonical form, the one parser every entry path uses.
            let text = String(decoding: bytes, as: UTF8.self)
            switch TimeInput.parse(text) {
            case .success(let date): return Stamp(date.text)
            case .failure(let error): throw RowError(column: column.name, value: text, reason: error.reason)
            }
        }
    }

    /// A whole number written with full-width digits or spaces around it (a vendor's year).
    static func vendorInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let text = String(String(decoding: bytes, as: UTF8.self).trimmingSpaces().map(VendorTime.halfWidth))
        guard !text.isEmpty, text.count <= 18, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(text)
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

}

#if canImport(Glibc)
import Glibc
#endif
