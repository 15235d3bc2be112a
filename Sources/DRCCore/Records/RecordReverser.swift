import SQLiteDB

extension RecordRepository {
    /// Corrects an append-only entry the way books are corrected: a new entry that names the
    /// one it reverses and carries its amounts negated, so every sum nets the two to zero and
    /// both stay on record. Returns the reversing entry's id. An entry is reversed once, and a
    /// reversal is not itself reversed (enter the right entry anew instead).
    /// `input` sets fields of the reversing entry that differ from the original's (its date,
    /// its voucher); amounts always come negated from the original.
    @discardableResult
    public func reverse(_ id: Int64, changing input: [String: String] = [:], note: String? = nil) throws -> Int64 {
        guard let reversal = kind.reversal else { throw DRCError.notAllowed(kind: kind.id, action: .reverse) }
        return try db.transaction {
            let original = try row(id)
            guard stands(original) else {
                throw DRCError.reversalRefused(kind: kind.id, id: id, reason: .notStanding)
            }
            guard original[reversal.column] == .null else {
                throw DRCError.reversalRefused(kind: kind.id, id: id, reason: .isAReversal)
            }
            if let earlier = try db.scalar("SELECT id FROM \(kind.table) WHERE \(reversal.column) = ?", id)?.int64 {
                throw DRCError.reversalRefused(kind: kind.id, id: id, reason: .reversedBy(earlier))
            }
            var values: [String: SQLiteValue] = [:]
            for field in kind.fields where field.isStored {
                let value = original[field.column]
                if case .money = field.type, case .integer(let fen) = value {
                    values[field.column] = .integer(-fen)
                } else {
                    values[field.column] = value
                }
            }
            let parser = FieldParser(db: db)
            for (name, raw) in input.sorted(by: { $0.key < $1.key }) {
                guard let field = kind.field(named: name), field.isStored, field.column != reversal.column else {
                    throw DRCError.invalid(field: name, value: raw, reason: .notOnReversal)
                }
                if case .money = field.type {
                    throw DRCError.invalid(field: name, value: raw, reason: .negatedOnReversal)
                }
                values[field.column] = try parser.parse(raw, for: field)
            }
            values[reversal.column] = .integer(id)
            for rule in kind.rules { try rule(&values, nil, db) }
            let columns = values.keys.sorted()
            let sql = "INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            try translatingConstraints(values) { try db.run(sql, columns.map { values[$0] ?? .null }) }
            let reversing = db.lastInsertRowID
            for childSet in kind.childSets {
                let kept = try childSet.children(fromSnapshot: try childSet.snapshot(owner: id, db: db), db: db)
                try childSet.replace(owner: reversing, with: kept, db: db)
            }
            try history.record(.insert, kind: kind, id: reversing, old: nil,
                               new: try HistoryLog.snapshot(db, kind: kind, id: reversing), note: note ?? HistoryNote.reversal(of: id).stored)
            return reversing
        }
    }
}

/// Why an entry cannot be reversed.
public enum ReversalRefusal: Sendable, Equatable {
    /// It is itself a reversal.
    case isAReversal
    /// It was reversed already, by this entry.
    case reversedBy(Int64)
    /// It does not stand yet (a payment not yet paid): it is edited or deleted instead.
    case notStanding
}
