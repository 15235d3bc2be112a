import SQLiteDB

/// One value a clerk can give for a record, as the command line and CSV headers name it
/// (`vendor`, `opened`), and the column that keeps it (`vendor_id`, `opened_at`).
public struct Field: Sendable {
    public enum ValueType: Sendable {
        /// Free text; an empty value means "not given".
        case text
        /// A whole number of things, zero or more.
        case count
        case year
        /// An amount in fen, typed in yuan or 万元 (`Money.parse`).
        case money
        /// yes/no, true/false, 1/0, 是/否.
        case flag
        /// One of a fixed set of values, each with aliases (Chinese names among them).
        case choice([Choice])
        /// A date, or a date and time (`DateText`).
        case timestamp
        /// Another record, given by id, name or code.
        case reference(kind: RecordKind.ID)
        /// Rows that are part of the record, one per line (`RecordKind.ChildSet`).
        case children
        /// A unified social credit code, validated by its check character.
        case creditCode
        /// A non-negative decimal number kept exactly as text (`9000000`, `99.5`).
        case decimal
    }

    public struct Choice: Sendable, Equatable {
        public let value: String
        public let aliases: [String]
        public init(_ value: String, _ aliases: String...) {
            self.value = value
            self.aliases = aliases
        }

        /// The choice as people read it: its first Chinese alias (已关闭, 基本支出) in Chinese.
        public var term: Term {
            Term(zh: aliases.first { $0.contains { !$0.isASCII } } ?? value, en: value, enPlural: value)
        }
    }

    public let name: String
    /// The field's name for people, in both languages: 供应商 / vendor.
    public let label: Term
    public let column: String
    public let type: ValueType
    public let required: Bool
    public let defaultValue: SQLiteValue?
    public let help: Wording
    /// False for a value set when the record is added and changed afterwards only by commands
    /// of its own (an order's status, by the status commands): `edit` does not offer it.
    public let isEditable: Bool
    /// False for values kept outside the record's row (a project's vendors).
    public let isStored: Bool
    /// For a reference: columns the referenced record shares with this one. A name is looked
    /// up among those records first (a budget line's parent: same year, unit and kind), so a
    /// name that recurs every year still names one record.
    public let scope: [String]
    /// The field this one's value is taken from (an order's year follows its opened date), so
    /// it cannot be cleared while that one has a value.
    public let derivedFrom: String?
    /// Other headers an import reads as this field: the labels earlier versions wrote, each with
    /// the meaning it had then (a budget line's old "全年预算" held what was spent).
    public let aliases: [String]
    /// For a number measured in a unit another field names (an indicator's `measure`): when
    /// that unit is money (元, 万元), the value may be typed as an amount (118.2万) and is kept
    /// as the decimal of the unit (`Money.Measure`).
    public let amountIn: String?

    public init(_ name: String, column: String? = nil, _ type: ValueType, required: Bool = false,
                default defaultValue: SQLiteValue? = nil, stored: Bool = true, scope: [String] = [],
                derivedFrom: String? = nil, editable: Bool = true, amountIn: String? = nil, zh: String, help: Wording) {
        self.init(name, column: column, type, required: required, default: defaultValue, stored: stored, scope: scope,
                  derivedFrom: derivedFrom, editable: editable, amountIn: amountIn, label: Term(zh: zh, en: String(name.map { $0 == "-" ? " " : $0 })),
                  help: help)
    }

    public init(_ name: String, column: String? = nil, _ type: ValueType, required: Bool = false,
                default defaultValue: SQLiteValue? = nil, stored: Bool = true, scope: [String] = [],
                derivedFrom: String? = nil, editable: Bool = true, aliases: [String] = [], amountIn: String? = nil, label: Term, help: Wording) {
        self.aliases = aliases
        self.amountIn = amountIn
        self.label = label
        self.isEditable = editable
        self.derivedFrom = derivedFrom
        self.isStored = stored
        self.scope = scope
        self.name = name
        self.column = column ?? name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
    }

    public var referencedKind: RecordKind.ID? {
        if case .reference(let kind) = type { return kind }
        return nil
    }

    /// The choices' canonical values, for messages and help.
    public var choiceValues: [String] {
        if case .choice(let choices) = type { return choices.map(\.value) }
        return []
    }
}
