import SQLiteDB

/// The import batches: each import that wrote is recorded (file, fingerprint, when, who, what
/// it did), can be listed, and can be undone: what it added removed, what it updated put back,
/// with history; refused, with the reason, when later changes depend on those records.
public struct ImportBatches {
    let db: Connection

    public init(db: Connection) {
        self.db = db
    }

    /// A batch as the table keeps it.
    public struct Batch: Sendable, Equatable {
        public let id: Int64
        public let kind: RecordKind.ID
        public let fileName: String
        public let fingerprint: String
        public let at: String
        public let actor: String
        public let created: ClosedRange<Int64>?
        public let added: Int64
        public let unchanged: Int64
        public let updated: Int64
        public let rejected: Int64
        public let historyID: Int64
        public let undoneAt: String?
        public let undoneBy: String?

        init(_ row: Row) {
            id = row.int64("id") ?? 0
            kind = RecordKind.ID(rawValue: row.string("kind") ?? "")
            fileName = row.string("file_name") ?? ""
            fingerprint = row.string("fingerprint") ?? ""
            at = row.string("at") ?? ""
            actor = row.string("actor") ?? ""
            if let first = row.int64("first_id"), let last = row.int64("last_id"), first <= last { created = first...last } else { created = nil }
            added = row.int64("added") ?? 0
            unchanged = row.int64("unchanged") ?? 0
            updated = row.int64("updated") ?? 0
            rejected = row.int64("rejected") ?? 0
            historyID = row.int64("history_id") ?? 0
            undoneAt = row.string("undone_at")
            undoneBy = row.string("undone_by")
        }
    }

    /// What an import wrote, for its batch row.
    struct NewBatch {
        let kind: RecordKind.ID
        let fileName: String
        let fingerprint: String
        let created: ClosedRange<Int64>?
        let summary: ImportSummary
        let historyID: Int64
        let updates: [(id: Int64, history: Int64)]
    }

