import CSQLite

/// A prepared statement. Binding and reading are typed by SQLite's storage classes; every
/// failing call throws a `SQLiteError` carrying this statement's SQL.
public final class Statement {
    let handle: OpaquePointer
    let connection: OpaquePointer
    public let sql: String

    init(handle: OpaquePointer, connection: OpaquePointer, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    public func columnName(_ index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    public var columnNames: [String] { (0..<columnCount).map(columnName) }

    // MARK: Binding

    /// Resets the statement and binds `values` to parameters 1...n; the count must match.
    public func bind(_ values: [SQLiteValue]) throws {
        reset()
        guard values.count == parameterCount else {
            throw SQLiteError(
                extendedCode: SQLiteCode.range,
                message: "expected \(parameterCount) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        let i = Int32(index)
        let rc: Int32
        switch value {
        case .null:
            rc = sqlite3_bind_null(handle, i)
        case .integer(let v):
            rc = sqlite3_bind_int64(handle, i, v)
        case .real(let v):
            rc = sqlite3_bind_double(handle, i, v)
        case .text(let v):
            rc = bindText(v, at: i)
        case .blob(let v):
            rc = v.isEmpty
                ? sqlite3_bind_zeroblob(handle, i, 0)
                : v.withUnsafeBytes {
                    sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), drc_sqlite_transient())
                }
        }
        try check(rc)
    }

    /// Binds text from raw UTF-8 bytes without building a `String` (the import hot path).
    /// With `copy: false` SQLite reads the bytes in place: the caller keeps them alive and
    /// unchanged until the statement has been stepped.
    public func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, copy: Bool = true) throws {
        let rc: Int32
        if bytes.isEmpty {
            rc = sqlite3_bind_text(handle, Int32(index), "", 0, drc_sqlite_transient())
        } else {
            rc = bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, Int32(index), $0.baseAddress, Int32($0.count), copy ? drc_sqlite_transient() : nil)
            }
        }
        try check(rc)
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                // An empty string is text, not NULL.
                return sqlite3_bind_text(handle, index, "", 0, drc_sqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), drc_sqlite_transient())
            }
        }
    }

    // MARK: Stepping

    /// Steps once: `true` when a row is ready to read, `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(handle: connection, code: rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    public func reset() {
        sqlite3_reset(handle)
    }

    /// Binds, runs to completion, and resets: for statements that return no rows of interest.
    public func run(_ values: [SQLiteValue] = []) throws {
        try bind(values)
        defer { reset() }
        while try step() {}
    }

    /// Binds, then copies every row out.
    public func rows(_ values: [SQLiteValue] = []) throws -> [Row] {
        try bind(values)
        defer { reset() }
        let names = columnNames
        var rows: [Row] = []
        while try step() {
            rows.append(Row(columns: names, values: (0..<names.count).map(value(at:))))
        }
        return rows
    }

    // MARK: Reading the current row

    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(index))
    }

    /// The column as text, or nil when it is NULL.
    public func text(at index: Int) -> String? {
        let i = Int32(index)
        guard sqlite3_column_type(handle, i) != SQLITE_NULL,
              let pointer = sqlite3_column_text(handle, i) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Lends the column's UTF-8 bytes without copying them into a `String` (the export hot
    /// path). The buffer is valid only inside `body`.
    public func withTextBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let i = Int32(index)
        let pointer = sqlite3_column_text(handle, i)
        let count = Int(sqlite3_column_bytes(handle, i))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func value(at index: Int) -> SQLiteValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            return .text(text(at: index) ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let pointer = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default:
            return .null
        }
    }

    private func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw SQLiteError(handle: connection, code: rc, sql: sql) }
    }
}
