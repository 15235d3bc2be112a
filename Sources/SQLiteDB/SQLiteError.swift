import CSQLite

/// The one error the SQLite layer throws: SQLite's extended result code, its message, and the
/// SQL that was running, so that a failure names the statement that caused it.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (for example 2067, `SQLITE_CONSTRAINT_UNIQUE`).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code), for matching families.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (while running: \(sql))" }
        return text
    }

    init(handle: OpaquePointer?, code: Int32, sql: String?) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's last error can be stale when `code` came from elsewhere.
        let useExtended = handle != nil && (extended & 0xFF) == (code & 0xFF)
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: useExtended ? extended : code, message: message, sql: sql)
    }
}

/// Result codes Swift does not import from `sqlite3.h` (they are macros built from shifts).
public enum SQLiteCode {
    public static let ok: Int32 = 0
    public static let error: Int32 = 1
    public static let permission: Int32 = 3
    public static let busy: Int32 = 5
    public static let locked: Int32 = 6
    public static let noMemory: Int32 = 7
    public static let readOnly: Int32 = 8
    public static let interrupt: Int32 = 9
    public static let ioError: Int32 = 10
    public static let corrupt: Int32 = 11
    public static let full: Int32 = 13
    public static let tooBig: Int32 = 18
    public static let cantOpen: Int32 = 14
    public static let constraint: Int32 = 19
    public static let mismatch: Int32 = 20
    public static let misuse: Int32 = 21
    public static let auth: Int32 = 23
    public static let range: Int32 = 25
    public static let notADatabase: Int32 = 26

    public static let constraintCheck: Int32 = constraint | (1 << 8)
    public static let constraintForeignKey: Int32 = constraint | (3 << 8)
    public static let constraintNotNull: Int32 = constraint | (5 << 8)
    public static let constraintPrimaryKey: Int32 = constraint | (6 << 8)
    public static let constraintTrigger: Int32 = constraint | (7 << 8)
    public static let constraintUnique: Int32 = constraint | (8 << 8)
    public static let readOnlyDatabaseMoved: Int32 = readOnly | (4 << 8)
}
