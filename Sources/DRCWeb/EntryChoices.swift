import DRCCore
import DRCDocuments
import SQLiteDB

/// The names a clerk picks from while typing (the browser's own autocomplete, `<datalist>`):
/// active vendors, categories, projects and units as the command line names them.
struct EntryChoices: Sendable {
    var lists: [String: [String]]

    static let sources: [(field: String, sql: String)] = [
        ("vendor", "SELECT name FROM vendor WHERE active = 1 ORDER BY name"),
        ("category", "SELECT name FROM category ORDER BY name"),
        ("project", "SELECT name FROM project ORDER BY name"),
        ("unit", "SELECT \(UnitName.sql("u")) FROM unit AS u ORDER BY 1"),
    ]

    static func read(_ db: Connection) throws -> EntryChoices {
        var lists: [String: [String]] = [:]
        for source in sources {
            lists[source.field] = try db.rows(source.sql).compactMap { $0[0].string }
        }
        lists["status"] = WorkOrderStatus.allCases.map(\.label)
        return EntryChoices(lists: lists)
    }

    /// The datalist's id for a field, when it has one.
    func list(for field: String) -> String? { lists[field] == nil ? nil : "list-" + field }

    var datalists: HTML {
        lists.sorted { $0.key < $1.key }.html { field, names in
            "<datalist id=\"list-\(field)\">\(names.html { "<option value=\"\($0)\">" })</datalist>"
        }
    }
}
