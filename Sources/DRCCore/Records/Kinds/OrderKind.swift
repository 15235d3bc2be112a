import SQLiteDB

extension RecordKind {
    /// Work orders (工单): one service a vendor gave. Backfilled records carry only a year.
    public static let order = RecordKind(
        id: .order, noun: Term(zh: "工单", en: "work order"), table: "work_order",
        fields: [
            Field("year", .year, derivedFrom: "opened", zh: "年度", help: "The year the service belongs to (taken from the opened date when not given)."),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), required: true, zh: "供应商", help: "The vendor who gave the service."),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: "The project it was bought under."),
            Field("category", column: "category_id", .reference(kind: .category), required: true, zh: "服务类别", help: "The service category."),
            Field("unit", column: "unit_id", .reference(kind: .unit), zh: "报修单位", help: "The unit that asked for it."),
            Field("status", .choice(WorkOrderStatus.choices), default: .text("new"),
                  zh: "状态", help: "new, assigned, pending, solved, closed or cancelled (新建 … 已取消)."),
            Field("opened", column: "opened_at", .timestamp, zh: "报修时间", help: "When it was opened: 2020-03-02 14:05, 2020/3/2, 2020年3月2日."),
            Field("solved", column: "solved_at", .timestamp, zh: "解决时间", help: "When it was solved."),
            Field("closed", column: "closed_at", .timestamp, zh: "关闭时间", help: "When it was closed."),
            Field("summary", .text, zh: "故障描述", help: "What was asked."),
            Field("solution", .text, zh: "处理结果", help: "What was done."),
            Field("source", .text, default: .text("entered"), zh: "来源", help: "Where the record came from (default: entered)."),
        ],
        lookupColumns: [],
        titleColumn: nil,
        from: """
            work_order AS r JOIN vendor AS v ON v.id = r.vendor_id JOIN category AS c ON c.id = r.category_id \
            LEFT JOIN project AS p ON p.id = r.project_id LEFT JOIN unit AS u ON u.id = r.unit_id
            """,
        columns: [
            Column("id", "r.id", .number),
            Column("year", "r.year", .number),
            Column("vendor", "v.name"),
            Column("project", "p.name"),
            Column("category", "c.name"),
            Column("unit", UnitName.sql("u")),
            Column("status", "r.status"),
            Column("opened", "r.opened_at"),
            Column("solved", "r.solved_at", listed: false),
            Column("closed", "r.closed_at"),
            Column("summary", "r.summary"),
            Column("solution", "r.solution", listed: false),
            Column("source", "r.source", listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?"),
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?"),
            Filter("project", .reference(kind: .project), "r.project_id = ?"),
            Filter("category", .reference(kind: .category), "r.category_id = ?"),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?"),
            Filter("status", .choice(WorkOrderStatus.choices), "r.status = ?"),
            Filter("from", .timestamp, "r.opened_at >= ?"),
            Filter("to", .timestamp, "r.opened_at < ? || 'z'"),
            Filter("source", .text, "r.source = ?"),
        ],
        rules: [yearAgreesWithTimestamps, timestampsInOrder, vendorTakesOrders, statusChangesThroughTransitions],
        warningChecks: [closedOrderEdited, longSolveTime]
    ).importingInBulk(OrderRowWriter.make)

    /// A closed order is history; changing it is allowed, but said.
    private static let closedOrderEdited: WarningCheck = { id, _, existing in
        existing?.string("status") == WorkOrderStatus.closed.rawValue ? [.closedOrderEdited(id: id)] : []
    }

    private static let longSolveTime: WarningCheck = { id, values, existing in
        guard existing == nil || existing?["opened_at"] != values["opened_at"] || existing?["solved_at"] != values["solved_at"],
              let warning = WorkOrderRules.longSolve(id: id, opened: values["opened_at"]?.string,
                                                     solved: values["solved_at"]?.string) else { return [] }
        return [warning]
    }

    /// The year agrees with the opened date (and is taken from it when not given).
    private static let yearAgreesWithTimestamps: Rule = { values, _, _ in
        let year = try violationsAsErrors {
            try WorkOrderRules.year(given: values["year"]?.int64, opened: values["opened_at"]?.string)
        }
        values["year"] = .integer(year)
    }

    /// Solved and closed cannot come before opened, nor closed before solved.
    private static let timestampsInOrder: Rule = { values, _, _ in
        try violationsAsErrors {
            try WorkOrderRules.inOrder(opened: values["opened_at"]?.string, solved: values["solved_at"]?.string,
                                       closed: values["closed_at"]?.string)
        }
    }

    private static func violationsAsErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let violation as WorkOrderRules.Violation {
            throw DRCError.invalid(field: violation.field, value: violation.value, reason: violation.reason)
        }
    }

    /// A new order, or an order moved to another vendor, needs an active vendor.
    private static let vendorTakesOrders: Rule = { values, existing, db in
        guard let vendorID = values["vendor_id"]?.int64, existing?.int64("vendor_id") != vendorID else { return }
        if let vendor = try db.rows("SELECT name, active FROM vendor WHERE id = ?", vendorID).first, vendor.int64("active") == 0 {
            throw DRCError.inactiveVendor(name: vendor.string("name") ?? "#\(vendorID)")
        }
    }

    /// Editing cannot jump between statuses; the transitions (close, solve …) do that.
    private static let statusChangesThroughTransitions: Rule = { values, existing, _ in
        guard let existing, let before = existing.string("status"), let after = values["status"]?.string, before != after else { return }
        throw DRCError.invalid(field: "status", value: after,
                               reason: "changes only through the status commands (assign, pend, solve, close, cancel, reopen)")
    }
}
