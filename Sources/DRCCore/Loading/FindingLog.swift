import SQLiteDB

/// Reads the words of a year's evaluation, section by section (they are `finding` records).
public enum FindingLog {
    /// The year's texts of one section, in the order they were entered.
    public static func texts(_ db: Connection, year: Int64, section: String) throws -> [String] {
        try db.rows("SELECT text FROM finding WHERE year = ? AND section = ? ORDER BY id", year, section).compactMap { $0.string("text") }
    }

    /// The year's texts of one section about one project, or about no project (`nil`).
    public static func texts(_ db: Connection, year: Int64, section: String, projectID: Int64?) throws -> [String] {
        try db.rows("SELECT text FROM finding WHERE year = ? AND section = ? AND project_id IS ? ORDER BY id",
                    [.integer(year), .text(section), projectID.map { .integer($0) } ?? .null]).compactMap { $0.string("text") }
    }
}
