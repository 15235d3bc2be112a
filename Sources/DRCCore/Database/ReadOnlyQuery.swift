import SQLiteDB

/// One read-only query (behind `sql`): on a connection opened read-only and authorised only to read, so
/// nothing it is given (writes, ATTACH, PRAGMA settings, a second statement) can change data.
public enum ReadOnlyQuery {
    public static func run(_ store: Store, _ sql: String) throws -> ResultTable {
        let db = store.db
        db.allowOnlyReading()
        let statement: Statement
        do {
            statement = try db.prepare(sql)
        } catch let error as SQLiteError {
            throw refusal(sql, error)
        }
        guard statement.isReadOnly else {
            throw DRCError.invalid(field: "sql", value: sql, reason: "would change the database; only reading is allowed")
        }
        var table = ResultTable(columns: statement.columnNames)
        do {
            while try statement.step() {
                table.rows.append((0..<table.columns.count).map { index in
                    switch statement.value(at: index) {
                    case .null: return .null
                    case .integer(let value): return .number(String(value))
                    case .real(let value): return .number(value.isFinite ? String(value) : "null")
                    case .text(let value): return .text(value)
                    case .blob(let value): return .text("<\(value.count) bytes>")
                    }
                })
            }
        } catch let error as SQLiteError {
            throw refusal(sql, error)
        }
        return table
    }

    private static func refusal(_ sql: String, _ error: SQLiteError) -> DRCError {
        if error.primaryCode == SQLiteCode.auth || error.primaryCode == SQLiteCode.readOnly {
            return .invalid(field: "sql", value: sql, reason: "is not allowed; only reading is allowed (no writes, ATTACH or PRAGMA settings)")
        }
        return .invalid(field: "sql", value: sql, reason: error.message)
    }
}
