import SQLiteDB

/// Reads the words of a year's evaluation, section by section (they are `finding` records).
public enum FindingLog {
    /// The year's texts of one section, in the order they were entered.
    public static func texts(_ db: Connection, year: Int64, section: String) throws -> [String] {
        try db.rows("SELECT text FROM finding WHERE year = ? AND section = ? ORDER BY id", year, section).compactMap { $0.string("text") }
    }
}
