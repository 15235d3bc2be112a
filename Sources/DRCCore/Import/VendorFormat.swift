/// How one vendor writes its files, so they import as sent: headers of its own mapped to
/// fields, columns drc does not keep, values the file leaves out, its status words, the
/// sheet of a workbook. Given on the command line or kept as a profile.
public struct VendorFormat: Equatable, Sendable {
    /// A header as the vendor writes it → the field it fills (`报修时间` → `opened`).
    public var columnMap: [String: String] = [:]
    /// Headers of columns to drop.
    public var ignored: [String] = []
    /// Values for rows that do not give them: `vendor`, `project`, `year`.
    public var defaults: [String: String] = [:]
    /// The vendor's status words → drc's status (`已完成` → `solved`), before the default table.
    public var statusWords: [String: String] = [:]
    /// The encoding, when the file's cannot be detected.
    public var encoding: TextEncoding?
    /// A workbook's sheet; the first when nil.
    public var sheet: String?

    public init() {}

    /// The fields a whole file can give its rows.
    public static let defaultableFields = ["vendor", "project", "year"]

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
    public static func pairs(_ text: String, field: String) throws -> [(String, String)] {
        let separators: Set<Character> = [",", "，", ";", "；"]
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

    /// Checks what can be checked without a file: status words name statuses, defaults are
    /// fields a file may leave out, a default year is a year.
    public func validate() throws {
        for (word, status) in statusWords.sorted(by: { $0.key < $1.key }) where Self.status(named: status) == nil {
            throw DRCError.invalid(field: "status-map", value: "\(word)=\(status)", reason: .notOneOf(WorkOrderStatus.choices.map(\.term)))
        }
        for (field, value) in defaults.sorted(by: { $0.key < $1.key }) {
            guard Self.defaultableFields.contains(field) else {
                throw DRCError.invalid(field: field, value: value, reason: .notOneOf(Self.defaultableFields.map { Term(zh: $0, en: $0, enPlural: $0) }))
            }
            if field == "year", Int(value).map({ (1949...2999).contains($0) }) != true {
                throw DRCError.invalid(field: "year", value: value, reason: .notAYear)
            }
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
