/// How one vendor writes its files, so they import as sent: headers of its own mapped to
/// fields, columns drc does not keep, values the file leaves out, its status words, the
/// sheet of a workbook. Given on the command line or kept as a profile.
public struct VendorFormat: Equatable, Sendable {
    /// A header as the vendor writes it → the field it fills (`报修时间` → `opened`).
    public var columnMap: [String: String] = [:]
    /// Headers of columns to drop.
    public var ignored: [String] = []
    /// Values for rows that do not give them, by field name: `vendor`, `project`, `year` (the
    /// short options), and any other field by `--set FIELD=VALUE` (`category=维修工单`).
    public var defaults: [String: String] = [:]
    /// The header's row (a CSV file's line, a sheet's row number), when the file says so; nil:
    /// the first row, of the first `headerSearchRows`, whose cells name columns.
    public var headerRow: Int?
    /// The vendor's status words → drc's status (`已完成` → `solved`), before the default table.
    public var statusWords: [String: String] = [:]
    /// The encoding, when the file's cannot be detected.
    public var encoding: TextEncoding?
    /// A workbook's sheet; the first when nil.
    public var sheet: String?

    public init() {}

    /// The fields the short options give a whole file (`--vendor`, `--project`, `--year`), which
    /// the writers resolve once; every other field's default (`--set`) fills the rows' cells.
    public static let defaultableFields = ["vendor", "project", "year"]

    /// How many rows from the top may be a title above the header (a title, a subtitle, a line
    /// of who filled the form in and when, blank lines between).
    public static let headerSearchRows = 10

    /// Adds `FIELD=VALUE` (also with ＝; the field by name or Chinese label, as a header names it)
    /// as a whole-file default of a `kind` record. A field that is no field of it, or its key
    /// (`id`), is refused by name.
    public mutating func set(_ pair: String, kind: RecordKind) throws {
        let pairs = try Self.pairs(pair, field: "set", separators: [])
        guard pairs.count == 1, let first = pairs.first else { throw DRCError.invalid(field: "set", value: pair, reason: .notAPair) }
        let (name, value) = first
        guard let field = HeaderMap.field(for: name, kind: kind), field.name != "id", field.name != "ticket" else {
            throw DRCError.invalid(field: "set", value: pair, reason: .notAField(kind: kind.id, fields: kind.fields.map(\.name)))
        }
        defaults[field.name] = value
    }

    /// The `--set` defaults (all but the short options'), as `field=value` pairs in field order.
    public func setDefaults(kind: RecordKind) -> [(field: String, value: String)] {
        kind.fields.compactMap { field in
            guard !Self.defaultableFields.contains(field.name), let value = defaultValue(field.name) else { return nil }
            return (field.name, value)
        }
    }

    /// Status words vendors' systems write, and the status each means.
    static let vendorStatusWords: [String: WorkOrderStatus] = [
        "已完成": .solved, "已处理": .solved, "处理完成": .solved, "已解决": .solved,
        "处理中": .assigned, "已派单": .assigned, "已受理": .assigned,
        "待处理": .new, "未处理": .new, "新建": .new,
        "已关闭": .closed, "已结单": .closed,
        "已取消": .cancelled, "已撤销": .cancelled,
        "挂起": .pending, "待定": .pending,
    ]

    /// `a=b,c=d` (also with ，；; between pairs and ＝ for =) as pairs in order; `field` names
    /// what is being read in an error. Keys and values are trimmed; neither may be empty.
    public static func pairs(_ text: String, field: String, separators: Set<Character> = [",", "，", ";", "；"]) throws -> [(String, String)] {
        return try text.split(whereSeparator: { separators.contains($0) }).compactMap { part in
            let item = String(part).trimmingSpaces()
            if item.isEmpty { return nil }
            guard let equals = item.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                throw DRCError.invalid(field: field, value: item, reason: .notAPair)
            }
            let key = String(item[..<equals]).trimmingSpaces()
            let value = String(item[item.index(after: equals)...]).trimmingSpaces()
            guard !key.isEmpty, !value.isEmpty else { throw DRCError.invalid(field: field, value: item, reason: .notAPair) }
            return (key, value)
        }
    }

    /// Checks what can be checked without a file: status words name statuses, a default year is
    /// a year, a header row is a row.
    public func validate() throws {
        for (word, status) in statusWords.sorted(by: { $0.key < $1.key }) where Self.status(named: status) == nil {
            throw DRCError.invalid(field: "status-map", value: "\(word)=\(status)", reason: .notOneOf(WorkOrderStatus.choices.map(\.term)))
        }
        // Each default's field was checked as it was set (`set`), against the kind imported.
        for (field, value) in defaults.sorted(by: { $0.key < $1.key }) {
            if field == "year", Int(value).map({ (1949...2999).contains($0) }) != true {
                throw DRCError.invalid(field: "year", value: value, reason: .notAYear)
            }
        }
        if let headerRow, !(1...1_048_576).contains(headerRow) {
            throw DRCError.invalid(field: "header-row", value: String(headerRow), reason: .outOfRange(lowest: 1, highest: 1_048_576))
        }
    }

    /// drc's status by its name or Chinese label.
    static func status(named name: String) -> WorkOrderStatus? {
        WorkOrderStatus(rawValue: name.lowercased()) ?? WorkOrderStatus.allCases.first { $0.label == name }
    }

    /// The status a vendor's word means: this format's words first, then the common ones.
    func status(forWord word: String) -> WorkOrderStatus? {
        let word = word.trimmingSpaces()
        if let named = statusWords[word] { return Self.status(named: named) }
        return Self.vendorStatusWords[word]
    }

    /// A whole-file default for `field`, when given.
    func defaultValue(_ field: String) -> String? {
        defaults[field].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a header is one of the columns to drop.
    func ignores(_ header: String) -> Bool {
        let name = HeaderMap.normalise(header)
        return ignored.contains { HeaderMap.normalise($0) == name }
    }

    /// The field a header is mapped to, when it is.
    func mapped(_ header: String) -> String? {
        let name = HeaderMap.normalise(header)
        return columnMap.first { HeaderMap.normalise($0.key) == name }?.value
    }
}
