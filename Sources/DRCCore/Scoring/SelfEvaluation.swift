import SQLiteDB

/// The self-evaluation sheet (绩效自评表) of a year: each indicator set (a project's indicators,
/// or a unit's own) with its indicators scored, the total and the grade (优 ≥ 90, 良 80–89,
/// 中 60–79, 差 < 60). An indicator without a score leaves the total unknown: never a zero.
public struct SelfEvaluation: Sendable {
    public enum Grade: String, Sendable, CaseIterable {
        case excellent, good, fair, poor

        public init(total: Points) {
            switch total.hundredths {
            case 9000...: self = .excellent
            case 8000..<9000: self = .good
            case 6000..<8000: self = .fair
            default: self = .poor
            }
        }
    }

    public struct Row: Sendable {
        public let id: Int64
        public let level1: String
        public let level2: String?
        public let name: String
        public let direction: IndicatorScore.Direction?
        public let target: String?
        public let actual: String?
        public let actualBound: IndicatorScore.Bound
        public let actualText: String?
        public let measure: String?
        public let deviation: String?
        public let score: IndicatorScore
    }

    public struct Set: Sendable {
        /// The project's name, or the unit's for its own indicators.
        public let name: String
        public let projectID: Int64?
        public let unitID: Int64?
        public let rows: [Row]

        public var weightTotal: Points? {
            let weights = rows.map(\.score.weight)
            guard weights.allSatisfy({ $0 != nil }) else { return nil }
            return Points(hundredths: weights.reduce(0) { $0 + ($1?.hundredths ?? 0) })
        }

        /// The total when every indicator is scored; `unscored` counts the ones that are not.
        public var total: Points? {
            let points = rows.map(\.score.points)
            guard points.allSatisfy({ $0 != nil }) else { return nil }
            return Points(hundredths: points.reduce(0) { $0 + ($1?.hundredths ?? 0) })
        }

        public var unscored: Int { rows.filter { $0.score.points == nil }.count }

        /// Bounded when any score is only a bound: the total is then at least (or at most) this.
        public var totalBound: IndicatorScore.Bound {
            let bounds = rows.compactMap { row -> IndicatorScore.Bound? in
                if case .scored(_, let bound, _) = row.score.outcome, bound != .exact { return bound }
                return nil
            }
            if bounds.isEmpty { return .exact }
            return bounds.allSatisfy { $0 == bounds[0] } ? bounds[0] : .exact
        }

        /// The grade, given only on a known total of a set whose weights make 100.
        public var grade: Grade? {
            guard let total, weightTotal == Points(hundredths: 10000) else { return nil }
            return Grade(total: total)
        }

        /// Whether the set is scored at all: some indicator carries a weight.
        public var isWeighted: Bool { rows.contains { $0.score.weight != nil } }
    }

    public let year: Int64
    public let sets: [Set]

    /// The year's sets, or the one of `projectID` / `unitID` (a unit's own indicators).
    public init(_ db: Connection, year: Int64, projectID: Int64? = nil, unitID: Int64? = nil) throws {
        self.year = year
        let rows = try db.rows("""
            SELECT i.*, p.name AS project_name, \(UnitName.sql("u")) AS unit_name
            FROM indicator AS i LEFT JOIN project AS p ON p.id = i.project_id LEFT JOIN unit AS u ON u.id = i.unit_id
            WHERE i.year = ?1 AND (?2 IS NULL OR i.project_id = ?2) AND (?3 IS NULL OR (i.project_id IS NULL AND i.unit_id = ?3))
            ORDER BY i.project_id IS NULL, i.project_id, i.unit_id, i.id
            """, [.integer(year), projectID.map { .integer($0) } ?? .null, unitID.map { .integer($0) } ?? .null])
        var executionRates: [String: String?] = [:]
        var sets: [Set] = []
        var current: (key: String, name: String, project: Int64?, unit: Int64?, rows: [Row])?
        for row in rows {
            let project = row.int64("project_id"), unit = row.int64("unit_id")
            let key = project.map { "p\($0)" } ?? "u\(unit ?? 0)"
            if current?.key != key {
                if let done = current { sets.append(Set(name: done.name, projectID: done.project, unitID: done.unit, rows: done.rows)) }
                current = (key, row.string("project_name") ?? row.string("unit_name") ?? "", project, project == nil ? unit : nil, [])
            }
            var actual = row.string("actual")
            var bound = Self.bound(row.string("actual_bound"))
            if row.int64("budget_execution") == 1 {
                // A project's indicator is the project's own rate; a unit's is the department's.
                if executionRates[key] == nil {
                    executionRates[key] = try Self.executionRate(db, year: year, projectID: project, unitID: project == nil ? unit : nil)
                }
                actual = executionRates[key] ?? nil
                bound = .exact
            }
            let direction = row.string("target_op").flatMap(IndicatorScore.Direction.init(rawValue:))
            let score = IndicatorScore(direction: direction, target: row.string("target"), actual: actual, actualBound: bound,
                                       weight: row.string("weight"), grade: row.string("grade").flatMap(IndicatorScore.Grade.init(rawValue:)),
                                       given: row.string("score_given"))
            current?.rows.append(Row(id: row.int64("id") ?? 0, level1: row.string("level1") ?? "", level2: row.string("level2"),
                                     name: row.string("name") ?? "", direction: direction, target: row.string("target"),
                                     actual: actual, actualBound: bound, actualText: row.string("actual_text"),
                                     measure: row.string("measure"), deviation: row.string("deviation"), score: score))
        }
        if let done = current { sets.append(Set(name: done.name, projectID: done.project, unitID: done.unit, rows: done.rows)) }
        self.sets = sets
    }

    /// The score's bound from the actual's (`actual_bound`: exact, lower, upper).
    static func bound(_ stored: String?) -> IndicatorScore.Bound {
        switch stored {
        case "lower": return .atLeast
        case "upper": return .atMost
        default: return .exact
        }
    }

    /// 预算执行率 in percent to two decimals, as the 自评表 computes it (全年执行数 ÷ 全年预算数,
    /// `BudgetExecution`): a project's from its own budget lines, the unit's (the department's)
    /// from all of its basic and project spending. Nil while any amount is unknown, nothing is
    /// budgeted, or no line funds the project.
    public static func executionRate(_ db: Connection, year: Int64, projectID: Int64?, unitID: Int64?) throws -> String? {
        let execution: BudgetExecution?
        if let projectID {
            execution = try BudgetExecution.project(db, year: year, projectID: projectID)
        } else if let unitID {
            execution = try BudgetExecution.department(db, year: year, unitID: unitID)
        } else {
            return nil
        }
        return execution?.rateBasisPoints.map { Points(hundredths: Int128($0)).text }
    }
}
