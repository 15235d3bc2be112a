import SQLiteDB

/// The history of every change: who, when, what kind of record, and its values before and
/// after as JSON objects. Written in the same transaction as the change it describes.
public struct HistoryLog {
    let db: Connection
    let actor: String
    /// When the change happened: one moment for every entry of one operation.
    let at: Moment

    public init(db: Connection, actor: String, at: Moment) {
        self.db = db
        self.actor = actor
        self.at = at
    }

    public enum Action: String, Sendable {
        case insert, update, delete, batch
    }

    /// One change of one record; `old` and `new` are snapshots (`snapshot(_:kind:id:)`).
    public func record(_ action: Action, kind: RecordKind, id: Int64, old: String?, new: String?, note: String? = nil) throws {
        try write(action, kind: kind.id.rawValue, first: id, last: nil, old: old, new: new, note: note)
    }

    /// A batch (an import, the seed): when it created records, the range of their ids, so each
    /// record's history names the batch that made it without a row per record.
    public func recordBatch(kind: RecordKind.ID, created ids: ClosedRange<Int64>?, note: String) throws {
        try write(.batch, kind: kind.rawValue, first: ids?.lowerBound, last: ids?.upperBound, old: nil, new: nil, note: note)
    }

    /// The loading of the seed, which creates records of several kinds (each with its own batch).
    public func recordSeedLoaded(note: String) throws {
        try write(.batch, kind: Self.seedKind, first: nil, last: nil, old: nil, new: nil, note: note)
    }

    /// The `kind` of the entry that marks the seed's loading.
    static let seedKind = "seed"

