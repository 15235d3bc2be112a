import SQLiteDB

/// Everything the generic repository needs to know about one kind of record: its table, its
/// fields, how it is looked up by name, how it is listed, and its own cross-field rules.
public struct RecordKind: Sendable {
    /// A column of `list` and `show` output: a header and the SQL that computes it.
    public struct Column: Sendable {
        public enum Format: Sendable { case text, number, money }
        public let header: String
        public let sql: String
        public let format: Format
        /// Shown by `list` as well as `show`.
        public let listed: Bool
        public init(_ header: String, _ sql: String, _ format: Format = .text, listed: Bool = true) {
            self.header = header
            self.sql = sql
            self.format = format
            self.listed = listed
        }
    }

    /// A `list` filter: `--vendor 美音` becomes `o.vendor_id = ?` with the vendor's id.
    public struct Filter: Sendable {
        public let name: String
        public let type: Field.ValueType
        public let sql: String
        public init(_ name: String, _ type: Field.ValueType, _ sql: String) {
            self.name = name
            self.type = type
            self.sql = sql
        }
    }

    /// Rules across fields, checked before anything is written. `values` holds the record as
    /// it would be stored (column → value); `existing` is the stored row on edit.
    public typealias Rule = @Sendable (_ values: inout [String: SQLiteValue], _ existing: Row?, _ db: Connection) throws -> Void

    public let name: String
    public let plural: String
    public let table: String
    public let fields: [Field]
    /// Columns matched exactly when a reference names this kind (name, short name, code …).
    public let lookupColumns: [String]
    /// The column a person recognises the record by, for messages.
    public let titleColumn: String?
    /// The FROM clause of list and show, aliasing this kind's table as `r`.
    public let from: String
    public let columns: [Column]
    public let filters: [Filter]
    public let rules: [Rule]
    /// Runs after the row is written, for what lives outside the row (a project's vendors).
    /// It receives the values of fields that are not stored in the row, by field name.
    public typealias Links = @Sendable (_ id: Int64, _ values: [String: String], _ db: Connection) throws -> Void
    public let links: Links?

    /// Rows of another table that belong to a record (a project's vendors). History keeps
    /// their ids with the record, so an edit shows their change and a restore brings them back.
    public struct LinkSet: Sendable {
        /// The key in history's JSON: `vendor_ids`.
        public let key: String
        /// The field that sets them: `vendors`.
        public let field: String
        public let table: String
        public let ownerColumn: String
        public let targetColumn: String
        public let targetKind: String
        public init(key: String, field: String, table: String, ownerColumn: String, targetColumn: String, targetKind: String) {
            self.key = key
            self.field = field
            self.table = table
            self.ownerColumn = ownerColumn
            self.targetColumn = targetColumn
            self.targetKind = targetKind
        }
    }
    public let linkSets: [LinkSet]

    public init(name: String, plural: String, table: String, fields: [Field], lookupColumns: [String],
                titleColumn: String?, from: String, columns: [Column], filters: [Filter], rules: [Rule] = [],
                links: Links? = nil, linkSets: [LinkSet] = []) {
        self.links = links
        self.linkSets = linkSets
        self.name = name
        self.plural = plural
        self.table = table
        self.fields = fields
        self.lookupColumns = lookupColumns
        self.titleColumn = titleColumn
        self.from = from
        self.columns = columns
        self.filters = filters
        self.rules = rules
    }

    /// What one record is called in sentences: "work order", "budget line", "vendor".
    public var singular: String {
        switch name {
        case "order": return "work order"
        case "budget": return "budget line"
        default: return name
        }
    }

    /// "a vendor", "an indicator", "a unit".
    public var withArticle: String { Self.withArticle(singular) }

    /// The indefinite article goes by sound: "an indicator", but "a unit" (said "you-nit").
    public static func withArticle(_ noun: String) -> String {
        let vowelSound = noun.first.map { "aeio".contains($0) } == true
            || noun.first == "u" && !noun.hasPrefix("uni") && !noun.hasPrefix("use")
        return (vowelSound ? "an " : "a ") + noun
    }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

/// The kinds of record drc keeps, by name.
public enum RecordKinds {
    public static let all: [RecordKind] = [
        .unit, .vendor, .project, .category, .budget, .order, .indicator, .finding,
    ]

    public static func named(_ name: String) -> RecordKind? {
        all.first { $0.name == name || $0.table == name || $0.plural == name }
    }

    /// A kind's name in sentences ("work order" for `order`); other words as they are.
    static func singular(_ name: String) -> String {
        named(name)?.singular ?? name
    }

    /// A kind's plural in sentences ("categories"); other words with an s.
    static func plural(_ name: String) -> String {
        named(name)?.plural ?? name + "s"
    }

    /// People's names for the tables, for messages about references.
    static func describe(table: String, count: Int64) -> String {
        let (one, many): (String, String)
        switch table {
        case "work_order": (one, many) = ("work order", "work orders")
        case "project_vendor": (one, many) = ("project served", "projects served")
        case "budget_line": (one, many) = ("budget line", "budget lines")
        default:
            let kind = all.first { $0.table == table }
            (one, many) = (kind?.name ?? table, kind?.plural ?? table)
        }
        return "\(count) \(count == 1 ? one : many)"
    }
}
