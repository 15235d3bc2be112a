import SQLiteDB

/// Why a deleted record cannot come back as it was.
public enum RestoreRefusal: Sendable, Equatable {
    /// A record with this id exists (it was never deleted, or was restored already).
    case exists
    /// The history holds no deletion of this record.
    case neverDeleted
    /// It referred to a record that is gone now (restore that one first).
    case missingReference(field: String, kind: RecordKind.ID, id: Int64)
    /// Another record has taken a value that must be unique.
    case duplicate(field: String, value: String)
}

extension RecordRepository {
    /// Re-creates a deleted record, with its id and links, from the values its deletion kept
    /// in the history; recorded as an insert noted "restore". Ids are never reused, so the old
    /// id is still free; what would conflict now is refused with the reason.
    public func restore(_ id: Int64) throws {
        try db.transaction {
            guard try db.scalar("SELECT count(*) FROM \(kind.table) WHERE id = ?", id)?.int64 == 0 else {
                throw DRCError.restoreRefused(kind: kind.id, id: id, reason: .exists)
            }
            let last = try db.rows(
                "SELECT action, old_values FROM history WHERE kind = ? AND record_id = ? AND action <> 'batch' ORDER BY id DESC LIMIT 1",
                kind.name, id).first
            guard last?.string("action") == "delete", let kept = last?.string("old_values") else {
                throw DRCError.restoreRefused(kind: kind.id, id: id, reason: .neverDeleted)
            }
            let tableColumns = Set(try db.rows("SELECT name FROM pragma_table_info(?)", kind.table).compactMap { $0.string("name") })
            var values: [String: SQLiteValue] = [:]
            var links: [String: [Int64]] = [:]
            var children: [String: [[String: SQLiteValue]]] = [:]
            for member in try db.rows("SELECT key, value, type FROM json_each(?)", kept) {
                guard let key = member.string("key") else { continue }
                if let childSet = kind.childSet(named: key), let json = member.string("value") {
                    children[key] = try childSet.children(fromSnapshot: json, db: db)
                } else if kind.linkSets.contains(where: { $0.key == key }) {
                    links[key] = try db.rows("SELECT value FROM json_each(?)", member["value"]).compactMap { $0[0].int64 }
                } else if tableColumns.contains(key) {
                    // Columns added since the deletion take their defaults; dropped ones are left out.
                    values[key] = member["value"]
                }
            }
            values["id"] = .integer(id)
            for field in kind.fields where field.isStored {
                guard let target = field.referencedKind.map(RecordKinds.kind),
                      let referenced = values[field.column]?.int64, referenced != id else { continue }
                try requireExisting(target, referenced, field: field.name, restoring: id)
            }
            let columns = values.keys.sorted()
            let sql = "INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            do {
                try translatingConstraints(values) { try db.run(sql, columns.map { values[$0] ?? .null }) }
            } catch DRCError.duplicate(_, let field, let value) {
                throw DRCError.restoreRefused(kind: kind.id, id: id, reason: .duplicate(field: field, value: value))
            }
            for link in kind.linkSets {
                let target = RecordKinds.kind(link.targetKind)
                for targetID in links[link.key] ?? [] {
                    try requireExisting(target, targetID, field: link.field, restoring: id)
                    try db.run("INSERT INTO \(link.table) (\(link.ownerColumn), \(link.targetColumn)) VALUES (?, ?)", id, targetID)
                }
            }
            for childSet in kind.childSets {
                let kept = children[childSet.field] ?? []
                for child in kept {
                    for field in childSet.fields {
                        guard let target = field.referencedKind.map(RecordKinds.kind), let referenced = child[field.column]?.int64 else { continue }
                        try requireExisting(target, referenced, field: "\(childSet.field) \(field.name)", restoring: id)
                    }
                }
                try childSet.replace(owner: id, with: kept, db: db)
            }
            // What follows from it now (an order's service levels by today's policies).
            try kind.afterWrite?(db, id)
            try history.record(.insert, kind: kind, id: id, old: nil, new: try HistoryLog.snapshot(db, kind: kind, id: id),
                               note: HistoryNote.restore.stored)
        }
    }

    /// Refuses the restore of record `id` when the record it names in `field` is gone.
    private func requireExisting(_ target: RecordKind, _ referenced: Int64, field: String, restoring id: Int64) throws {
        guard try db.scalar("SELECT count(*) FROM \(target.table) WHERE id = ?", referenced)?.int64 == 1 else {
            throw DRCError.restoreRefused(kind: kind.id, id: id,
                                          reason: .missingReference(field: field, kind: target.id, id: referenced))
        }
    }
}
