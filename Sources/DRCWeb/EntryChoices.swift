import DRCCore
import DRCDocuments

/// The names a clerk picks from while typing (the browser's own autocomplete, `<datalist>`):
/// active vendors, categories, projects and units as the command line names them.
struct EntryChoices: Sendable {
    var lists: [String: [String]]
    /// The years that have orders, latest first.
    var years: [Int64] = []

    static func read(_ store: Store) throws -> EntryChoices {
        EntryChoices(lists: try PickLists.read(store), years: try PickLists.orderYears(store))
    }

    /// The datalist's id for a field, when it has one.
    func list(for field: String) -> String? { lists[field] == nil ? nil : "list-" + field }

    var datalists: HTML {
        lists.sorted { $0.key < $1.key }.html { field, names in
            "<datalist id=\"list-\(field)\">\(names.html { "<option value=\"\($0)\">" })</datalist>"
        }
    }
}
