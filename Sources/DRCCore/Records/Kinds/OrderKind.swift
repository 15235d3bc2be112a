import SQLiteDB

extension RecordKind {
    /// Work orders (工单): one service a vendor gave. Backfilled records carry only a year.
    public static let order = RecordKind(
        id: .order, noun: Term(zh: "工单", en: "work order", measure: "条"), table: "work_order",
        fields: [
            Field("year", .year, derivedFrom: "opened", zh: "年度", help: Wording(zh: "服务所属年度（不填时取报修时间的年份）。", en: "The year the service belongs to (taken from the opened date when not given).")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), required: true, zh: "供应商", help: Wording(zh: "提供服务的供应商。", en: "The vendor who gave the service.")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: Wording(zh: "服务所属的采购项目。", en: "The project it was bought under.")),
            Field("category", column: "category_id", .reference(kind: .category), required: true, zh: "服务类别", help: Wording(zh: "服务类别。", en: "The service category.")),
            Field("unit", column: "unit_id", .reference(kind: .unit), zh: "报修单位", help: Wording(zh: "报修单位。", en: "The unit that asked for it.")),
            Field("status", .choice(WorkOrderStatus.choices), default: .text("new"), editable: false,
                  zh: "状态", help: Wording(zh: "new、assigned、pending、solved、closed 或 cancelled（新建 … 已取消）。", en: "new, assigned, pending, solved, closed or cancelled (新建 … 已取消).")),
            Field("opened", column: "opened_at", .timestamp, zh: "报修时间", help: Wording(zh: "报修时间：2020-03-02 14:05、2020/3/2、2020年3月2日。", en: "When it was opened: 2020-03-02 14:05, 2020/3/2, 2020年3月2日.")),
            Field("solved", column: "solved_at", .timestamp, zh: "解决时间", help: Wording(zh: "解决时间。", en: "When it was solved.")),
            Field("closed", column: "closed_at", .timestamp, zh: "关闭时间", help: Wording(zh: "关闭时间。", en: "When it was closed.")),
            Field("summary", .text, zh: "故障描述", help: Wording(zh: "故障描述：报修的内容。", en: "What was asked.")),
            Field("solution", .text, zh: "处理结果", help: Wording(zh: "处理结果：做了什么。", en: "What was done.")),
            Field("source", .text, default: .text("entered"), zh: "来源", help: Wording(zh: "记录来源（默认：entered，即手工录入）。", en: "Where the record came from (default: entered).")),
            Field("ticket", .text, zh: "工单号", help: Wording(zh: "供应商自己的工单号；同一供应商内唯一，重复导入时据此认出同一条工单。", en: "The vendor's own ticket number: unique per vendor, and how a re-sent row is recognised.")),
            Field("requester", .text, zh: "报修人", help: Wording(zh: "报修人。", en: "Who asked for the service.")),
            Field("phone", .text, zh: "联系电话", help: Wording(zh: "报修人的联系电话。", en: "The requester's phone number.")),
            Field("contract", column: "contract_id", .reference(kind: .contract), zh: "合同", help: Wording(zh: "服务所依据的合同（合同编号）。", en: "The contract the service was given under (its number).")),
            Field("priority", .choice(ServicePriority.choices), zh: "优先级",
                  help: Wording(zh: "urgent、high、medium 或 low（紧急、高、中、低）：按服务级别策略定时限。", en: "urgent, high, medium or low (紧急, 高, 中, 低): sets its service-level limits.")),
            Field("responded", column: "responded_at", .timestamp, zh: "响应时间",
                  help: Wording(zh: "供应商响应的时间；不填时取第一次分配（assign）的时间。", en: "When the vendor responded; when not given, the first assign's time.")),
            Field("arrived", column: "arrived_at", .timestamp, zh: "到场时间",
                  help: Wording(zh: "到达现场的时间；远程处理的不填（并标明远程处理）。", en: "When the vendor arrived on site; none for a remote fix (mark it remote).")),
            Field("restored", column: "restored_at", .timestamp, zh: "恢复时间",
                  help: Wording(zh: "服务恢复的时间；不填时取解决时间。", en: "When the service was restored; when not given, the solved time.")),
            Field("remote", .flag, zh: "远程处理",
                  help: Wording(zh: "是否远程处理（不需到场）：是 或 否。远程处理的工单不计到场考核，与缺到场时间的工单分开统计。",
                                en: "Whether it was fixed remotely, with no arrival expected: yes or no. A remote fix is left out of the arrival measure and counted apart from a missing arrival time.")),
        ],
        lookupColumns: [],
        titleColumn: nil,
        // Left joins throughout, though every order has its vendor and category (NOT NULL,
        // enforced references), so the rows are the same: SQLite drops a left join a query does
        // not read from, so a count or a page's ids come from the totals' index alone.
        from: """
            work_order AS r LEFT JOIN vendor AS v ON v.id = r.vendor_id LEFT JOIN category AS c ON c.id = r.category_id \
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
            Column("ticket", "r.ticket"),
            Column("requester", "r.requester", listed: false),
            Column("phone", "r.phone", listed: false),
            Column("contract", "(SELECT number FROM contract WHERE id = r.contract_id)", listed: false),
            Column("priority", "r.priority", listed: false),
            Column("responded", "r.responded_at", listed: false),
            Column("arrived", "r.arrived_at", listed: false),
            Column("restored", "r.restored_at", listed: false),
            Column("remote", "r.remote", .flag, listed: false),
            Column("response_minutes", "r.response_minutes", .number, listed: false, label: ServiceLevelWords.minutes(.response)),
            Column("response_limit", "r.response_limit", .number, listed: false, label: ServiceLevelWords.limit(.response)),
            Column("arrival_minutes", "r.arrival_minutes", .number, listed: false, label: ServiceLevelWords.minutes(.arrival)),
            Column("arrival_limit", "r.arrival_limit", .number, listed: false, label: ServiceLevelWords.limit(.arrival)),
            Column("fix_minutes", "r.fix_minutes", .number, listed: false, label: ServiceLevelWords.minutes(.fix)),
            Column("fix_limit", "r.fix_limit", .number, listed: false, label: ServiceLevelWords.limit(.fix)),
            Column("policy", "(SELECT name FROM sla_policy WHERE id = r.sla_policy_id)", listed: false, label: RecordKind.servicePolicy.noun),
        ],
        filters: [
            Filter("year", .year, "r.year = ?", help: Wording(zh: "只看该年度。", en: "Only this year.")),
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商。", en: "Only this vendor.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目。", en: "Only this project.")),
            Filter("category", .reference(kind: .category), "r.category_id = ?", help: Wording(zh: "只看该服务类别。", en: "Only this category.")),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?", help: Wording(zh: "只看该报修单位。", en: "Only this unit.")),
            Filter("status", .choice(WorkOrderStatus.choices), "r.status = ?", help: Wording(zh: "只看该状态。", en: "Only this status.")),
            Filter("from", .timestamp, "r.opened_at >= ?", help: Wording(zh: "报修时间不早于该日。", en: "Opened on or after this date.")),
            Filter("to", .timestamp, "r.opened_at < ? || 'z'", help: Wording(zh: "报修时间不晚于该日。", en: "Opened on or before this date.")),
            Filter("source", .text, "r.source = ?", help: Wording(zh: "只看该来源的记录（entered、2020 report、文件名）。", en: "Only records from this source (entered, 2020 report, a file name).")),
            Filter("ticket", .text, "r.ticket = ?", help: Wording(zh: "只看该工单号。", en: "Only this ticket number.")),
            Filter("contract", .reference(kind: .contract), "r.contract_id = ?", help: Wording(zh: "只看该合同下的工单。", en: "Only orders under this contract.")),
            Filter("priority", .choice(ServicePriority.choices), "r.priority = ?", help: Wording(zh: "只看该优先级。", en: "Only this priority.")),
        ],
        rules: [yearAgreesWithTimestamps, timestampsInOrder, vendorTakesOrders, statusChangesThroughTransitions],
        warningChecks: [closedOrderEdited, longSolveTime],
        lifecycle: Lifecycle(WorkOrderStatus.self, column: "status"),
        afterWrite: { db, id in try ServiceLevelRecorder(db: db).refresh(order: id) },
        afterBatch: { db, ids in try ServiceLevelRecorder(db: db).refresh(ids: ids) }
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
            try WorkOrderRules.serviceTimesInOrder(opened: values["opened_at"]?.string, responded: values["responded_at"]?.string,
                                                   arrived: values["arrived_at"]?.string, restored: values["restored_at"]?.string)
            try WorkOrderRules.remoteHasNoArrival(remote: values["remote"]?.int64 == 1, arrived: values["arrived_at"]?.string)
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
                               reason: .statusByCommandsOnly)
    }
}
