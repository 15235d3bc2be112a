import SQLiteDB

/// Everything the generic repository needs to know about one kind of record: its table, its
/// fields, how it is looked up by name, how it is listed, and its own cross-field rules.
public struct RecordKind: Sendable {
    /// A column of `list` and `show` output: a header and the SQL that computes it.
    public struct Column: Sendable {
        public enum Format: Sendable, Equatable {
            case text, number, money
            /// One of a field's choices, shown by its term (closed → 已关闭).
            case choice([Field.Choice])
            /// yes or no (是 / 否).
            case flag
        }
        public let header: String
        public let sql: String
        public let format: Format
        /// Shown by `list` as well as `show`.
        public let listed: Bool
        /// The heading for people; the kind fills it from the field of the same name.
        public internal(set) var label: Term?
        public init(_ header: String, _ sql: String, _ format: Format = .text, listed: Bool = true, label: Term? = nil) {
            self.header = header
            self.sql = sql
            self.format = format
            self.listed = listed
            self.label = label
        }
    }

    /// A `list` filter: `--vendor 美音` becomes `o.vendor_id = ?` with the vendor's id.
    public struct Filter: Sendable {
        public let name: String
        public let type: Field.ValueType
        public let sql: String
        public let help: Wording
        public init(_ name: String, _ type: Field.ValueType, _ sql: String, help: Wording) {
            self.name = name
            self.type = type
            self.sql = sql
            self.help = help
        }

        /// The filter as a field, for parsing its value.
        var field: Field { Field(name, type, label: Term(zh: name, en: name), help: help) }
    }

    /// Rules across fields, checked before anything is written. `values` holds the record as
    /// it would be stored (column → value); `existing` is the stored row on edit.
    public typealias Rule = @Sendable (_ values: inout [String: SQLiteValue], _ existing: Row?, _ db: Connection) throws -> Void

    public let id: ID
    /// What one record is called: 工单 / work order.
    public let noun: Term
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
    public let linkSets: [LinkSet]
    /// Rows that are part of the record (a contract's payment stages), kept and shown with it.
    public let childSets: [ChildSet]
    public let capabilities: Capabilities
    /// How an append-only kind is corrected; nil for kinds that are edited instead.
    public let reversal: Reversal?
    /// For an editable kind whose records come to stand (a payment, once paid): whether this
    /// stored row stands, and so is no longer edited or deleted but reversed.
    public typealias StandsWhen = @Sendable (_ row: Row) -> Bool
    public let standsWhen: StandsWhen?

    /// The SQL for the name a person knows the row aliased `alias` by (a unit's parent/name
    /// when its name recurs); nil for kinds without a title.
    public typealias TitleSQL = @Sendable (_ alias: String) -> String?
    public let titleSQL: TitleSQL
    /// A reference form of the kind's own (a unit's `parent/name`): the id it names, or nil
    /// when the text is not in that form.
    public typealias ReferenceForm = @Sendable (_ text: String, _ resolver: ReferenceResolver) throws -> Int64?
    public let referenceForm: ReferenceForm?
    /// Warnings of the kind's own about a record as it will be stored (column → value),
    /// against the stored row on edit (nil when adding).
    public typealias WarningCheck = @Sendable (_ id: Int64, _ values: [String: SQLiteValue], _ existing: Row?) -> [DRCWarning]
    public let warningChecks: [WarningCheck]
    /// A writer for large imports that bypasses the per-record path (work orders).
    var bulkWriter: BulkWriterFactory?
    /// The statuses records of this kind move through, when they have any (work orders).
    public let lifecycle: Lifecycle?
    /// What else follows when a record of this kind is added, edited, deleted or moved through
    /// its lifecycle, in the same transaction, before its history is taken: an order's service
    /// levels computed again, or every order's after a policy or calendar day changes.
    public typealias AfterWrite = @Sendable (_ db: Connection, _ id: Int64) throws -> Void
    public let afterWrite: AfterWrite?
    /// What follows a batch (an import, the seed) that created records `ids`, once their arrival
    /// events are in, in the batch's transaction: the orders' service levels, in one pass.
    public typealias AfterBatch = @Sendable (_ db: Connection, _ ids: ClosedRange<Int64>) throws -> Void
    public let afterBatch: AfterBatch?

