import SQLiteDB

/// Create, read, list, update and delete for any kind of record, with every value validated
/// before anything is written, the change and its history in one transaction, and SQLite's
/// constraint failures turned into errors that name the field.
public struct RecordRepository {
    public let kind: RecordKind
    let db: Connection
    let actor: String
    let clock: Clock

    public init(store: Store, kind: RecordKind, actor: String) {
        self.init(db: store.db, kind: kind, actor: actor, clock: store.clock)
    }

    public init(db: Connection, kind: RecordKind, actor: String, clock: Clock) {
        self.kind = kind
        self.db = db
        self.actor = actor
        self.clock = clock
    }

    var history: HistoryLog { HistoryLog(db: db, actor: actor, at: clock.now()) }

    // MARK: Writing

    /// Adds a record from field values as typed (field name → text); returns its id.
    @discardableResult
    public func add(_ input: [String: String]) throws -> Int64 {
        try adding(input).value
    }

    /// Adds a record; returns its id and the warnings about it (a year still to come …).
    public func adding(_ input: [String: String]) throws -> Written<Int64> {
        try db.transaction { try inserting(input, history: true, arrival: .add) }
    }

    /// Adds inside the caller's transaction (imports and the seed batch many adds in one);
    /// without `history` the caller records the batch (`HistoryLog.recordBatch`). The caller
    /// records arrival events too, for the whole batch (`StatusEvents.recordArrivals`).
    @discardableResult
    public func insert(_ input: [String: String], history recorded: Bool = true, note: String? = nil) throws -> Int64 {
        try inserting(input, history: recorded, note: note).value
    }

    private func inserting(_ input: [String: String], history recorded: Bool, note: String? = nil,
                           arrival: Arrival? = nil) throws -> Written<Int64> {
        var (values, links, children) = try parse(input)
        for field in kind.fields where field.isStored && (values[field.column] ?? .null) == .null {
            if let defaultValue = field.defaultValue { values[field.column] = defaultValue }
        }
        for rule in kind.rules { try rule(&values, nil, db) }
        try checkRequired(values)
        let columns = kind.fields.filter(\.isStored).map(\.column).filter { values[$0] != nil }
        let sql = "INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try translatingConstraints(values) { try db.run(sql, columns.map { values[$0] ?? .null }) }
        let id = db.lastInsertRowID
        for linkSet in kind.linkSets {
            if let ids = links[linkSet.field] { try linkSet.replace(owner: id, of: kind, with: ids, db: db) }
        }
        for childSet in kind.childSets {
            if let rows = children[childSet.field] { try childSet.replace(owner: id, with: rows, db: db) }
        }
        // The arrival event first: an order's service levels read its events.
        let now = clock.now()
        if let arrival, let lifecycle = kind.lifecycle, values[lifecycle.statusColumn]?.string != lifecycle.starting {
            try StatusEvents(db: db, actor: actor).recordArrivals(kind: kind, ids: id...id, how: arrival, recordedAt: now)
        }
        try kind.afterWrite?(db, id)
        // One moment for the history entry and the arrival event.
        if recorded {
            try HistoryLog(db: db, actor: actor, at: now).record(
                .insert, kind: kind, id: id, old: nil, new: try HistoryLog.snapshot(db, kind: kind, id: id), note: note)
        }
        return Written(id, warnings: RecordWarnings.check(kind: kind, id: id, values: values, existing: nil, now: now))
    }

    /// Changes the given fields and clears (sets to unknown) the `clearing` ones.
    /// Returns false when the values given are the ones already stored.
    @discardableResult
    public func edit(_ id: Int64, set input: [String: String], clearing: [String] = []) throws -> Bool {
        try editing(id, set: input, clearing: clearing).value
    }

