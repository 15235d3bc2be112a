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

    /// Which orders to count, and how to show the groups.
    public struct Query: Sendable {
        public var years: [Int64]
        public var dimensions: [Dimension] = []
        public var vendorID: Int64?
        public var categoryID: Int64?
        public var unitID: Int64?
        public var projectID: Int64?
        public var status: String?
        /// Opened on or after / on or before these days (`2021-03-01`); an order without an
        /// opened date is outside any such range, never guessed into it.
        public var from: String?
        public var to: String?
        public var includeCancelled = false
        /// Largest count first (the last year's, for several years), ranked; else in the
        /// dimensions' own order.
        public var sortByCount = false
        /// Only the first N groups; the total still counts every order.
        public var top: Int?

        public init(years: [Int64], dimensions: [Dimension] = []) {
            self.years = years
            self.dimensions = dimensions
        }
    }

    public static func compute(_ db: Connection, year: Int64, by dimensions: [Dimension], includeCancelled: Bool = false) throws -> ResultTable {
        var query = Query(years: [year], dimensions: dimensions)
        query.includeCancelled = includeCancelled
        return try compute(db, query)
    }

    /// The counts of the query's groups; for several years one column per year and the
    /// change from the first to the last (as a count and, where the first is not zero, in percent).
    public static func compute(_ db: Connection, _ query: Query) throws -> ResultTable {
        try DistinctDimensions.require(query.dimensions)
        let dimensions = query.dimensions.isEmpty ? [.vendor] : query.dimensions
        let years = query.years
        let byYear = years.count > 1
        let keys = dimensions.map { "\($0.key) AS k\(Dimension.allCases.firstIndex(of: $0)!)" } + (byYear ? ["year AS y"] : [])
        let groups = dimensions.map { "k\(Dimension.allCases.firstIndex(of: $0)!)" } + (byYear ? ["y"] : [])
        let (conditions, parameters) = filter(query)
        let sql = """
            SELECT \(dimensions.map(\.display).joined(separator: ", ")), \(byYear ? "t.y" : "NULL"), t.n FROM (
                SELECT \(keys.joined(separator: ", ")), count(*) AS n FROM work_order
                WHERE \(conditions.joined(separator: " AND ")) GROUP BY \(groups.joined(separator: ", "))
            ) AS t \(dimensions.compactMap(\.join).joined(separator: " "))
            ORDER BY \(dimensions.map(\.order).joined(separator: ", "))
            """
        // One group per distinct set of dimension values, in the dimensions' order; its count per year.
        var groupCells: [[ResultTable.Cell]] = []
        var groupCounts: [[Int64]] = []
        var index: [String: Int] = [:]
        for row in try db.rows(sql, parameters) {
            let cells = dimensions.enumerated().map { $1.cell(row[$0]) }
            let count = row[dimensions.count + 1].int64 ?? 0
            let column = byYear ? (years.firstIndex(of: row[dimensions.count].int64 ?? 0) ?? 0) : 0
            let key = cells.map(\.text).joined(separator: "\u{1F}")
            if let at = index[key] {
                groupCounts[at][column] = count
            } else {
                index[key] = groupCells.count
                groupCells.append(cells)
                var counts = Array(repeating: Int64(0), count: years.count)
                counts[column] = count
                groupCounts.append(counts)
            }
        }
        var order = Array(groupCells.indices)
        if query.sortByCount {
            // Largest first; equal counts keep the dimensions' order.
            order.sort { a, b in
                let countA = groupCounts[a].last ?? 0, countB = groupCounts[b].last ?? 0
                return countA != countB ? countA > countB : a < b
            }
        }
        let shown = query.top.map { Array(order.prefix($0)) } ?? order

        var columns = dimensions.map(\.rawValue), headings: [Term?] = dimensions.map(\.term)
        if query.sortByCount { columns.insert("rank", at: 0); headings.insert(TotalsWords.rank, at: 0) }
        if byYear {
            columns += years.map(String.init) + ["change", "change_percent"]
            headings += years.map { Term(zh: "\($0)年", en: String($0)) } + [TotalsWords.change, TotalsWords.changePercent]
        } else {
            columns.append("count")
            headings.append(TableWords.count)
        }
        var table = ResultTable(columns: columns, headings: headings)
        for (rank, group) in shown.enumerated() {
            var row = groupCells[group]
            if query.sortByCount { row.insert(.number(String(rank + 1)), at: 0) }
            row += groupCounts[group].map { ResultTable.Cell($0) }
            if byYear { row += change(groupCounts[group]) }
            table.rows.append(row)
        }
        var totals: [Int64] = []
        for column in years.indices { totals.append(try CountSum.total(groupCounts.map { $0[column] }, year: years[column])) }
        let blanks = Array(repeating: ResultTable.Cell.text(""), count: columns.count - totals.count - (byYear ? 2 : 0) - 1)
        table.footer = [[.word(key: "total", TableWords.total)] + blanks + totals.map { ResultTable.Cell($0) } + (byYear ? change(totals) : [])]
        return table
    }

    /// The WHERE conditions over `work_order` of the query's years and filters, and their values:
    /// the one definition of which orders a total counts, shared with the service levels.
    static func filter(_ query: Query) -> (conditions: [String], parameters: [SQLiteValue]) {
        var conditions = ["year IN (\(query.years.map { _ in "?" }.joined(separator: ", ")))"]
        var parameters: [SQLiteValue] = query.years.map { .integer($0) }
        if !query.includeCancelled && query.status == nil { conditions.append("status <> 'cancelled'") }
        for (column, id) in [("vendor_id", query.vendorID), ("category_id", query.categoryID), ("unit_id", query.unitID), ("project_id", query.projectID)] {
            if let id { conditions.append("\(column) = ?"); parameters.append(.integer(id)) }
        }
        if let status = query.status { conditions.append("status = ?"); parameters.append(.text(status)) }
        if let from = query.from { conditions.append("substr(opened_at, 1, 10) >= ?"); parameters.append(.text(from)) }
        if let to = query.to { conditions.append("substr(opened_at, 1, 10) <= ?"); parameters.append(.text(to)) }
        return (conditions, parameters)
    }

    /// The change from the first year to the last: the difference, and the percentage to one
    /// decimal where the first year has any (unknown, not infinite, from zero).
    static func change(_ counts: [Int64]) -> [ResultTable.Cell] {
        guard let first = counts.first, let last = counts.last else { return [.null, .null] }
        let difference = last - first
        let sign = difference > 0 ? "+" : ""
        guard first > 0 else { return [.number(sign + String(difference)), .null] }
        // Tenths of a percent, rounded half away from zero.
        let tenths = (difference * 1000 + (difference >= 0 ? first / 2 : -first / 2)) / first
        let magnitude = abs(tenths)
        let text = (tenths < 0 ? "-" : sign) + "\(magnitude / 10).\(magnitude % 10)%"
        return [.number(sign + String(difference)), .number(text)]
    }
}
