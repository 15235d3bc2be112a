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
        /// A word drc itself puts in a table (a status, a budget kind, "total"): `key` for
        /// programs (JSON, and what import reads), the term for people, in their language.
        case word(key: String, Term)

        /// The cell as data: what CSV in English and JSON carry.
        public var text: String {
            switch self {
            case .null: return ""
            case .text(let value), .number(let value), .json(let value), .word(let value, _): return value
            }
        }

        /// The cell as a person reads it in `language`.
        public func text(in language: Language) -> String {
            if case .word(_, let term) = self { return term.text(in: language) }
            return text
        }
    }

    /// The columns' keys: JSON's keys, and CSV's header in English.
    public var columns: [String]
    /// The columns' names for people; a column without one is shown by its key.
    public var headings: [Term?] = []
    public var rows: [[Cell]]
    /// Rows shown after a rule in tables (totals); CSV and JSON carry them as ordinary rows.
    public var footer: [[Cell]]

    public init(columns: [String], headings: [Term?] = [], rows: [[Cell]] = [], footer: [[Cell]] = []) {
        self.columns = columns
        self.headings = headings
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

extension ResultTable {
    /// The heading of column `index` in `language`: in English its key (`credit_code`), the
    /// name scripts and JSON know it by; in Chinese its term.
    public func heading(_ index: Int, in language: Language) -> String {
        guard language == .zh, index < headings.count, let term = headings[index] else { return columns[index] }
        return term.zh
    }

    /// Every heading in `language`.
    public func headingTexts(in language: Language) -> [String] {
        columns.indices.map { heading($0, in: language) }
    }
}

/// Words the core's tables use, in both languages.
public enum TableWords {
    public static let total = Term(zh: "合计", en: "total")
    public static let count = Term(zh: "数量", en: "count")
    public static let field = Term(zh: "字段", en: "field")
    public static let value = Term(zh: "值", en: "value")
    public static let yes = Term(zh: "是", en: "yes", enPlural: "yes")
    public static let no = Term(zh: "否", en: "no", enPlural: "no")
}