    /// Edits a record; returns whether anything changed, and the warnings about the change.
    public func editing(_ id: Int64, set input: [String: String], clearing: [String] = [], note: String? = nil) throws -> Written<Bool> {
        guard kind.capabilities.contains(.editable) else { throw DRCError.notAllowed(kind: kind.id, action: .edit) }
        guard !input.isEmpty || !clearing.isEmpty else { throw DRCError.nothingToChange }
        return try db.transaction {
            let existing = try row(id)
            let before = try HistoryLog.snapshot(db, kind: kind, id: id)
            guard !stands(existing) else { throw DRCError.notAllowed(kind: kind.id, action: .edit) }
            var (values, links, children) = try parse(input, existing: existing)
            for name in clearing {
                guard let field = kind.field(named: name) else { throw unknownField(name) }
                guard !field.required else {
                    throw DRCError.invalid(field: name, value: "", reason: .requiredNotCleared)
                }
                if kind.childSet(named: name) != nil {
                    children[name] = []
                } else if field.isStored {
                    values[field.column] = .null
                } else {
                    links[name] = []
                }
            }
            var merged: [String: SQLiteValue] = [:]
            for field in kind.fields where field.isStored { merged[field.column] = existing[field.column] }
            merged.merge(values) { $1 }
            // A value taken from another field (an order's year, from its opened date) cannot
            // be cleared while that field has a value: the rules would only put it back.
            for name in clearing {
                if let source = kind.field(named: name)?.derivedFrom.flatMap(kind.field(named:)),
                   (merged[source.column] ?? .null) != .null {
                    throw DRCError.followsAnotherField(field: name, source: source.name)
                }
            }
            for rule in kind.rules { try rule(&merged, existing, db) }
            try checkRequired(merged)
            let changed = kind.fields.filter(\.isStored).map(\.column).filter { merged[$0] != existing[$0] }
            if !changed.isEmpty {
                let sql = "UPDATE \(kind.table) SET \(changed.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
                try translatingConstraints(merged) { try db.run(sql, changed.map { merged[$0] ?? .null } + [.integer(id)]) }
            }
            for linkSet in kind.linkSets {
                if let ids = links[linkSet.field] { try linkSet.replace(owner: id, of: kind, with: ids, db: db) }
            }
            for childSet in kind.childSets {
                if let rows = children[childSet.field] { try childSet.replace(owner: id, with: rows, db: db) }
            }
            try kind.afterWrite?(db, id)
            let after = try HistoryLog.snapshot(db, kind: kind, id: id)
            // Links replaced by the same ones are no change either.
            guard after != before else { return Written(false) }
            try history.record(.update, kind: kind, id: id, old: before, new: after, note: note)
            return Written(true, warnings: RecordWarnings.check(kind: kind, id: id, values: merged, existing: existing,
                                                                    now: clock.now()))
        }
    }

    /// Moves a record through its kind's lifecycle: `action` from the status it stands in, at
    /// `at` (any form `TimeInput` reads; default now), with `input` set besides (what was done, on
    /// a solve). The same path as every write: the kind's rules on the record as it will stand,
    /// the row, the status event, what follows the write, and one history entry noting `note`.
    /// Returns the status reached, and the warnings about it.
    public func transition(_ id: Int64, _ action: String, at: String? = nil, setting input: [String: String] = [:],
                           note: HistoryNote? = nil) throws -> Written<String> {
        guard let lifecycle = kind.lifecycle else { throw DRCError.notAllowed(kind: kind.id, action: .edit) }
        var stamp: String?
        if let at {
            switch TimeInput.parse(at) {
            case .success(let date): stamp = date.text
            case .failure(let error): throw DRCError.invalid(field: "at", value: at, reason: error.reason)
            }
        }
        return try db.transaction {
            // One moment for the stamp, the event and the history entry.
            let now = clock.now()
            let existing = try row(id)
            let before = try HistoryLog.snapshot(db, kind: kind, id: id)
            let current = existing.string(lifecycle.statusColumn) ?? lifecycle.starting
            guard let next = lifecycle.next(current, action) else {
                throw DRCError.illegalTransition(id: id, from: current, to: action, allowed: lifecycle.allowed(from: current))
            }
            let when = stamp ?? now.minute
            var (values, _, _) = try parse(input, existing: existing)
            for (column, value) in lifecycle.stamps(reaching: next, at: when) {
                values[column] = value.map(SQLiteValue.text) ?? .null
            }
            var merged: [String: SQLiteValue] = [:]
            for field in kind.fields where field.isStored { merged[field.column] = existing[field.column] }
            merged.merge(values) { $1 }
            // The rules judge the record as it will stand (a close cannot predate the opening);
            // its status is the transition's own to change, so they see the one it stands in.
            for rule in kind.rules { try rule(&merged, existing, db) }
            try checkRequired(merged)
            merged[lifecycle.statusColumn] = .text(next)
            let changed = kind.fields.filter(\.isStored).map(\.column).filter { merged[$0] != existing[$0] }
            if !changed.isEmpty {
                let sql = "UPDATE \(kind.table) SET \(changed.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
                try translatingConstraints(merged) { try db.run(sql, changed.map { merged[$0] ?? .null } + [.integer(id)]) }
            }
            try StatusEvents(db: db, actor: actor).record(kind: kind, id: id, action: action, from: current, to: next, at: when, recordedAt: now)
            // The event may answer the record or pause it (an order's first assign, a pend).
            try kind.afterWrite?(db, id)
            try HistoryLog(db: db, actor: actor, at: now).record(
                .update, kind: kind, id: id, old: before, new: try HistoryLog.snapshot(db, kind: kind, id: id), note: note?.stored)
            // Warned about as a change of the record as it stood, its status apart: reaching a
            // status is not an edit of a record that stood closed.
            let standing = existing.replacing(lifecycle.statusColumn, with: .text(next))
            return Written(next, warnings: RecordWarnings.check(kind: kind, id: id, values: merged, existing: standing, now: now))
        }
    }