    /// Records a batch inside the import's transaction; returns its number.
    func record(_ batch: NewBatch, actor: String, at: Moment) throws -> Int64 {
        try db.run(
            """
            INSERT INTO import_batch (kind, file_name, fingerprint, at, actor, first_id, last_id, added, unchanged, updated,
                                      rejected, history_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(batch.kind.rawValue), .text(batch.fileName), .text(batch.fingerprint), .text(at.stamp), .text(actor),
             batch.created.map { .integer($0.lowerBound) } ?? .null, batch.created.map { .integer($0.upperBound) } ?? .null,
             .integer(Int64(batch.summary.written)), .integer(Int64(batch.summary.unchanged)),
             .integer(Int64(batch.summary.updated)), .integer(Int64(batch.summary.rejected)), .integer(batch.historyID)])
        let id = db.lastInsertRowID
        // A record updated twice by one file keeps its first entry: the values from before the batch.
        for update in batch.updates {
            try db.run("INSERT OR IGNORE INTO import_batch_update (batch_id, record_id, history_id) VALUES (?, ?, ?)",
                       id, update.id, update.history)
        }
        return id
    }

    /// The batch, not undone, that imported a file with this fingerprint, if any.
    public func imported(fingerprint: String) throws -> Batch? {
        try db.rows("SELECT * FROM import_batch WHERE fingerprint = ? AND undone_at IS NULL ORDER BY id LIMIT 1", fingerprint)
            .first.map(Batch.init)
    }

    public func all() throws -> [Batch] {
        try db.rows("SELECT * FROM import_batch ORDER BY id").map(Batch.init)
    }

    /// The batches as a table: number, when, who, kind, file, fingerprint (its first 12 digits,
    /// as a Git commit is shortened), counts, and when it was undone.
    public func table() throws -> ResultTable {
        let words: [(String, Term)] = [
            ("batch", Term(zh: "批次", en: "batch")), ("at", Term(zh: "导入时间", en: "at")), ("actor", Term(zh: "操作人", en: "actor")),
            ("kind", Term(zh: "记录类型", en: "kind")), ("file", Term(zh: "文件", en: "file")),
            ("fingerprint", Term(zh: "指纹", en: "fingerprint")), ("added", Term(zh: "新增", en: "added")),
            ("unchanged", Term(zh: "未变", en: "unchanged")), ("updated", Term(zh: "更新", en: "updated")),
            ("rejected", Term(zh: "拒收", en: "rejected")), ("undone", Term(zh: "撤销时间", en: "undone")),
        ]
        let rows: [[ResultTable.Cell]] = try all().map { batch in
            let noun = RecordKinds.noun(of: batch.kind)
            return [.number(String(batch.id)), .text(batch.at), .text(batch.actor),
                    .word(key: batch.kind.rawValue, Term(zh: noun.zh, en: noun.en)), .text(batch.fileName),
                    .text(String(batch.fingerprint.prefix(12))), .number(String(batch.added)), .number(String(batch.unchanged)),
                    .number(String(batch.updated)), .number(String(batch.rejected)), ResultTable.Cell(batch.undoneAt)]
        }
        return ResultTable(columns: words.map(\.0), headings: words.map(\.1), rows: rows)
    }

    /// What an undo did.
    public struct Undone: Sendable, Equatable {
        public let batch: Int64
        public let kind: RecordKind.ID
        public let removed: Int64
        public let reverted: Int64
    }

    /// Undoes batch `reference` (its number): removes the records it added, puts back the values
    /// of those it updated, and marks it undone, all in one transaction with history. Refused
    /// when a record it added or updated was changed after it, or is referred to now.
    public func undo(_ reference: String, actor: String, clock: Clock) throws -> Undone {
        let digits = reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
        return try db.transaction {
            guard let number = Int64(digits),
                  let batch = try db.rows("SELECT * FROM import_batch WHERE id = ?", number).first.map(Batch.init)
            else { throw DRCError.noSuchBatch(reference: reference) }
            if let undoneAt = batch.undoneAt { throw DRCError.undoRefused(batch: batch.id, reason: .alreadyUndone(at: undoneAt)) }
            let kind = RecordKinds.kind(batch.kind)
            try refuseLaterChanges(batch)
            if let created = batch.created { try refuseReferences(batch, kind: kind, created: created) }
            let now = clock.now()
            let history = HistoryLog(db: db, actor: actor, at: now)
            let note = HistoryNote.undoneBatch(batch: batch.id).stored
            var reverted: Int64 = 0
            for update in try db.rows("SELECT record_id, history_id FROM import_batch_update WHERE batch_id = ? ORDER BY record_id", batch.id) {
                guard let id = update.int64("record_id"), batch.created?.contains(id) != true,
                      let kept = try db.scalar("SELECT old_values FROM history WHERE id = ?", update["history_id"])?.string
                else { continue }
                try revert(kind: kind, id: id, to: kept, history: history, note: note)
                reverted += 1
            }
            var removed: Int64 = 0
            if let created = batch.created {
                let range: [SQLiteValue] = [.integer(created.lowerBound), .integer(created.upperBound)]
                for childSet in kind.childSets {
                    try db.run("DELETE FROM \(childSet.table) WHERE \(childSet.ownerColumn) BETWEEN ? AND ?", range)
                }
                for link in kind.linkSets {
                    try db.run("DELETE FROM \(link.table) WHERE \(link.ownerColumn) BETWEEN ? AND ?", range)
                }
                try db.run("DELETE FROM status_event WHERE kind = ? AND record_id BETWEEN ? AND ?", [.text(kind.name)] + range)
                try db.run("DELETE FROM \(kind.table) WHERE id BETWEEN ? AND ?", range)
                removed = Int64(db.changes)
                try history.recordBatch(kind: kind.id, created: created, note: note)
            }
            try db.run("UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?", now.stamp, actor, batch.id)
            return Undone(batch: batch.id, kind: kind.id, removed: removed, reverted: reverted)
        }
    }

    /// The first change recorded after the batch to a record it added or updated.
    private func refuseLaterChanges(_ batch: Batch) throws {
        let first = batch.created?.lowerBound ?? 0
        let last = batch.created?.upperBound ?? -1
        // A later batch's update that was undone, and the undo that put it back, leave the
        // record as this batch left it: they do not count.
        let later = try db.rows(
            """
            SELECT record_id, at, actor FROM history AS h WHERE id > ? AND kind = ? AND action <> 'batch'
              AND (record_id BETWEEN ? AND ? OR record_id IN (SELECT record_id FROM import_batch_update WHERE batch_id = ?))
              AND coalesce(note, '') NOT LIKE ? AND coalesce(note, '') NOT LIKE ?
              AND NOT EXISTS (SELECT 1 FROM import_batch_update AS u JOIN import_batch AS b ON b.id = u.batch_id
                              WHERE u.history_id = h.id AND b.undone_at IS NOT NULL)
            ORDER BY id LIMIT 1
            """, [.integer(batch.historyID), .text(batch.kind.rawValue), .integer(first), .integer(last), .integer(batch.id),
                 ] + HistoryNote.undoPatterns.map(SQLiteValue.text)).first
        if let later, let id = later.int64("record_id") {
            throw DRCError.undoRefused(batch: batch.id, reason: .changedLater(kind: batch.kind, id: id, at: later.string("at") ?? "",
                                                                                actor: later.string("actor") ?? ""))
        }
    }

    /// Records outside the batch that refer to a record it added.
    private func refuseReferences(_ batch: Batch, kind: RecordKind, created: ClosedRange<Int64>) throws {
        let keys = try db.rows(
            """
            SELECT m.name AS tbl, f."from" AS col FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"
            """, kind.table)
        let own = Set(kind.childSets.map(\.table) + kind.linkSets.map(\.table))
        for key in keys {
            guard let table = key.string("tbl"), let column = key.string("col"), !own.contains(table) else { continue }
            // A record of the batch referring to another of the batch goes with it.
            let outside = table == kind.table ? " AND NOT (id BETWEEN ? AND ?)" : ""
            var values: [SQLiteValue] = [.integer(created.lowerBound), .integer(created.upperBound)]
            if table == kind.table { values += values }
            let found = try db.rows(
                "SELECT \(column) AS target, count(*) AS n FROM \(table) WHERE \(column) BETWEEN ? AND ?\(outside) GROUP BY \(column) ORDER BY \(column) LIMIT 1",
                values).first
            if let found, let id = found.int64("target") {
                throw DRCError.undoRefused(batch: batch.id, reason: .referenced(
                    kind: kind.id, id: id, by: [Referrers(noun: RecordKinds.noun(table: table), count: found.int64("n") ?? 1)]))
            }
        }
    }

    /// Puts a record's stored columns back to a history snapshot, with its own history entry.
    private func revert(kind: RecordKind, id: Int64, to kept: String, history: HistoryLog, note: String) throws {
        let before = try HistoryLog.snapshot(db, kind: kind, id: id)
        let columns = Set(kind.fields.filter(\.isStored).map(\.column))
        var assignments: [String] = []
        var values: [SQLiteValue] = []
        for member in try db.rows("SELECT key, value FROM json_each(?)", kept) {
            guard let key = member.string("key"), columns.contains(key) else { continue }
            assignments.append("\(key) = ?")
            values.append(member["value"])
        }
        guard !assignments.isEmpty else { return }
        try db.run("UPDATE \(kind.table) SET \(assignments.joined(separator: ", ")) WHERE id = ?", values + [.integer(id)])
        try history.record(.update, kind: kind, id: id, old: before, new: try HistoryLog.snapshot(db, kind: kind, id: id), note: note)
    }
}
