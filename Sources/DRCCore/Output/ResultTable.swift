/// A table of results, independent of how it will be shown: the core builds these, and the
/// command line renders them as an aligned table, CSV or JSON.
public struct ResultTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        /// Unknown or absent: shown empty in tables and CSV, `null` in JSON.
        case null
        case text(String)
        /// A number already formatted (`1340`, `1130300.00`); JSON writes it unquoted.
        case number(String)
        /// JSON text (history's old and new values); JSON output nests it as it is.
        case json(String)

        public var text: String {
            switch self {
            case .null: return ""
            case .text(let value), .number(let value), .json(let value): return value
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Rows shown after a rule in tables (totals); CSV and JSON carry them as ordinary rows.
    public var footer: [[Cell]]

    public init(columns: [String], rows: [[Cell]] = [], footer: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}

extension ResultTable.Cell {
    public init(_ value: Int64?) {
        self = value.map { .number(String($0)) } ?? .null
    }

    public init(_ value: Int?) {
        self = value.map { .number(String($0)) } ?? .null
    }

    public init(_ value: String?) {
        self = value.map { .text($0) } ?? .null
    }
}
