import SQLiteDB

/// The history of every change: who, when, what kind of record, and its values before and
/// after as JSON objects. Written in the same transaction as the change it describes.
public struct HistoryLog {
    let db: Connection
    let actor: String

    public init(db: Connection, actor: String) {
        self.db = db
        self.actor = actor
    }

    public enum Action: String, Sendable {
        case insert, update, delete, batch
    }

    public func record(_ action: Action, kind: String, id: Int64?, old: Row?, new: Row?, note: String? = nil) throws {
        try db.run(
            "INSERT INTO history (at, actor, action, kind, record_id, old_values, new_values, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(Clock.timestamp()), .text(actor), .text(action.rawValue), .text(kind), id.map { .integer($0) } ?? .null,
             old.map { .text(Self.json($0)) } ?? .null, new.map { .text(Self.json($0)) } ?? .null, note.map { .text($0) } ?? .null])
    }

    /// The whole stored row of a record, as history keeps it.
    public static func snapshot(_ db: Connection, table: String, id: Int64) throws -> Row? {
        try db.rows("SELECT * FROM \(table) WHERE id = ?", id).first
    }

    static func json(_ row: Row) -> String {
        JSONText.object(zip(row.columns, row.values).map { ($0, json($1)) })
    }

    static func json(_ value: SQLiteValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? String(v) : "null"
        case .text(let v): return JSONText.string(v)
        case .blob(let v): return JSONText.string(v.map { String($0, radix: 16) }.joined())
        }
    }

    // MARK: Reading

    public struct Entry: Sendable {
        public let id: Int64
        public let at: String
        public let actor: String
        public let action: String
        public let kind: String
        public let recordID: Int64?
        public let oldValues: String?
        public let newValues: String?
        public let note: String?
    }

    /// Entries, newest last; for one record when `kind` and `id` are given.
    public static func entries(_ db: Connection, kind: String? = nil, id: Int64? = nil, limit: Int? = nil) throws -> [Entry] {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let kind { conditions.append("kind = ?"); values.append(.text(kind)) }
        if let id { conditions.append("record_id = ?"); values.append(.integer(id)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var sql = "SELECT * FROM history \(whereClause) ORDER BY id"
        if let limit {
            sql = "SELECT * FROM (SELECT * FROM history \(whereClause) ORDER BY id DESC LIMIT \(max(0, limit))) ORDER BY id"
        }
        return try db.rows(sql, values).map {
            Entry(id: $0.int64("id") ?? 0, at: $0.string("at") ?? "", actor: $0.string("actor") ?? "",
                  action: $0.string("action") ?? "", kind: $0.string("kind") ?? "", recordID: $0.int64("record_id"),
                  oldValues: $0.string("old_values"), newValues: $0.string("new_values"), note: $0.string("note"))
        }
    }

    /// What changed, in one line: `name: 美音 → 湖南美音; active: 1 → 0`.
    public static func summary(_ entry: Entry, using db: Connection) throws -> String {
        switch entry.action {
        case "update":
            let rows = try db.rows(
                """
                SELECT n.key AS key, o.value AS old, n.value AS new FROM json_each(?) AS n
                LEFT JOIN json_each(?) AS o ON o.key = n.key
                WHERE o.value IS NOT n.value OR o.type IS NOT n.type
                """, entry.newValues ?? "{}", entry.oldValues ?? "{}")
            return rows.map { "\($0["key"].displayText): \(show($0["old"])) → \(show($0["new"]))" }.joined(separator: "; ")
        case "insert", "delete":
            let json = (entry.action == "insert" ? entry.newValues : entry.oldValues) ?? "{}"
            let rows = try db.rows("SELECT key, value FROM json_each(?) WHERE value IS NOT NULL AND key <> 'id'", json)
            return rows.map { "\($0["key"].displayText)=\($0["value"].displayText)" }.joined(separator: ", ")
        default:
            return entry.note ?? ""
        }
    }

    private static func show(_ value: SQLiteValue) -> String {
        value == .null ? "∅" : value.displayText
    }
}
