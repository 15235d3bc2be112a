import SQLiteDB

/// Each vendor's monthly 考核 (运维考核): 100 points less the deductions for the month's
/// breaches, each breach costing its policy's points for that measure, never below 0. A month
/// is the month the order was opened; a vendor's months are those it has orders in (an order
/// without an opened date has no month and no minutes, and is in none). Cancelled orders are
/// not services and are left out. A month none of whose orders is measured (no measure with
/// both its minutes and a limit, as for an order with no priority and so no policy) has no
/// score: no data is no score, never 100.
public struct ServiceAssessment {
    public struct Month: Sendable, Equatable {
        public let vendorID: Int64
        public let vendor: String
        /// `2021-03`.
        public let month: String
        public var orders: Int64 = 0
        /// Orders with at least one measure measured (its minutes and its limit known).
        public var measured: Int64 = 0
        public var breaches: [ServiceMeasure: Int64] = [:]
        /// The points taken, in billionths (exact).
        public var deduction = ExactDecimal.zero

        /// 100 less the deduction, at least 0, in hundredths of a point (rounded half up); nil
        /// when no order of the month is measured.
        public var score: Points? {
            guard measured > 0 else { return nil }
            let full = 100 * ExactDecimal.scale
            return Points(hundredths: ExactDecimal.divideRounded(max(0, full - deduction.nanos), by: 10_000_000))
        }

        public var deductionPoints: Points { Points(hundredths: deduction.hundredths) }
    }

    /// One measure of one order over its limit.
    public struct Breach: Sendable, Equatable {
        public let orderID: Int64
        public let ticket: String?
        public let vendor: String
        public let month: String
        public let priority: ServicePriority?
        public let measure: ServiceMeasure
        public let minutes: Int64
        public let limit: Int64
        public let deduction: ExactDecimal
    }

    public let year: Int64
    public let months: [Month]
    public let breaches: [Breach]

    public init(_ db: Connection, year: Int64, vendorID: Int64? = nil) throws {
        self.year = year
        let book = try ServicePolicyBook.load(db)
        var conditions = ["o.year = ?", "o.status <> 'cancelled'", "o.opened_at IS NOT NULL"]
        var parameters: [SQLiteValue] = [.integer(year)]
        if let vendorID { conditions.append("o.vendor_id = ?"); parameters.append(.integer(vendorID)) }
        let measures = ServiceMeasure.allCases
        let over = measures.map { "ifnull(sum(o.\($0.metColumn) = 0), 0)" }
        let rows = try db.rows("""
            SELECT o.vendor_id, v.name, substr(o.opened_at, 1, 7) AS month, o.sla_policy_id, count(*),
                   ifnull(sum(\(measures.map { "o.\($0.metColumn) IS NOT NULL" }.joined(separator: " OR "))), 0), \(over.joined(separator: ", "))
            FROM work_order AS o JOIN vendor AS v ON v.id = o.vendor_id WHERE \(conditions.joined(separator: " AND "))
            GROUP BY o.vendor_id, month, o.sla_policy_id ORDER BY o.vendor_id, month
            """, parameters)
        var months: [Month] = []
        for row in rows {
            guard let vendorID = row[0].int64, let month = row[2].string else { continue }
            if months.last?.vendorID != vendorID || months.last?.month != month {
                months.append(Month(vendorID: vendorID, vendor: row[1].string ?? "", month: month))
            }
            let policy = book.policy(id: row[3].int64)
            months[months.count - 1].orders += row[4].int64 ?? 0
            months[months.count - 1].measured += row[5].int64 ?? 0
            for (offset, measure) in measures.enumerated() {
                let count = row[6 + offset].int64 ?? 0
                months[months.count - 1].breaches[measure, default: 0] += count
                let points = policy?.deductions[measure] ?? .zero
                months[months.count - 1].deduction = ExactDecimal(nanos: months[months.count - 1].deduction.nanos + Int128(count) * points.nanos)
            }
        }
        self.months = months

        let anyOver = measures.map { "o.\($0.metColumn) = 0" }.joined(separator: " OR ")
        var breaches: [Breach] = []
        for row in try db.rows("""
            SELECT o.id, o.ticket, v.name, substr(o.opened_at, 1, 7), o.priority, o.sla_policy_id,
                   \(measures.map { "o.\($0.minutesColumn), o.\($0.limitColumn)" }.joined(separator: ", "))
            FROM work_order AS o JOIN vendor AS v ON v.id = o.vendor_id
            WHERE \(conditions.joined(separator: " AND ")) AND (\(anyOver)) ORDER BY o.vendor_id, o.opened_at, o.id
            """, parameters) {
            let policy = book.policy(id: row[5].int64)
            for (offset, measure) in measures.enumerated() {
                guard let minutes = row[6 + 2 * offset].int64, let limit = row[7 + 2 * offset].int64, minutes > limit else { continue }
                breaches.append(Breach(orderID: row[0].int64 ?? 0, ticket: row[1].string, vendor: row[2].string ?? "", month: row[3].string ?? "",
                                       priority: row[4].string.flatMap(ServicePriority.init(rawValue:)), measure: measure,
                                       minutes: minutes, limit: limit, deduction: policy?.deductions[measure] ?? .zero))
            }
        }
        self.breaches = breaches
    }

    /// Vendor, month, orders and how many of them are measured, breaches per measure,
    /// deduction and score (无考核数据 where nothing is measured).
    public func table() -> ResultTable {
        let w = ServiceLevelWords.self
        var table = ResultTable(
            columns: ["vendor", "month"] + ["orders", "measured"] + ServiceMeasure.allCases.map { "\($0.rawValue)_breaches" } + ["deduction", "score"],
            headings: [RecordKind.vendor.noun, Term(zh: "月份", en: "month"), w.orders, w.measuredOrders] + ServiceMeasure.allCases.map(w.breaches)
                + [w.deduction, w.score])
        for month in months {
            table.rows.append([.text(month.vendor), .text(month.month), ResultTable.Cell(month.orders), ResultTable.Cell(month.measured)]
                + ServiceMeasure.allCases.map { ResultTable.Cell(month.breaches[$0] ?? 0) }
                + (month.score.map { [.number(month.deductionPoints.text), .number($0.text)] } ?? [.null, .word(key: "no data", w.noData)]))
        }
        return table
    }

    /// Each breach: the order, its vendor and month, the measure, minutes against the limit, and the points it cost.
    public func breachTable() -> ResultTable {
        let w = ServiceLevelWords.self
        var table = ResultTable(
            columns: ["order", "ticket", "vendor", "month", "priority", "measure", "minutes", "limit", "deduction"],
            headings: [w.order, w.ticket, RecordKind.vendor.noun, Term(zh: "月份", en: "month"), w.priority, w.measure, w.elapsed, w.limitWord, w.deduction])
        for breach in breaches {
            table.rows.append([.number(String(breach.orderID)), ResultTable.Cell(breach.ticket), .text(breach.vendor), .text(breach.month),
                               breach.priority.map { .word(key: $0.rawValue, $0.term) } ?? .null, .word(key: breach.measure.rawValue, breach.measure.term),
                               .number(String(breach.minutes)), .number(String(breach.limit)), .number(Points(hundredths: breach.deduction.hundredths).text)])
        }
        return table
    }
}
