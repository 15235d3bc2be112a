import SQLiteDB
import Workbook

/// Writes records as CSV or JSON, row by row straight from the statement to the output, so
/// memory stays flat whatever the size; or as an .xlsx workbook of one sheet (assembled in
/// memory, at most a worksheet's 1,048,576 rows), text as text and numbers as numbers. The columns are the kind's fields, references by
/// name: what `import` reads, so an export imported into an empty database exports the same.
public struct Exporter {
    public enum Format: String, CaseIterable, Sendable {
        case csv, json, xlsx
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
    /// The language of the CSV header: the fields' names (`opened`) or Chinese labels (`报修时间`);
    /// `import` reads both. JSON keys are always the names: a machine interface.
    let headers: Language

    public init(store: Store, kind: RecordKind, filters: [String: String] = [:], format: Format = .csv, forExcel: Bool = false,
                headers: Language = .en) {
        self.headers = headers
        db = store.db
        self.kind = kind
        self.filters = filters
        self.format = format
        self.forExcel = forExcel
    }

    /// Writes every matching record; returns how many.
    @discardableResult
    public func run(to sink: OutputSink, progress: ((Int) -> Void)? = nil) throws -> Int {
        try write(to: sink, progress: progress)
    }

    /// Writes every matching record into memory (a preview, a test); returns how many.
    @discardableResult
    public func run(to sink: MemorySink) throws -> Int {
        try write(to: sink, progress: nil)
    }

    /// One body for both sinks, specialised for each inside this module, so the file export's
    /// loop makes no dynamic calls.
    private func write<Sink: ByteSink>(to sink: Sink, progress: ((Int) -> Void)?) throws -> Int {
        let columns = Self.columns(for: kind)
        let (conditions, values) = try RecordRepository(db: db, kind: kind, actor: "", clock: .system).filterClause(filters)
        var sql = "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(kind.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY r.id"
        let statement = try db.prepare(sql)
        try statement.bind(values)
        let cells = CSVCellWriter(guardFormulas: forExcel, crlf: forExcel)
        if forExcel && format != .xlsx { try sink.write("\u{FEFF}") }
        var count = 0
        switch format {
        case .csv:
            let names = headers == .zh ? [Self.idColumn.header] + kind.fields.map(\.label.zh) : columns.map(\.header)
            try cells.row(names, to: sink)
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
        case .xlsx:
            var workbook = WorkbookWriter(sheetName: kind.noun.text(in: headers, count: 2))
            let names = headers == .zh ? [Self.idColumn.header] + kind.fields.map(\.label.zh) : columns.map(\.header)
            do {
                try workbook.header(names)
                while try statement.step() {
                    var cells: [WorkbookWriter.Cell] = []
                    cells.reserveCapacity(columns.count)
                    for (index, column) in columns.enumerated() {
                        if statement.isNull(at: index) { cells.append(.empty); continue }
                        switch column.value {
                        case .text: cells.append(.text(statement.text(at: index) ?? ""))
                        case .number: cells.append(.number(statement.text(at: index) ?? ""))
                        case .money: cells.append(.amount(Money.yuan(statement.int64(at: index))))
                        }
                    }
                    try workbook.row(cells)
                    count += 1
                    if count % 65_536 == 0 { progress?(count) }
                }
                let bytes = try workbook.bytes()
                try bytes.withUnsafeBufferPointer { try sink.write($0) }
            } catch let error as WorkbookError {
                throw DRCError(error, sourceName: kind.commandPlural)
            }
        }
        progress?(count)
        return count
    }

    /// The record's id, first: a clerk who corrects rows in a spreadsheet imports them back with
    /// `--update`, and the id names the record each row is. (`import` reads it in either language.)
    static let idColumn = Column(header: "id", sql: "r.id", value: .number)

    /// The id, then the kind's fields as export columns, references written as the name `import` resolves.
    static func columns(for kind: RecordKind) -> [Column] {
        [idColumn] + kind.fields.map { field in
            if let link = kind.linkSets.first(where: { $0.field == field.name }) {
                // A project's vendors, by name, in the order they were linked.
                let target = RecordKinds.kind(link.targetKind)
                return Column(header: field.name, sql: """
                    (SELECT group_concat(name, '、') FROM (SELECT \(target.titleSQL("x") ?? "x.id") AS name FROM \(link.table) AS l \
                    JOIN \(target.table) AS x ON x.id = l.\(link.targetColumn) WHERE l.\(link.ownerColumn) = r.id ORDER BY x.id))
                    """, value: .text)
            }
            if let children = kind.childSet(named: field.name) {
                return Column(header: field.name, sql: children.cellSQL(owner: "r.id"), value: .text)
            }
            let column = "r.\(field.column)"
            switch field.type {
            case .money:
                return Column(header: field.name, sql: column, value: .money)
            case .count, .year:
                return Column(header: field.name, sql: column, value: .number)
            case .reference, .flag, .text, .choice, .timestamp, .creditCode, .decimal, .children:
                return Column(header: field.name, sql: FieldSQL.display(field, column: column), value: .text)
            }
        }
    }
}
