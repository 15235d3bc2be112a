import SQLiteDB

/// The names a person picks from while typing a work order or filtering the list: active
/// vendors, categories, projects and units as the command line names them, and the statuses
/// by their words. The web offers them as its fields' suggestions.
public enum PickLists {
    static let sources: [(field: String, sql: String)] = [
        ("vendor", "SELECT name FROM vendor WHERE active = 1 ORDER BY name"),
        ("category", "SELECT name FROM category ORDER BY name"),
        ("project", "SELECT name FROM project ORDER BY name"),
        ("unit", "SELECT \(UnitName.sql("u")) FROM unit AS u ORDER BY 1"),
        ("contract", "SELECT number FROM contract WHERE number IS NOT NULL ORDER BY number"),
    ]

    /// Field name → the names it offers.
    public static func read(_ store: Store) throws -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for source in sources {
            lists[source.field] = try store.db.rows(source.sql).compactMap { $0[0].string }
        }
        lists["status"] = WorkOrderStatus.allCases.map(\.label)
        lists["priority"] = ServicePriority.allCases.map(\.label)
        return lists
    }

    /// The fixed sets a form offers as choices: the value stored and its word (紧急 / urgent).
    public static func fixed(_ field: String) -> [(value: String, term: Term)]? {
        switch field {
        case "status": return WorkOrderStatus.allCases.map { ($0.rawValue, $0.term) }
        case "priority": return ServicePriority.allCases.map { ($0.rawValue, $0.term) }
        default: return nil
        }
    }

    /// The years a manager's pages offer: those with orders, budget lines or indicators, latest first.
    public static func reportYears(_ store: Store) throws -> [Int64] {
        try store.db.rows("""
            SELECT year FROM work_order WHERE year IS NOT NULL UNION SELECT year FROM budget_line WHERE year IS NOT NULL \
            UNION SELECT year FROM indicator WHERE year IS NOT NULL ORDER BY 1 DESC
            """).compactMap { $0[0].int64 }
    }


    /// The years that have work orders, latest first.
    public static func orderYears(_ store: Store) throws -> [Int64] {
        try store.db.rows("SELECT DISTINCT year FROM work_order WHERE year IS NOT NULL ORDER BY year DESC").compactMap { $0[0].int64 }
    }

    /// The saved import profiles' names.
    public static func importProfiles(_ store: Store) throws -> [String] {
        try store.db.rows("SELECT name FROM import_profile ORDER BY name").compactMap { $0.string("name") }
    }
}