    private func write(_ action: Action, kind: String, first: Int64?, last: Int64?, old: String?, new: String?, note: String?) throws {
        try db.run(
            """
            INSERT INTO history (at, actor, action, kind, record_id, last_record_id, old_values, new_values, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(at.stamp), .text(actor), .text(action.rawValue), .text(kind), first.map { .integer($0) } ?? .null,
             last.map { .integer($0) } ?? .null, old.map { .text($0) } ?? .null, new.map { .text($0) } ?? .null,
             note.map { .text($0) } ?? .null])
    }

    /// A record as history keeps it: its whole stored row and the ids of its links (a project's
    /// `vendor_ids`), as a JSON object; nil when there is no such record.
    public static func snapshot(_ db: Connection, kind: RecordKind, id: Int64) throws -> String? {
        guard let row = try db.rows("SELECT * FROM \(kind.table) WHERE id = ?", id).first else { return nil }
        var members = zip(row.columns, row.values).map { ($0, json($1)) }
        for link in kind.linkSets {
            let ids = try db.rows(
                "SELECT \(link.targetColumn) FROM \(link.table) WHERE \(link.ownerColumn) = ? ORDER BY \(link.targetColumn)", id)
            members.append((link.key, "[" + ids.map { $0[0].displayText }.joined(separator: ",") + "]"))
        }
        for childSet in kind.childSets {
            members.append((childSet.field, try childSet.snapshot(owner: id, db: db)))
        }
        return JSONText.object(members)
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
        /// For a batch, the last id of the records it created (`recordID` is the first).
        public let lastRecordID: Int64?
        public let oldValues: String?
        public let newValues: String?
        public let note: String?
    }

    /// Entries, newest last; for one record when `kind` and `id` are given, the batch that
    /// created it (an import) included.
    public static func entries(_ db: Connection, kind: String? = nil, id: Int64? = nil, limit: Int? = nil) throws -> [Entry] {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let kind { conditions.append("kind = ?"); values.append(.text(kind)) }
        if let id { conditions.append("record_id = ?"); values.append(.integer(id)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var source = "SELECT * FROM history \(whereClause)"
        if let kind, let id {
            source = """
                SELECT * FROM history WHERE kind = ? AND record_id = ? AND action <> 'batch'
                UNION ALL SELECT * FROM history WHERE action = 'batch' AND kind = ? AND record_id <= ? AND last_record_id >= ?
                """
            values = [.text(kind), .integer(id), .text(kind), .integer(id), .integer(id)]
        }
        var sql = "SELECT * FROM (\(source)) ORDER BY id"
        if let limit {
            sql = "SELECT * FROM (SELECT * FROM (\(source)) ORDER BY id DESC LIMIT \(max(0, limit))) ORDER BY id"
        }
        return try db.rows(sql, values).map {
            Entry(id: $0.int64("id") ?? 0, at: $0.string("at") ?? "", actor: $0.string("actor") ?? "",
                  action: $0.string("action") ?? "", kind: $0.string("kind") ?? "", recordID: $0.int64("record_id"),
                  lastRecordID: $0.int64("last_record_id"), oldValues: $0.string("old_values"), newValues: $0.string("new_values"), note: $0.string("note"))
        }
    }

    /// What changed: the values an update changed, the values an insert or delete kept, or
    /// the batch's note and ids.
    public static func summary(_ entry: Entry, using db: Connection) throws -> HistorySummary {
        let kind = RecordKinds.named(entry.kind)
        switch entry.action {
        case "update":
            let rows = try db.rows(
                """
                SELECT n.key AS key, o.value AS old, n.value AS new FROM json_each(?) AS n
                LEFT JOIN json_each(?) AS o ON o.key = n.key
                WHERE o.value IS NOT n.value OR o.type IS NOT n.type
                """, entry.newValues ?? "{}", entry.oldValues ?? "{}")
            return .changes(try rows.map { row in
                let key = row["key"].displayText
                return HistoryChange(key: key, label: label(key, kind), old: try show(row["old"], key: key, kind: kind, db),
                                     new: try show(row["new"], key: key, kind: kind, db))
            })
        case "insert", "delete":
            let json = (entry.action == "insert" ? entry.newValues : entry.oldValues) ?? "{}"
            let rows = try db.rows("SELECT key, value FROM json_each(?) WHERE value IS NOT NULL AND key <> 'id' AND value IS NOT '[]'", json)
            return .values(try rows.map { row in
                let key = row["key"].displayText
                return HistoryChange(key: key, label: label(key, kind), old: nil, new: try show(row["value"], key: key, kind: kind, db))
            })
        default:
            let ids = entry.recordID.flatMap { first in entry.lastRecordID.map { first...max(first, $0) } }
            return .batch(entry.note.map(HistoryNote.init(stored:)), ids: ids)
        }
    }

    /// The field a history key holds (`unit_id`, `vendor_ids`, `stages`), for its label.
    static func field(_ key: String, _ kind: RecordKind?) -> Field? {
        guard let kind else { return nil }
        let name = kind.linkSets.first { $0.key == key }?.field
        return kind.fields.first { $0.column == key && $0.isStored || $0.name == (name ?? key) }
    }

    /// A stored column's name for people: its field's label, else the label of the column the
    /// kind shows it under (an order's 响应时限（分钟）), else one of the values drc works out
    /// and keeps beside the fields (whether a service level was met, the policy held against).
    private static func label(_ key: String, _ kind: RecordKind?) -> Term? {
        if let field = field(key, kind) { return field.label }
        if let label = kind?.columns.first(where: { $0.header == key })?.label { return label }
        return derivedLabels[key]
    }

    static let derivedLabels: [String: Term] = {
        var labels: [String: Term] = ["sla_policy_id": RecordKind.servicePolicy.noun]
        for measure in ServiceMeasure.allCases { labels["\(measure.rawValue)_met"] = ServiceLevelWords.met(measure) }
        return labels
    }()

    /// A value as the summary shows it: ∅ for NULL, a choice by its word, and a reference with
    /// the name of what it refers to (`unit_id=7 (财政局/办公室)`), while that record exists.
    private static func show(_ value: SQLiteValue, key: String, kind: RecordKind?, _ db: Connection) throws -> HistoryValue {
        guard value != .null else { return .unknown }
        let field = kind?.fields.first { $0.column == key && $0.isStored }
        if case .text(let text) = value, case .choice(let choices)? = field?.type, let choice = choices.first(where: { $0.value == text }) {
            return .word(key: text, choice.term)
        }
        guard case .integer(let id) = value, let target = field?.referencedKind.map(RecordKinds.kind),
              let name = try referenceName(id, of: target, db) else { return .text(value.displayText) }
        return .reference(id: id, name: name)
    }

    private static func referenceName(_ id: Int64, of kind: RecordKind, _ db: Connection) throws -> String? {
        guard let title = kind.titleSQL("x") else { return nil }
        return try db.scalar("SELECT \(title) FROM \(kind.table) AS x WHERE x.id = ?", id)?.string
    }
}
