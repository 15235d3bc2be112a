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

        var display: String {
            switch self {
            case .vendor: return "v.name"
            case .category: return "c.name"
            case .project: return "coalesce(p.name, '(no project)')"
            case .unit: return "coalesce(\(UnitName.sql("u")), '(unknown unit)')"
            case .month: return "coalesce(t.k\(Dimension.allCases.firstIndex(of: self)!), 'unknown month')"
            case .status: return "t.k\(Dimension.allCases.firstIndex(of: self)!)"
            }
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
        var table = ResultTable(columns: dimensions.map(\.rawValue) + ["count"])
        var counts: [Int64] = []
        for row in try db.rows(sql, year) {
            let count = row[dimensions.count].int64 ?? 0
            counts.append(count)
            table.rows.append((0..<dimensions.count).map { .text(row[$0].displayText) } + [.init(count)])
        }
        let total = try CountSum.total(counts, year: year)
        table.footer = [[.text("total")] + Array(repeating: .text(""), count: dimensions.count - 1) + [.init(total)]]
        return table
    }
}
