import SQLiteDB

/// Writes records as CSV or JSON, row by row straight from the statement to the output, so
/// memory stays flat whatever the size. The columns are the kind's fields, references by
/// name: what `import` reads, so an export imported into an empty database exports the same.
public struct Exporter {
    public enum Format: String, CaseIterable, Sendable {
        case csv, json
    }

    /// A column of the export: its header (the field's name), its SQL, and how to write it.
    struct Column {
        enum Value { case text, number, money }
        let header: String
        let sql: String
        let value: Value
    }

    let db: Connection
    let kind: RecordKind
    let filters: [String: String]
    let format: Format
    /// Excel mode: a UTF-8 byte-order mark, CRLF line ends, and formula cells neutralised.
    let forExcel: Bool

    public init(store: Store, kind: RecordKind, filters: [String: String] = [:], format: Format = .csv, forExcel: Bool = false) {
        db = store.db
        self.kind = kind
        self.filters = filters
        self.format = format
        self.forExcel = forExcel
    }

    /// Writes every matching record; returns how many.
    @discardableResult
    public func run(to sink: OutputSink, progress: ((Int) -> Void)? = nil) throws -> Int {
        let columns = Self.columns(for: kind)
        let (conditions, values) = try RecordRepository(db: db, kind: kind, actor: "", clock: .system).filterClause(filters)
        var sql = "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(kind.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY r.id"
        let statement = try db.prepare(sql)
        try statement.bind(values)
        let cells = CSVCellWriter(guardFormulas: forExcel, crlf: forExcel)
        if forExcel { try sink.write("\u{FEFF}") }
        var count = 0
        switch format {
        case .csv:
            try cells.row(columns.map(\.header), to: sink)
            while try statement.step() {
                for (index, column) in columns.enumerated() {
                    if index > 0 { try sink.write(0x2C) }
                    if statement.isNull(at: index) { continue }
                    switch column.value {
                    case .text:
                        try statement.withTextBytes(at: index) { try cells.cell($0, to: sink) }
                    case .number:
                        try statement.withTextBytes(at: index) { try sink.write($0) }
                    case .money:
                        try sink.write(Money.yuan(statement.int64(at: index)))
                    }
                }
                try cells.endRow(sink)
                count += 1
                if count % 65_536 == 0 { progress?(count) }
            }
        case .json:
            try sink.write("[")
            let keys = columns.map { JSONText.string($0.header) + ":" }
            while try statement.step() {
                try sink.write(count == 0 ? "\n  {" : ",\n  {")
                for (index, column) in columns.enumerated() {
                    if index > 0 { try sink.write(",") }
                    try sink.write(keys[index])
                    if statement.isNull(at: index) { try sink.write("null"); continue }
                    switch column.value {
                    case .text: try sink.write(JSONText.string(statement.text(at: index) ?? ""))
                    case .number: try statement.withTextBytes(at: index) { try sink.write($0) }
                    case .money: try sink.write(Money.yuan(statement.int64(at: index)))
                    }
                }
                try sink.write("}")
                count += 1
                if count % 65_536 == 0 { progress?(count) }
            }
            try sink.write(count == 0 ? "]\n" : "\n]\n")
        }
        progress?(count)
        return count
    }

    /// The kind's fields as export columns, references written as the name `import` resolves.
    static func columns(for kind: RecordKind) -> [Column] {
        kind.fields.map { field in
            if !field.isStored {
                // A project's vendors, by name, in the order they were linked.
                return Column(header: field.name, sql: """
                    (SELECT group_concat(name, '、') FROM (SELECT v.name FROM project_vendor AS pv \
                    JOIN vendor AS v ON v.id = pv.vendor_id WHERE pv.project_id = r.id ORDER BY v.id))
                    """, value: .text)
            }
            let column = "r.\(field.column)"
            switch field.type {
            case .reference(let name):
                let target = RecordKinds.named(name)!
                // Names where `import` can resolve them (kinds looked up by name, or a scoped
                // reference such as a budget line's parent); ids otherwise.
                let byName = target.titleColumn != nil && (!target.lookupColumns.isEmpty || !field.scope.isEmpty)
                var label = byName ? "x.\(target.titleColumn!)" : "'#' || x.id"
                if name == "unit" {
                    // A unit whose name is not unique is written with its parent: 中心/办公室.
                    label = UnitName.sql("x")
                }
                return Column(header: field.name, sql: "(SELECT \(label) FROM \(target.table) AS x WHERE x.id = \(column))", value: .text)
            case .money:
                return Column(header: field.name, sql: column, value: .money)
            case .flag:
                return Column(header: field.name, sql: "CASE \(column) WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END", value: .text)
            case .count, .year:
                return Column(header: field.name, sql: column, value: .number)
            case .text, .choice, .timestamp, .creditCode, .decimal:
                return Column(header: field.name, sql: column, value: .text)
            }
        }
    }
}
