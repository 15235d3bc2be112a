import SQLiteDB

/// `totals --measure`: the orders of the totals' groups (the same dimensions and filters as
/// `WorkOrderTotals`) with their service levels: counts; per measure the minutes known and
/// unknown with their mean, median and 90th percentile; and compliance, met ÷ measured, where
/// measured means both minutes and a limit are known (the rest shown as unmeasured; for arrival,
/// remote fixes, which expect none, are counted apart from a missing arrival time). Read from
/// the minutes and met flags stored with each order, in one pass over the year's index entries
/// (and a second, grouped by minutes, for the median and percentile).
public enum ServiceLevelTotals {
    /// What `--measure` asks for.
    public enum Figure: String, CaseIterable, Sendable {
        case count, response, arrival, fix, sla
        var measure: ServiceMeasure? { ServiceMeasure(rawValue: rawValue) }
    }

    /// The groups' names (cells) and figures, in the dimensions' order, and the total of all.
    public struct Groups {
        public let dimensions: [WorkOrderTotals.Dimension]
        public var cells: [[ResultTable.Cell]] = []
        public var figures: [ServiceFigures] = []
        public var total = ServiceFigures()
    }

    public static func compute(_ db: Connection, _ query: WorkOrderTotals.Query, figures: [Figure]) throws -> ResultTable {
        let timed = ServiceMeasure.allCases.filter { figures.contains(Figure(rawValue: $0.rawValue)!) }
        let found = try groups(db, query, times: timed, histograms: timed, compliance: figures.contains(.sla))
        let dimensions = found.dimensions, groups = found.figures, groupCells = found.cells
        var order = Array(groups.indices)
        if query.sortByCount {
            order.sort { a, b in groups[a].orders != groups[b].orders ? groups[a].orders > groups[b].orders : a < b }
        }
        let shown = query.top.map { Array(order.prefix($0)) } ?? order

        var columns = dimensions.map(\.rawValue), headings: [Term?] = dimensions.map(\.term)
        if query.sortByCount { columns.insert("rank", at: 0); headings.insert(TotalsWords.rank, at: 0) }
        for (key, term) in figureColumns(figures) { columns.append(key); headings.append(term) }
        var table = ResultTable(columns: columns, headings: headings)
        for (rank, group) in shown.enumerated() {
            var row = groupCells[group]
            if query.sortByCount { row.insert(.number(String(rank + 1)), at: 0) }
            table.rows.append(row + cells(groups[group], figures))
        }
        let blanks = Array(repeating: ResultTable.Cell.text(""), count: columns.count - figureColumns(figures).count - 1)
        table.footer = [[.word(key: "total", TableWords.total)] + blanks + cells(found.total, figures)]
        return table
    }

