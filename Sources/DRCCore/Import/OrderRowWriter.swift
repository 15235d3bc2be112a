import SQLiteDB

/// Writes validated work orders: one prepared statement, text bound straight from the
/// batch's bytes. For a large load the table's indexes are set aside and rebuilt at the end.
struct OrderRowWriter: RowWriter {
    typealias Column = OrderParser.Column

    let db: Connection
    let insert: Statement
    var tickets: TicketMatcher
    let indexOf: [Int]
    let idIndex: Int
    let statusBytes: [[UInt8]] = WorkOrderStatus.allCases.map { Array($0.rawValue.utf8) }
    let sourceBytes: [UInt8]
    let expectedBytes: Int?
    let bulkLoadMinimumBytes: Int
    /// Secondary indexes set aside for a bulk load, rebuilt by `finish` in the same transaction.
    var setAsideIndexes: [String] = []
    /// The id counter before the import: the floor the counter is given back to after a row
    /// that inserted nothing (see `giveBackID`).
    let counterBefore: Int64
    /// Gives back the id a skipped row drew: `INSERT … ON CONFLICT DO NOTHING` advances
    /// AUTOINCREMENT's counter even when it inserts nothing, so a re-import that added nothing
    /// used up ids no order ever had (an auditor asks where #19–#26 went). The counter is set
    /// to the highest id that exists, never below where it stood before the import, so no id
    /// of a deleted order is ever given again.
    let giveBackID: Statement

    /// The bulk import of work orders (`RecordKind.order`'s `bulkWriter`).
    static let make: BulkWriterFactory = { store, header, options, actor, expectedBytes in
        var parser = try OrderParser(path: store.path)
        try parser.prepare(header: header, format: options.format)
        let writer = try OrderRowWriter(store: store, parser: parser, options: options, actor: actor, expectedBytes: expectedBytes)
        return BulkImport(parser: parser, writer: writer)
    }

    init(store: Store, parser: OrderParser, options: ImportOptions, actor: String, expectedBytes: Int?) throws {
        db = store.db
        counterBefore = try Importer.lastID(store.db, table: "work_order")
        giveBackID = try store.db.prepare("""
            UPDATE sqlite_sequence SET seq = max(?, coalesce((SELECT max(id) FROM work_order), 0)) WHERE name = 'work_order'
            """)
        bulkLoadMinimumBytes = options.bulkLoadMinimumBytes
        indexOf = parser.indexOf
        idIndex = parser.idIndex
        sourceBytes = Array(options.sourceName.utf8)
        self.expectedBytes = expectedBytes
        tickets = TicketMatcher(db: store.db, indexOf: parser.indexOf, update: options.update, actor: actor, clock: store.clock,
                                note: HistoryNote.imported(source: options.sourceName).stored)
        // A row whose vendor already has its ticket inserts nothing (the unique index on vendor
        // and ticket): the matcher then compares it with the stored order.
        insert = try db.prepare("""
            INSERT INTO work_order (year, vendor_id, project_id, category_id, unit_id, status, opened_at, solved_at,
                                    closed_at, summary, solution, source, ticket, requester, phone, contract_id,
                                    priority, responded_at, arrived_at, restored_at, remote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (vendor_id, ticket) WHERE ticket IS NOT NULL DO NOTHING
            """)
    }

    /// Keeping an index current row by row makes a large load slower than building it once at
    /// the end. When the file holds more orders than the table (at about 100 bytes an order),
    /// the indexes are dropped now and rebuilt by `finish`, inside the import's transaction,
    /// so a failed import rolls the drop back too.
    mutating func prepare(header: [String]) throws {
        try db.execute("PRAGMA cache_size = -16384")
        guard let expectedBytes, expectedBytes > bulkLoadMinimumBytes else { return }
        let existing = try db.scalar("SELECT count(*) FROM work_order")?.int64 ?? 0
        guard Int64(expectedBytes / 100) > existing else { return }
        let indexes = try db.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'work_order' AND sql IS NOT NULL")
        for index in indexes {
            // The ticket index stays: it finds the rows that are in the table already.
            guard let name = index.string("name"), let sql = index.string("sql"), name != TicketMatcher.index else { continue }
            try db.execute("DROP INDEX \(name)")
            setAsideIndexes.append(sql)
        }
    }

    mutating func finish(written: Int) throws {
        for sql in setAsideIndexes { try db.execute(sql) }
        setAsideIndexes.removeAll()
    }

    mutating func write(_ row: Int, _ record: RowBatch.Row, _ fields: FieldBytes) throws -> RowOutcome {
        guard let order = record.order else { return .unchanged }
        if idIndex >= 0, let outcome = try tickets.matchID(idIndex, order, fields, row) { return outcome }
        insert.reset()
        try insert.bind(.integer(order.year), at: 1)
        try insert.bind(.integer(order.vendor), at: 2)
        try insert.bind(order.project.map { .integer($0) } ?? .null, at: 3)
        try insert.bind(.integer(order.category), at: 4)
        try insert.bind(order.unit.map { .integer($0) } ?? .null, at: 5)
        try statusBytes[order.status].withUnsafeBufferPointer { try insert.bindText($0, at: 6) }
        try bind(order.opened, at: 7)
        try bind(order.solved, at: 8)
        try bind(order.closed, at: 9)
        try bindText(.summary, fields, row, 10)
        try bindText(.solution, fields, row, 11)
        let sourceIndex = indexOf[Column.source.rawValue]
        if sourceIndex >= 0, fields.withField(row, sourceIndex, { !Trimming.range($0).isEmpty }) {
            try bindText(.source, fields, row, 12)
        } else {
            try sourceBytes.withUnsafeBufferPointer { try insert.bindText($0, at: 12) }
        }
        try bindText(.ticket, fields, row, 13)
        try bindText(.requester, fields, row, 14)
        try bindText(.phone, fields, row, 15)
        try insert.bind(order.contract.map { .integer($0) } ?? .null, at: 16)
        try insert.bind(order.priority.map { .text($0.rawValue) } ?? .null, at: 17)
        try bind(order.responded, at: 18)
        try bind(order.arrived, at: 19)
        try bind(order.restored, at: 20)
        try insert.bind(.integer(order.remote ? 1 : 0), at: 21)
        do {
            _ = try insert.step()
        } catch let error as SQLiteError {
            throw RowError(column: nil, value: nil, reason: .breaksRule(error.message))
        }
        if db.changes > 0 { return .added }
        giveBackID.reset()
        try giveBackID.bind(.integer(counterBefore), at: 1)
        _ = try giveBackID.step()
        return try tickets.match(order, fields, row)
    }

    private func bind(_ stamp: Stamp?, at index: Int) throws {
        guard let stamp else { return try insert.bind(.null, at: index) }
        try stamp.withBytes { try insert.bindText($0, at: index) }
    }

    /// Binds a text column straight from the batch's bytes (they outlive the step); empty is NULL.
    private func bindText(_ column: Column, _ fields: FieldBytes, _ row: Int, _ index: Int) throws {
        let field = indexOf[column.rawValue]
        guard field >= 0 else { return try insert.bind(.null, at: index) }
        try fields.withField(row, field) { bytes in
            let trimmed = Trimming.range(bytes)
            if trimmed.isEmpty { return try insert.bind(.null, at: index) }
            try insert.bindText(UnsafeBufferPointer(rebasing: bytes[trimmed]), at: index, copy: false)
        }
    }
}
