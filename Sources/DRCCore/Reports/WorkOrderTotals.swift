import SQLiteDB

/// Managers' yearly question: how many work orders, by vendor, category, project, unit,
/// month or status (several at once). Orders without an opened date count under "unknown
/// month", never under a guessed one; cancelled orders are not services and are left out
/// unless asked for.
public enum WorkOrderTotals {
    public enum Dimension: String, CaseIterable, Sendable {
        case vendor, category, project, unit, month, status

        /// The grouping key, computed in the aggregate over `work_order` alone.
        var key: String {
            switch self {
            case .vendor: return "vendor_id"
            case .category: return "category_id"
            case .project: return "project_id"
            case .unit: return "unit_id"
            case .month: return "substr(opened_at, 1, 7)"
            case .status: return "status"
            }
        }

        /// The group's name; NULL where the order does not say (no project, no month), which
        /// `cell` shows as a word of drc's own.
        var display: String {
            switch self {
            case .vendor: return "v.name"
            case .category: return "c.name"
            case .project: return "p.name"
            case .unit: return UnitName.sql("u")
            case .month, .status: return "t.k\(Dimension.allCases.firstIndex(of: self)!)"
            }
        }

        /// The column's heading for people.
        public var term: Term {
            switch self {
            case .vendor: return RecordKind.vendor.noun
            case .category: return RecordKind.category.noun
            case .project: return RecordKind.project.noun
            case .unit: return Term(zh: "报修单位", en: "unit")
            case .month: return Term(zh: "月份", en: "month")
            case .status: return Term(zh: "状态", en: "status", enPlural: "statuses")
            }
        }

        /// A group's cell: its name, a status by its word, the absent ones by drc's words.
        func cell(_ value: SQLiteValue) -> ResultTable.Cell {
            guard let text = value.string else {
                switch self {
                case .project: return .word(key: "(no project)", TotalsWords.noProject)
                case .unit: return .word(key: "(unknown unit)", TotalsWords.unknownUnit)
                case .month: return .word(key: "unknown month", TotalsWords.unknownMonth)
                case .vendor, .category, .status: return .text(value.displayText)
                }
            }
            if self == .status, let status = WorkOrderStatus(rawValue: text) { return .word(key: text, status.term) }
            return .text(text)
        }

        var order: String {
            switch self {
            case .vendor: return "v.id"
            case .category: return "c.id"
            case .project: return "p.id IS NULL, p.id"
            case .unit: return "u.id IS NULL, u.id"
            case .month: return "t.k4 IS NULL, t.k4"
            case .status:
                return "CASE t.k5 WHEN 'new' THEN 1 WHEN 'assigned' THEN 2 WHEN 'pending' THEN 3 WHEN 'solved' THEN 4 WHEN 'closed' THEN 5 ELSE 6 END"
            }
        }

        var join: String? {
            switch self {
            case .vendor: return "JOIN vendor AS v ON v.id = t.k0"
            case .category: return "JOIN category AS c ON c.id = t.k1"
            case .project: return "LEFT JOIN project AS p ON p.id = t.k2"
            case .unit: return "LEFT JOIN unit AS u ON u.id = t.k3"
            case .month, .status: return nil
            }
        }
    }

    public static func compute(_ db: Connection, year: Int64, by dimensions: [Dimension], includeCancelled: Bool = false) throws -> ResultTable {
        try DistinctDimensions.require(dimensions)
        let dimensions = dimensions.isEmpty ? [.vendor] : dimensions
        let keys = dimensions.map { "\($0.key) AS k\(Dimension.allCases.firstIndex(of: $0)!)" }
        let groups = dimensions.map { "k\(Dimension.allCases.firstIndex(of: $0)!)" }
        let filter = includeCancelled ? "" : " AND status <> 'cancelled'"
        let sql = """
            SELECT \(dimensions.map(\.display).joined(separator: ", ")), t.n FROM (
                SELECT \(keys.joined(separator: ", ")), count(*) AS n FROM work_order
                WHERE year = ?\(filter) GROUP BY \(groups.joined(separator: ", "))
            ) AS t \(dimensions.compactMap(\.join).joined(separator: " "))
            ORDER BY \(dimensions.map(\.order).joined(separator: ", "))
            """
        var table = ResultTable(columns: dimensions.map(\.rawValue) + ["count"], headings: dimensions.map(\.term) + [TableWords.count])
        var counts: [Int64] = []
        for row in try db.rows(sql, year) {
            let count = row[dimensions.count].int64 ?? 0
            counts.append(count)
            table.rows.append(dimensions.enumerated().map { $1.cell(row[$0]) } + [.init(count)])
        }
        let total = try CountSum.total(counts, year: year)
        table.footer = [[.word(key: "total", TableWords.total)] + Array(repeating: .text(""), count: dimensions.count - 1) + [.init(total)]]
        return table
    }
}
