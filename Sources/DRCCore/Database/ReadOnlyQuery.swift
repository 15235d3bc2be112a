import SQLiteDB

/// One read-only query (behind `sql`): on a connection opened read-only and authorised only
/// to read, so nothing it is given (writes, ATTACH, PRAGMA settings, a second statement) can
/// change data. Rows stream to the caller one at a time, so memory stays flat; the query is
/// stopped at a time limit (a recursive CTE can run for ever) and may build no value longer
/// than a size limit (`randomblob(1e9)` would take a gigabyte).
public struct ReadOnlyQuery {
    /// How long a query may run and how large a value it may build.
    public struct Limits: Sendable, Equatable {
        public var seconds: Double
        public var maximumValueBytes: Int32

        /// A few seconds is ample for any query over a year's records; a record's longest
        /// text is kilobytes, so 64 MiB leaves room for any real value and keeps memory bounded.
        public static let standard = Limits(seconds: 5, maximumValueBytes: 64 << 20)

        public init(seconds: Double, maximumValueBytes: Int32) {
            self.seconds = seconds
            self.maximumValueBytes = maximumValueBytes
        }
    }

    public let columns: [String]
    private let statement: Statement
    private let sql: String
    private let limits: Limits

    public init(_ store: Store, _ sql: String, limits: Limits = .standard) throws {
        store.db.allowOnlyReading()
        store.db.setMaximumValueLength(limits.maximumValueBytes)
        store.db.setDeadline(after: limits.seconds)
        self.limits = limits
        do {
            statement = try store.db.prepare(sql)
        } catch let error as SQLiteError {
            throw Self.refusal(sql, error, limits: limits)
        }
        guard statement.isReadOnly else {
            throw DRCError.invalid(field: "sql", value: sql, reason: .queryWrites)
        }
        self.sql = sql
        columns = statement.columnNames
    }

    /// Calls `body` with each row; `body` returns false to stop early.
    public func forEachRow(_ body: ([ResultTable.Cell]) throws -> Bool) throws {
        do {
            while try statement.step() {
                let row = (0..<columns.count).map { index -> ResultTable.Cell in
                    switch statement.value(at: index) {
                    case .null: return .null
                    case .integer(let value): return .number(String(value))
                    case .real(let value): return value.isFinite ? .number(String(value)) : .text(String(value))
                    case .text(let value): return .text(value)
                    case .blob(let value): return .text("<\(value.count) bytes>")
                    }
                }
                guard try body(row) else { break }
            }
        } catch let error as SQLiteError {
            throw Self.refusal(sql, error, limits: limits)
        }
    }

    private static func refusal(_ sql: String, _ error: SQLiteError, limits: Limits) -> DRCError {
        switch error.primaryCode {
        case SQLiteCode.interrupt: return .queryTimedOut(seconds: limits.seconds)
        case SQLiteCode.tooBig, SQLiteCode.noMemory: return .queryTooLarge(limitBytes: Int64(limits.maximumValueBytes))
        default: break
        }
        if error.primaryCode == SQLiteCode.auth || error.primaryCode == SQLiteCode.readOnly {
            return .invalid(field: "sql", value: sql, reason: .queryNotAllowed)
        }
        return .invalid(field: "sql", value: sql, reason: .sqlite(error.message))
    }
}