    /// Deletes a record unless others refer to it; the refusal says what refers to it.
    public func delete(_ id: Int64) throws {
        guard kind.capabilities.contains(.deletable) else { throw DRCError.notAllowed(kind: kind.id, action: .delete) }
        try db.transaction {
            let existing = try HistoryLog.snapshot(db, kind: kind, id: id)
            guard existing != nil else { throw DRCError.notFound(kind: kind.id, reference: "#\(id)") }
            guard !stands(try row(id)) else { throw DRCError.notAllowed(kind: kind.id, action: .delete) }
            let references = try referencesTo(id)
            guard references.isEmpty else {
                throw DRCError.deleteRefused(kind: kind.id, id: id, referredBy: references)
            }
            // Its children go with it; the history entry keeps them for a restore.
            for childSet in kind.childSets {
                try db.run("DELETE FROM \(childSet.table) WHERE \(childSet.ownerColumn) = ?", id)
            }
            try translatingConstraints([:]) { try db.run("DELETE FROM \(kind.table) WHERE id = ?", id) }
            try kind.afterWrite?(db, id)
            try history.record(.delete, kind: kind, id: id, old: existing, new: nil)
        }
    }

    /// Whether a stored record stands: an append-only kind's always, an editable kind's once
    /// its `standsWhen` says so (a payment, once paid).
    func stands(_ row: Row) -> Bool {
        kind.reversal != nil && (!kind.capabilities.contains(.editable) || kind.standsWhen?(row) == true)
    }

    // MARK: Reading

    public func resolve(_ reference: String) throws -> Int64 {
        try ReferenceResolver(db: db).resolve(reference, kind: kind)
    }

    /// The stored row, every column.
    public func row(_ id: Int64) throws -> Row {
        guard let row = try db.rows("SELECT * FROM \(kind.table) WHERE id = ?", id).first else {
            throw DRCError.notFound(kind: kind.id, reference: "#\(id)")
        }
        return row
    }

    /// The records matching `filters` (filter name → text), as the listing shows them.
    public func list(filters: [String: String] = [:], amountsInWan: Bool = false, limit: Int? = nil) throws -> ResultTable {
        let (conditions, values) = try filterClause(filters)
        let columns = kind.columns.filter(\.listed)
        var sql = "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(kind.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY r.id"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        return try table(sql, values, columns: columns, amountsInWan: amountsInWan)
    }

    /// One page of the records matching `filters`, sorted by a listed column (its key, as
    /// `columns` names it; nil sorts by id) and then by id, so pages never overlap. The page's
    /// ids are chosen first and only their rows are read and joined: sorting every match's whole
    /// joined row to keep fifty was most of a list page's time.
    public func page(filters: [String: String] = [:], sortBy: String? = nil, descending: Bool = false,
                     limit: Int, offset: Int) throws -> ResultTable {
        let (conditions, values) = try filterClause(filters)
        let columns = kind.columns.filter(\.listed)
        var order = "r.id"
        if let sortBy {
            guard let column = columns.first(where: { $0.header == sortBy }) else {
                throw DRCError.invalid(field: "sort", value: sortBy, reason: .notAField(kind: kind.id, fields: columns.map(\.header)))
            }
            order = "\(column.sql) IS NULL, \(column.sql)"
        }
        let direction = descending ? " DESC" : ""
        let ordering = "ORDER BY \(order)\(direction), r.id\(direction)"
        var ids = "SELECT r.id FROM \(kind.from)"
        if !conditions.isEmpty { ids += " WHERE " + conditions.joined(separator: " AND ") }
        ids += " \(ordering) LIMIT \(max(0, limit)) OFFSET \(max(0, offset))"
        let sql = "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(kind.from) WHERE r.id IN (\(ids)) \(ordering)"
        return try table(sql, values, columns: columns, amountsInWan: false)
    }

