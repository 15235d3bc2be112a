import SQLiteDB

/// Loads the 2020 report, carried in `seed/` and compiled in, into a database: in one
/// transaction, and only once (a second run finds its mark in the history and adds nothing).
public struct SeedLoader {
    public static let source = "2020 report"

    public struct Summary: Sendable, Equatable {
        public var alreadyLoaded = false
        public var units = 0, vendors = 0, projects = 0, categories = 0, workOrders = 0
        public var budgetLines = 0, indicators = 0, findings = 0
    }

    let db: Connection
    let actor: String
    let clock: Clock

    public init(store: Store, actor: String) {
        db = store.db
        self.actor = actor
        clock = store.clock
    }

    public func isLoaded() throws -> Bool {
        try db.scalar("SELECT count(*) FROM history WHERE action = 'batch' AND kind = 'seed' AND note IN (?, ?)",
                      HistoryNote.seed.stored, Self.source)?.int64 ?? 0 > 0
    }

    @discardableResult
    public func load() throws -> Summary {
        try db.transaction {
            var summary = Summary()
            guard try !isLoaded() else {
                summary.alreadyLoaded = true
                return summary
            }
            var unitKeys: [String: Int64] = [:]
            for row in try table("units.csv", PackageResources.units_csv).rows {
                var values = fields(row.values, except: ["key", "parent"])
                if let parent = row.values["parent"], !parent.isEmpty {
                    guard let id = unitKeys[parent] else { throw seedError("units.csv", row.line, .unknownParentKey(parent)) }
                    values["parent"] = "#\(id)"
                }
                unitKeys[row.values["key"] ?? ""] = try insertOrFind(.unit, values, counting: &summary.units,
                    existing: "SELECT id FROM unit WHERE name = ? AND coalesce(parent_id, 0) = ?",
                    [.text(values["name"] ?? ""), .integer(values["parent"].flatMap { Int64($0.dropFirst()) } ?? 0)])
            }
            for row in try table("vendors.csv", PackageResources.vendors_csv).rows {
                let values = fields(row.values)
                _ = try insertOrFind(.vendor, values, counting: &summary.vendors,
                                     existing: "SELECT id FROM vendor WHERE name = ?", [.text(values["name"] ?? "")])
            }
            for row in try table("categories.csv", PackageResources.categories_csv).rows {
                let values = fields(row.values)
                _ = try insertOrFind(.category, values, counting: &summary.categories,
                                     existing: "SELECT id FROM category WHERE name = ?", [.text(values["name"] ?? "")])
            }
            for row in try table("projects.csv", PackageResources.projects_csv).rows {
                var values = fields(row.values)
                values["unit"] = try unitReference(row.values["unit"], unitKeys, file: "projects.csv", line: row.line)
                _ = try insertOrFind(.project, values, counting: &summary.projects,
                                     existing: "SELECT id FROM project WHERE name = ?", [.text(values["name"] ?? "")])
            }
            var budgetKeys: [String: Int64] = [:]
            for row in try table("budget_lines.csv", PackageResources.budget_lines_csv).rows {
                var values = fields(row.values, except: ["key"])
                values["unit"] = try unitReference(row.values["unit"], unitKeys, file: "budget_lines.csv", line: row.line)
                if let parent = row.values["parent"], !parent.isEmpty {
                    guard let id = budgetKeys[parent] else { throw seedError("budget_lines.csv", row.line, .unknownParentKey(parent)) }
                    values["parent"] = "#\(id)"
                }
                budgetKeys[row.values["key"] ?? ""] = try repository(.budget).insert(values)
                summary.budgetLines += 1
            }
            for row in try table("indicators.csv", PackageResources.indicators_csv).rows {
                var values = fields(row.values)
                values["unit"] = try unitReference(row.values["unit"], unitKeys, file: "indicators.csv", line: row.line)
                try repository(.indicator).insert(values)
                summary.indicators += 1
            }
            for row in try table("findings.csv", PackageResources.findings_csv).rows {
                var values = fields(row.values)
                values["unit"] = try unitReference(row.values["unit"], unitKeys, file: "findings.csv", line: row.line)
                values["source"] = Self.source
                try repository(.finding).insert(values)
                summary.findings += 1
            }
            summary.workOrders = try loadWorkOrders()
            try HistoryLog(db: db, actor: actor, at: clock.now()).recordSeedLoaded(note: HistoryNote.seed.stored)
            return summary
        }
    }

    /// One closed work order per service the report counts: year, vendor, project and
    /// category, nothing invented. Recorded in history as one batch.
    private func loadWorkOrders() throws -> Int {
        let orders = repository(.order)
        var total = 0
        var firstID: Int64?
        for row in try table("work_order_counts.csv", PackageResources.work_order_counts_csv).rows {
            guard let count = Int(row.values["count"] ?? ""), count >= 0 else {
                throw seedError("work_order_counts.csv", row.line, .notAWholeNumber)
            }
            // Validate one record fully, then repeat its resolved values.
            var values = fields(row.values, except: ["count"])
            values["status"] = "closed"
            values["source"] = Self.source
            guard count > 0 else { continue }
            let id = try orders.insert(values, history: false)
            firstID = firstID ?? id
            let stored = try orders.row(id)
            let columns = ["year", "vendor_id", "project_id", "category_id", "status", "source"]
            let insert = try db.prepare("INSERT INTO work_order (\(columns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?)")
            for _ in 1..<count {
                try insert.run(columns.map { stored[$0] })
            }
            total += count
        }
        let lastID = db.lastInsertRowID
        let now = clock.now()
        try orders.recordBatch(created: firstID.map { $0...lastID }, note: .seedBatch(count: Int64(total), kind: .order),
                               arrival: .seed, at: now)
        return total
    }

    private func repository(_ kind: RecordKind) -> RecordRepository {
        RecordRepository(db: db, kind: kind, actor: actor, clock: clock)
    }

    /// Inserts unless a record with the same natural key is already there (a clerk may have
    /// entered the vendor before seeding); counts only what it inserts.
    private func insertOrFind(_ kind: RecordKind, _ values: [String: String], counting: inout Int,
                              existing sql: String, _ key: [SQLiteValue]) throws -> Int64 {
        if let id = try db.scalar(sql, key)?.int64 { return id }
        counting += 1
        return try repository(kind).insert(values)
    }

    private func table(_ name: String, _ bytes: [UInt8]) throws -> CSVTable {
        try CSVTable(name: name, bytes: bytes)
    }

    /// A seed row's non-empty values, with CSV headers (`short_name`) as field names (`short-name`).
    private func fields(_ row: [String: String], except skipped: Set<String> = []) -> [String: String] {
        var values: [String: String] = [:]
        for (header, value) in row where !skipped.contains(header) && !value.isEmpty {
            values[header.replacingUnderscores()] = value
        }
        return values
    }

    private func unitReference(_ key: String?, _ keys: [String: Int64], file: String, line: Int) throws -> String? {
        guard let key, !key.isEmpty else { return nil }
        guard let id = keys[key] else { throw seedError(file, line, .unknownUnitKey(key)) }
        return "#\(id)"
    }

    private func seedError(_ file: String, _ line: Int, _ reason: Reason) -> DRCError {
        .invalid(field: "seed file", value: file, reason: .onLine(line, reason))
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
