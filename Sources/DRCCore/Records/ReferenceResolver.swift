import SQLiteDB

/// Finds the one record a clerk means: by exact name or code first, then by id (`42` or
/// `#42`), then by a part of its name. A reference that matches several is an error listing
/// them, never a guess.
public struct ReferenceResolver {
    let db: Connection

    public init(db: Connection) {
        self.db = db
    }

    public func resolve(_ reference: String, kind: RecordKind) throws -> Int64 {
        let text = reference.trimmingSpaces()
        guard !text.isEmpty else {
            throw DRCError.invalid(field: kind.name, value: reference, reason: .emptyReference)
        }
        for column in kind.lookupColumns {
            let ids = try db.rows("SELECT id FROM \(kind.table) WHERE \(column) = ? LIMIT 2", text).compactMap { $0.int64("id") }
            if ids.count == 1 { return ids[0] }
            if ids.count > 1 { throw try ambiguity(text, kind: kind, where: "\(column) = ?") }
        }
        if let form = kind.referenceForm, let id = try form(text, self) { return id }
        let idText = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if let id = Int64(idText), id > 0 {
            if try db.scalar("SELECT count(*) FROM \(kind.table) WHERE id = ?", id)?.int64 == 1 { return id }
            throw DRCError.notFound(kind: kind.id, reference: text)
        }
        if let title = kind.titleColumn {
            let pattern = "%" + text.replacingLikeWildcards() + "%"
            let ids = try db.rows("SELECT id FROM \(kind.table) WHERE \(title) LIKE ? ESCAPE '\\' LIMIT 2", pattern)
                .compactMap { $0.int64("id") }
            if ids.count == 1 { return ids[0] }
            if ids.count > 1 {
                throw try ambiguity(text, kind: kind, where: "\(title) LIKE ? ESCAPE '\\'", pattern)
            }
            let nearest = try NearestNames.among(db: db, table: kind.table, column: title, to: text)
            if !nearest.isEmpty { throw DRCError.notFoundNearest(kind: kind.id, reference: text, nearest: nearest) }
        }
        throw DRCError.notFound(kind: kind.id, reference: text)
    }

    private func ambiguity(_ text: String, kind: RecordKind, where condition: String, _ pattern: String? = nil) throws -> DRCError {
        // Listed by the name that tells them apart (a unit's parent/name), which the clerk can type back.
        let title = kind.titleSQL(kind.table) ?? "id"
        let rows = try db.rows(
            "SELECT id, \(title) AS title FROM \(kind.table) WHERE \(condition) ORDER BY id LIMIT 11", pattern ?? text)
        var matches = rows.prefix(10).map { "#\($0.int64("id") ?? 0) \($0["title"].displayText)" }
        if rows.count > 10 { matches.append("…") }
        return DRCError.ambiguous(kind: kind.id, reference: text, matches: matches)
    }
}

extension String {
    /// Escapes `%`, `_` and `\` so that a name is matched literally inside a LIKE pattern.
    func replacingLikeWildcards() -> String {
        var out = ""
        for character in self {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension SQLiteValue {
    /// The value as a person reads it: empty for NULL.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return v
        case .blob(let v): return "<\(v.count) bytes>"
        }
    }
}

extension Store {
    /// The id of the one record of `kind` that `reference` names (an id, a name, a code …), as a
    /// filter or an option reads it; a read, so no actor is asked for.
    public func resolve(_ reference: String, to kind: RecordKind) throws -> Int64 {
        try ReferenceResolver(db: db).resolve(reference, kind: kind)
    }
}