    public init(id: ID, noun: Term, table: String, fields: [Field], lookupColumns: [String],
                titleColumn: String?, titleSQL: TitleSQL? = nil, referenceForm: ReferenceForm? = nil,
                from: String, columns: [Column], filters: [Filter], rules: [Rule] = [],
                linkSets: [LinkSet] = [], childSets: [ChildSet] = [],
                capabilities: Capabilities = .standard, reversal: Reversal? = nil, standsWhen: StandsWhen? = nil,
                warningChecks: [WarningCheck] = [], lifecycle: Lifecycle? = nil, afterWrite: AfterWrite? = nil,
                afterBatch: AfterBatch? = nil) {
        self.afterWrite = afterWrite
        self.afterBatch = afterBatch
        self.standsWhen = standsWhen
        self.id = id
        self.lifecycle = lifecycle
        self.noun = noun
        self.table = table
        self.fields = fields + childSets.map { Field($0.field, .children, stored: false, label: $0.label, help: $0.help) }
        self.lookupColumns = lookupColumns
        self.titleColumn = titleColumn
        self.titleSQL = titleSQL ?? { alias in titleColumn.map { "\(alias).\($0)" } }
        self.referenceForm = referenceForm
        self.from = from
        // A child set is shown with its record, one child per line.
        let allFields = self.fields
        self.columns = (columns + childSets.map { Column($0.field, $0.cellSQL(owner: "r.id"), listed: false) }).map { column in
            // A column showing a field is headed, and its choices worded, as the field is.
            var column = column
            let key = String(column.header.map { $0 == "_" ? "-" : $0 })
            if let field = allFields.first(where: { $0.name == key }) {
                column.label = column.label ?? field.label
                if case .choice(let choices) = field.type, case .text = column.format {
                    column = Column(column.header, column.sql, .choice(choices), listed: column.listed, label: column.label)
                }
            } else if column.header == "id" {
                column.label = column.label ?? Term(zh: "编号", en: "id")
            }
            return column
        }
        self.filters = filters
        self.rules = rules
        self.linkSets = linkSets
        self.childSets = childSets
        self.capabilities = capabilities
        self.reversal = reversal
        self.warningChecks = warningChecks
    }

    /// The name commands and history use for the kind: `order`, `vendor`.
    public var name: String { id.rawValue }
    /// The plural `import` and `export` take: `orders`, `categories`.
    public var commandPlural: String { name.hasSuffix("y") ? name.dropLast() + "ies" : name + "s" }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The kind's child set carried by the field `name`.
    func childSet(named name: String) -> ChildSet? {
        childSets.first { $0.field == name }
    }

    /// Returns the kind with a bulk writer for its imports.
    func importingInBulk(_ factory: @escaping BulkWriterFactory) -> RecordKind {
        var kind = self
        kind.bulkWriter = factory
        return kind
    }
}

/// The kinds of record drc keeps.
public enum RecordKinds {
    public static let all: [RecordKind] = [
        .unit, .vendor, .project, .category, .budget, .order, .indicator, .finding,
        .procurement, .contract, .acceptance, .invoice, .payment, .booking, .asset, .inventory, .staff, .ruleSetting, .calendarDay,
        .servicePolicy,
        .importProfile,
    ]

    /// The kind a person or a file names: `order`, `orders`, `work order`, `工单`, `work_order`.
    public static func named(_ name: String) -> RecordKind? {
        all.first {
            $0.name == name || $0.table == name || $0.commandPlural == name || $0.noun.en == name
                || $0.noun.enPlural == name || $0.noun.zh == name
        }
    }

    /// The kind with this identity. Every identity code names is registered in `all`.
    public static func kind(_ id: RecordKind.ID) -> RecordKind {
        guard let kind = all.first(where: { $0.id == id }) else {
            preconditionFailure("the kind \(id) is not registered in RecordKinds.all")
        }
        return kind
    }

    /// What a kind's records are called, for messages: its noun, or its identity as it is for
    /// a kind not registered here (one a test defines).
    public static func noun(of id: RecordKind.ID) -> Term {
        all.first { $0.id == id }?.noun ?? Term(zh: id.rawValue, en: id.rawValue)
    }

    /// The noun for the records of `table`, for messages about what refers to a record: a
    /// kind's own, or a link table's (a project's vendors: 服务的项目 / project served).
    static func noun(table: String) -> Term {
        if let kind = all.first(where: { $0.table == table }) { return kind.noun }
        for kind in all {
            if let link = kind.linkSets.first(where: { $0.table == table }) { return link.noun }
            if let child = kind.childSets.first(where: { $0.table == table }) { return child.label }
        }
        return Term(zh: table, en: table, enPlural: table)
    }
}
