import SQLiteDB

/// One read-only query (behind `sql`): on a connection opened read-only and authorised only
/// to read, so nothing it is given (writes, ATTACH, PRAGMA settings, a second statement) can
/// change data. Rows stream to the caller one at a time, so memory stays flat.
public struct ReadOnlyQuery {
    public let columns: [String]
    private let statement: Statement
    private let sql: String

    public init(_ store: Store, _ sql: String) throws {
        store.db.allowOnlyReading()
        do {
            statement = try store.db.prepare(sql)
        } catch let error as SQLiteError {
            throw Self.refusal(sql, error)
        }
        guard statement.isReadOnly else {
            throw DRCError.invalid(field: "sql", value: sql, reason: "would change the database; only reading is allowed")
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
            throw Self.refusal(sql, error)
        }
    }

    private static func refusal(_ sql: String, _ error: SQLiteError) -> DRCError {
        if error.primaryCode == SQLiteCode.auth || error.primaryCode == SQLiteCode.readOnly {
            return .invalid(field: "sql", value: sql, reason: "is not allowed; only reading is allowed (no writes, ATTACH or PRAGMA settings)")
        }
        return .invalid(field: "sql", value: sql, reason: error.message)
    }
}
