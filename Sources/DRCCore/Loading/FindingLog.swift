import SQLiteDB

/// The words of a year's evaluation, by the report's sections, with their history.
public struct FindingLog {
    let db: Connection
    let actor: String

    public init(db: Connection, actor: String) {
        self.db = db
        self.actor = actor
    }

    public static let sections = ["duties", "organisation", "assets", "problem", "recommendation", "data"]

    @discardableResult
    public func add(year: Int64, unitID: Int64, section: String, text: String, source: String?) throws -> Int64 {
        guard Self.sections.contains(section) else {
            throw DRCError.invalid(field: "section", value: section, reason: "is not one of: \(Self.sections.joined(separator: ", "))")
        }
        try db.run("INSERT INTO finding (year, unit_id, section, text, source) VALUES (?, ?, ?, ?, ?)",
                   [.integer(year), .integer(unitID), .text(section), .text(text), source.map { .text($0) } ?? .null])
        let id = db.lastInsertRowID
        try HistoryLog(db: db, actor: actor).record(.insert, kind: "finding", id: id, old: nil,
                                                    new: try HistoryLog.snapshot(db, table: "finding", id: id))
        return id
    }

    /// The year's texts of one section, in the order they were entered.
    public static func texts(_ db: Connection, year: Int64, section: String) throws -> [String] {
        try db.rows("SELECT text FROM finding WHERE year = ? AND section = ? ORDER BY id", year, section).compactMap { $0.string("text") }
    }
}