    /// How many records match `filters`: what `list` would show without a limit.
    public func count(filters: [String: String] = [:]) throws -> Int64 {
        let (conditions, values) = try filterClause(filters)
        var sql = "SELECT count(*) FROM \(kind.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try db.scalar(sql, values)?.int64 ?? 0
    }

    /// The WHERE conditions and their values for `filters` (filter name → text).
    public func filterClause(_ filters: [String: String]) throws -> (conditions: [String], values: [SQLiteValue]) {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        let parser = FieldParser(db: db)
        for (name, raw) in filters.sorted(by: { $0.key < $1.key }) {
            guard let filter = kind.filters.first(where: { $0.name == name }) else {
                throw DRCError.invalid(field: name, value: raw, reason: .notAFilter(kind: kind.id))
            }
            let value = try parser.parse(raw, for: filter.field)
            let placeholders = filter.sql.filter { $0 == "?" }.count
            conditions.append(filter.sql)
            values += Array(repeating: value, count: placeholders)
        }
        return (conditions, values)
    }

    /// One record with every column, as a one-row table.
    public func show(_ id: Int64, amountsInWan: Bool = false) throws -> ResultTable {
        _ = try row(id)
        let sql = "SELECT \(kind.columns.map(\.sql).joined(separator: ", ")) FROM \(kind.from) WHERE r.id = ?"
        return try table(sql, [.integer(id)], columns: kind.columns, amountsInWan: amountsInWan)
    }

    private func table(_ sql: String, _ values: [SQLiteValue], columns: [RecordKind.Column], amountsInWan: Bool) throws -> ResultTable {
        let statement = try db.prepare(sql)
        try statement.bind(values)
        var result = ResultTable(columns: columns.map(\.header), headings: columns.map(\.label))
        while try statement.step() {
            result.rows.append(columns.enumerated().map { index, column in
                let value = statement.value(at: index)
                switch (column.format, value) {
                case (_, .null): return .null
                case (.money, .integer(let fen)): return .number(amountsInWan ? Money.wan(fen) : Money.yuan(fen))
                case (.number, _), (.money, _): return .number(value.displayText)
                case (.choice(let choices), .text(let key)):
                    return choices.first { $0.value == key }.map { .word(key: key, $0.term) } ?? .text(key)
                case (.flag, .integer(let flag)): return flag == 1 ? .word(key: "yes", TableWords.yes) : .word(key: "no", TableWords.no)
                case (.text, _), (.choice, _), (.flag, _): return .text(value.displayText)
                }
            })
        }
        return result
    }

    // MARK: Helpers

    /// Parses the values given; references with a scope are resolved last, among the records
    /// that share the scope's values with this one (from the input, else the stored row).
    private func parse(_ input: [String: String], existing: Row? = nil)
        throws -> (stored: [String: SQLiteValue], links: [String: [Int64]], children: [String: [[String: SQLiteValue]]]) {
        let parser = FieldParser(db: db)
        var stored: [String: SQLiteValue] = [:]
        var links: [String: [Int64]] = [:]
        var children: [String: [[String: SQLiteValue]]] = [:]
        var scoped: [(Field, String)] = []
        for (name, raw) in input.sorted(by: { $0.key < $1.key }) {
            guard let field = kind.field(named: name) else { throw unknownField(name) }
            if let childSet = kind.childSet(named: name) {
                children[name] = try childSet.parse(raw, using: parser)
            } else if let linkSet = kind.linkSets.first(where: { $0.field == name }) {
                links[name] = try linkSet.parse(raw, using: parser.resolver)
            } else if !field.scope.isEmpty {
                scoped.append((field, raw))
            } else {
                stored[field.column] = try parser.parse(amountInItsMeasure(raw, field: field, input: input, existing: existing), for: field)
            }
        }
        for (field, raw) in scoped {
            let context = field.scope.map { stored[$0] ?? existing?[$0] ?? .null }
            stored[field.column] = try scopedReference(raw, field: field, context: context) ?? parser.parse(raw, for: field)
        }
        return (stored, links, children)
    }

