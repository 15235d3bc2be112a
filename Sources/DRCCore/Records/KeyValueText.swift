import SQLiteDB

extension RecordKind {
    /// A stored value as a clerk knows it, for a message: a reference by its record's title (the
    /// vendor's name, the unit's name) rather than its id, other values as written. A reference
    /// whose record has no title, or is not there, keeps its number as `#id`.
    func shownValue(column: String, _ value: SQLiteValue?, db: Connection) -> String {
        guard let value else { return "" }
        guard let field = fields.first(where: { $0.column == column }), let target = field.referencedKind,
              let id = value.int64 else { return value.displayText }
        let kind = RecordKinds.kind(target)
        guard let title = kind.titleSQL("t"),
              let shown = try? db.scalar("SELECT \(title) FROM \(kind.table) AS t WHERE t.id = ?", id)?.string, !shown.isEmpty else {
            return "#\(id)"
        }
        return shown
    }
}
