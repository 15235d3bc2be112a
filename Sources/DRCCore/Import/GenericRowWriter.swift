import SQLiteDB

/// Imports any kind of record through its repository, so every rule of `add` applies and each
/// record has its own history entry. Each row runs in a savepoint, so a row refused halfway
/// leaves nothing of itself behind.
struct GenericRowWriter: RowWriter {
    let db: Connection
    let repository: RecordRepository
    var columns: [String?] = []

    let note: String
    /// The file's values for rows that leave a field empty (`--vendor` …), for the kind's fields.
    let defaults: [String: String]

    init(db: Connection, kind: RecordKind, actor: String, clock: Clock, header: [String], sourceName: String,
         defaults: [String: String] = [:]) throws {
        self.db = db
        self.defaults = defaults.filter { kind.field(named: $0.key) != nil && !$0.value.isEmpty }
        repository = RecordRepository(db: db, kind: kind, actor: actor, clock: clock)
        note = HistoryNote.imported(source: sourceName).stored
        columns = try HeaderMap.fieldNames(header, kind: kind, ignoring: ["id"])
    }

    mutating func prepare(header: [String]) throws {}

    mutating func write(_ index: Int, _ row: RowBatch.Row, _ fields: FieldBytes) throws -> RowOutcome {
        var values = defaults
        for (field, name) in columns.enumerated() {
            guard let name else { continue }
            let value = fields.withField(index, field) { String(decoding: $0, as: UTF8.self) }
            if !value.isEmpty { values[name] = value }
        }
        do {
            try db.savepoint { _ = try repository.insert(values, note: note) }
            return .added
        } catch let DRCError.invalid(field, value, reason) {
            throw RowError(column: field, value: value, reason: reason)
        } catch let error as DRCError {
            throw RowError(column: nil, value: nil, problem: .failed(error))
        }
    }

    mutating func finish(written: Int) throws {}
}

/// Matches a header to a kind's fields: `credit_code`, `credit-code`, `Credit Code` and the
/// Chinese label `统一社会信用代码` all name the field `credit-code`; a header may mix them.
/// Unknown and repeated columns are refused before any row, except a rejects file's `reason`
/// column, so that a rejects file, fixed, imports again.
public enum HeaderMap {
    /// The column `--skip-bad` adds to each rejected row (see `RejectsFile`), headed in the
    /// reader's language; either heading is known when a fixed rejects file is imported again.
    public static let reasonHeading = Term(zh: "原因", en: "reason")
    static let reasonColumn = "reason"
    static func isReasonColumn(_ name: String) -> Bool {
        let normalised = normalise(name)
        return normalised == reasonColumn || normalised == reasonHeading.zh
    }

    static func normalise(_ name: String) -> String {
        String(name.trimmingSpaces().lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// The field a header names: by name, column or Chinese label, else by an earlier label.
    static func field(for raw: String, kind: RecordKind) -> Field? {
        let name = normalise(raw)
        let label = raw.trimmingSpaces()
        return kind.field(named: name) ?? kind.fields.first(where: { normalise($0.column) == name || $0.label.zh == label })
            ?? kind.fields.first(where: { $0.aliases.contains(label) })
    }

    /// Columns every import passes over: `id` (an export's, so it imports again) and a rejects
    /// file's reason column.
    static func isSetAside(_ raw: String, kind: RecordKind, ignoring: Set<String> = ["id"]) -> Bool {
        let name = normalise(raw)
        return ignoring.contains(name) || isReasonColumn(name) && kind.field(named: name) == nil
    }

    /// Each column's field, nil for a column passed over. An empty name is a column the
    /// importer set aside (`ColumnPlan`): an empty header cell before a named one is refused there.
    static func fieldNames(_ header: [String], kind: RecordKind, ignoring: Set<String> = []) throws -> [String?] {
        var seen: Set<String> = []
        return try header.enumerated().map { index, raw in
            if raw.isEmpty || isSetAside(raw, kind: kind, ignoring: ignoring) { return nil }
            guard let field = field(for: raw, kind: kind) else {
                throw DRCError.invalid(field: "header", value: raw,
                    reason: .unknownColumn(index: index, kind: kind.id, columns: kind.fields.map(\.name)))
            }
            guard seen.insert(field.name).inserted else {
                throw DRCError.invalid(field: "header", value: raw, reason: .repeatedColumn(index: index, field: field.name))
            }
            return field.name
        }
    }
}