    /// The query's groups with their figures: the minutes known and their sum for `times` (and
    /// their histograms for `histograms`), and per measure how many were measured and met when
    /// `compliance`. Only what is asked is read, because each aggregate costs the pass over the
    /// year's index entries its share (bench/README, "Service levels at scale"); the figures not
    /// asked for stay zero and are not to be shown.
    public static func groups(_ db: Connection, _ query: WorkOrderTotals.Query, times: [ServiceMeasure], histograms: [ServiceMeasure] = [],
                              compliance: Bool) throws -> Groups {
        try DistinctDimensions.require(query.dimensions)
        let dimensions = query.dimensions.isEmpty ? [WorkOrderTotals.Dimension.vendor] : query.dimensions
        let all = WorkOrderTotals.Dimension.allCases
        let names = dimensions.map { "k\(all.firstIndex(of: $0)!)" }
        let keys = dimensions.map { "\($0.key) AS k\(all.firstIndex(of: $0)!)" }
        let (conditions, parameters) = WorkOrderTotals.filter(query)
        // Each aggregate and where its value goes.
        var aggregates: [(sql: String, into: WritableKeyPath<ServiceFigures.Measure, Int64>, measure: ServiceMeasure)] = []
        for measure in ServiceMeasure.allCases {
            if times.contains(measure) {
                aggregates += [("count(\(measure.minutesColumn))", \.known, measure), ("ifnull(sum(\(measure.minutesColumn)), 0)", \.sum, measure)]
            }
            if compliance {
                aggregates += [("count(\(measure.metColumn))", \.measured, measure), ("ifnull(sum(\(measure.metColumn)), 0)", \.met, measure)]
            }
        }
        // With compliance, the remote fixes last.
        let remoteSQL = compliance ? ", ifnull(sum(remote), 0)" : ""
        let sql = """
            SELECT \(dimensions.map(\.display).joined(separator: ", ")), \(names.map { "t.\($0)" }.joined(separator: ", ")), t.* FROM (
                SELECT \(keys.joined(separator: ", ")), count(*)\(aggregates.map { ", " + $0.sql }.joined())\(remoteSQL) FROM work_order
                WHERE \(conditions.joined(separator: " AND ")) GROUP BY \(names.joined(separator: ", "))
            ) AS t \(dimensions.compactMap(\.join).joined(separator: " "))
            ORDER BY \(dimensions.map(\.order).joined(separator: ", "))
            """
        var groupCells: [[ResultTable.Cell]] = []
        var groups: [ServiceFigures] = []
        var index: [[SQLiteValue]: Int] = [:]
        for row in try db.rows(sql, parameters) {
            let count = dimensions.count
            var figures = ServiceFigures()
            // After the names and the raw keys: t's keys again, then the count and the aggregates.
            let base = 3 * count
            figures.orders = row[base].int64 ?? 0
            for (offset, aggregate) in aggregates.enumerated() {
                figures.measures[aggregate.measure, default: ServiceFigures.Measure()][keyPath: aggregate.into] = row[base + 1 + offset].int64 ?? 0
            }
            if compliance { figures.remote = row[base + 1 + aggregates.count].int64 ?? 0 }
            index[(count..<2 * count).map { row[$0] }] = groups.count
            groupCells.append(dimensions.enumerated().map { $1.cell(row[$0]) })
            groups.append(figures)
        }
        // The minutes of each group, counted by value, for the median and the percentile.
        for measure in histograms {
            let histogram = """
                SELECT \(keys.joined(separator: ", ")), \(measure.minutesColumn), count(*) FROM work_order
                WHERE \((conditions + ["\(measure.minutesColumn) IS NOT NULL"]).joined(separator: " AND "))
                GROUP BY \(names.joined(separator: ", ")), \(measure.minutesColumn) ORDER BY \(measure.minutesColumn)
                """
            for row in try db.rows(histogram, parameters) {
                let count = dimensions.count
                guard let at = index[(0..<count).map { row[$0] }], let minutes = row[count].int64, let n = row[count + 1].int64 else { continue }
                groups[at].measures[measure]?.histogram.append((minutes, n))
            }
        }
        var found = Groups(dimensions: dimensions, cells: groupCells, figures: groups)
        for group in groups { found.total.add(group) }
        return found
    }

    /// The columns each figure adds, keys and headings.
    static func figureColumns(_ figures: [Figure]) -> [(String, Term)] {
        var columns: [(String, Term)] = []
        for figure in figures {
            switch figure {
            case .count:
                columns.append(("count", TableWords.count))
            case .response, .arrival, .fix:
                let m = figure.measure!, w = ServiceLevelWords.self
                columns += [("\(m.rawValue)_known", w.known(m)), ("\(m.rawValue)_unknown", w.unknown(m)), ("\(m.rawValue)_mean", w.mean(m)),
                            ("\(m.rawValue)_median", w.median(m)), ("\(m.rawValue)_p90", w.p90(m))]
            case .sla:
                for m in ServiceMeasure.allCases {
                    let w = ServiceLevelWords.self
                    columns += [("\(m.rawValue)_met", w.met(m)), ("\(m.rawValue)_measured", w.measured(m)),
                                ("\(m.rawValue)_percent", w.rate(m))]
                    if m == .arrival { columns.append(("arrival_remote", w.remote)) }
                    columns.append(("\(m.rawValue)_unmeasured", w.unmeasured(m)))
                }
            }
        }
        return columns
    }

    static func cells(_ group: ServiceFigures, _ figures: [Figure]) -> [ResultTable.Cell] {
        var cells: [ResultTable.Cell] = []
        for figure in figures {
            switch figure {
            case .count:
                cells.append(ResultTable.Cell(group.orders))
            case .response, .arrival, .fix:
                let m = group[figure.measure!]
                cells += [ResultTable.Cell(m.known), ResultTable.Cell(group.orders - m.known),
                          m.meanTenths.map { .number(ServiceFigures.tenths($0)) } ?? .null,
                          m.medianHalves.map { .number(ServiceFigures.halves($0)) } ?? .null, ResultTable.Cell(m.p90)]
            case .sla:
                for measure in ServiceMeasure.allCases {
                    let m = group[measure]
                    cells += [ResultTable.Cell(m.met), ResultTable.Cell(m.measured),
                              m.rateTenths.map { .number(ServiceFigures.tenths($0)) } ?? .null]
                    if measure == .arrival { cells.append(ResultTable.Cell(group.remote)) }
                    cells.append(ResultTable.Cell(group.unmeasured(measure)))
                }
            }
        }
        return cells
    }
}