    /// A value typed as an amount (118.2万) for a field measured in 元 or 万元 (`Field.amountIn`),
    /// as the decimal of that unit; anything else as typed.
    private func amountInItsMeasure(_ raw: String, field: Field, input: [String: String], existing: Row?) -> String {
        guard let unitField = field.amountIn.flatMap(kind.field(named:)),
              let measure = Money.Measure(input[unitField.name] ?? existing?.string(unitField.column)),
              let decimal = measure.decimal(typed: raw.trimmingSpaces()) else { return raw }
        return decimal
    }

    /// The one record of the referenced kind with this exact title and the same scope values.
    private func scopedReference(_ raw: String, field: Field, context: [SQLiteValue]) throws -> SQLiteValue? {
        guard let target = field.referencedKind.map(RecordKinds.kind), let title = target.titleColumn,
              !context.contains(.null) else { return nil }
        let conditions = ([title] + field.scope).map { "\($0) = ?" }.joined(separator: " AND ")
        let ids = try db.rows("SELECT id FROM \(target.table) WHERE \(conditions) LIMIT 2", [.text(raw.trimmingSpaces())] + context)
        return ids.count == 1 ? ids[0]["id"] : nil
    }

    private func unknownField(_ name: String) -> DRCError {
        .invalid(field: name, value: "", reason: .notAField(kind: kind.id, fields: kind.fields.map(\.name)))
    }

    private func checkRequired(_ values: [String: SQLiteValue]) throws {
        for field in kind.fields where field.required && field.isStored && (values[field.column] ?? .null) == .null {
            throw DRCError.invalid(field: field.name, value: "", reason: .required)
        }
    }

    /// Rows elsewhere whose foreign keys refuse this record's deletion, counted per table.
    private func referencesTo(_ id: Int64) throws -> [Referrers] {
        let keys = try db.rows(
            """
            SELECT m.name AS tbl, f."from" AS col FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND f."table" = ? AND f.on_delete IN ('RESTRICT', 'NO ACTION')
            ORDER BY m.name, f."from"
            """, kind.table)
        var found: [Referrers] = []
        let ownChildren = Set(kind.childSets.map(\.table))
        for key in keys {
            guard let table = key.string("tbl"), let column = key.string("col"), !ownChildren.contains(table) else { continue }
            let count = try db.scalar("SELECT count(*) FROM \(table) WHERE \(column) = ?", id)?.int64 ?? 0
            if count > 0 { found.append(Referrers(noun: RecordKinds.noun(table: table), count: count)) }
        }
        return found
    }

    /// Runs a write, turning a constraint failure into an error that names the field.
    func translatingConstraints(_ values: [String: SQLiteValue], _ write: () throws -> Void) throws {
        do {
            try write()
        } catch let error as SQLiteError where error.primaryCode == SQLiteCode.constraint {
            if error.extendedCode == SQLiteCode.constraintUnique {
                let columns = error.message.split(separator: ":").last.map {
                    $0.split(separator: ",").map { $0.split(separator: ".").last.map(String.init)?.trimmingSpaces() ?? "" }
                } ?? []
                var fields = columns.compactMap { column in kind.fields.first { $0.column == column }?.name }
                // Each key's value as a clerk knows it: a vendor by its name, not its id.
                var value = columns.map { kind.shownValue(column: $0, values[$0], db: db) }.joined(separator: ", ")
                if fields.count != columns.count, let title = kind.titleColumn {
                    // An index on an expression (a name unique among siblings) names no columns.
                    fields = [kind.fields.first { $0.column == title }?.name ?? title]
                    value = values[title]?.displayText ?? ""
                }
                throw DRCError.duplicate(kind: kind.id, field: fields.joined(separator: ", "), value: value)
            }
            if error.extendedCode == SQLiteCode.constraintForeignKey {
                throw DRCError.invalid(field: kind.name, value: "", reason: .referenceMissing)
            }
            throw DRCError.invalid(field: kind.name, value: "", reason: .breaksRule(error.message))
        }
    }
}
