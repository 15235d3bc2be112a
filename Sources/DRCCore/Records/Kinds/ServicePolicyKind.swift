import SQLiteDB

extension RecordKind {
    /// Service-level policies (服务级别策略): response, arrival and fix limits in minutes for one
    /// priority, for every order or only a contract's, a vendor's or a category's; optional
    /// working hours; 考核 points per breach. Migration 17 writes the documented defaults.
    /// Adding, editing or removing one recomputes the service levels of the orders it can hold for.
    public static let servicePolicy = RecordKind(
        id: .servicePolicy, noun: Term(zh: "服务级别策略", en: "service-level policy", enPlural: "service-level policies", measure: "项"),
        table: "sla_policy",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "策略名称，如 美音-紧急。", en: "The policy's name, e.g. 美音-紧急.")),
            Field("priority", .choice(ServicePriority.choices), required: true, zh: "优先级",
                  help: Wording(zh: "适用的优先级：urgent、high、medium、low（紧急、高、中、低）。", en: "The priority it covers: urgent, high, medium, low (紧急, 高, 中, 低).")),
            Field("contract", column: "contract_id", .reference(kind: .contract), zh: "合同", help: Wording(zh: "只适用于该合同的工单（最优先）。", en: "Only orders under this contract (the most specific).")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: Wording(zh: "只适用于该供应商的工单。", en: "Only this vendor's orders.")),
            Field("category", column: "category_id", .reference(kind: .category), zh: "服务类别", help: Wording(zh: "只适用于该服务类别的工单。", en: "Only orders of this category.")),
            Field("response-limit", column: "response_limit", .count, zh: "响应时限", help: Wording(zh: "响应时限（分钟）；不填则不考核响应。", en: "The response limit in minutes; none: response is not assessed.")),
            Field("arrival-limit", column: "arrival_limit", .count, zh: "到场时限", help: Wording(zh: "到场时限（分钟）；不填则不考核到场。", en: "The on-site arrival limit in minutes; none: arrival is not assessed.")),
            Field("fix-limit", column: "fix_limit", .count, zh: "修复时限", help: Wording(zh: "修复（恢复）时限（分钟）；不填则不考核修复。", en: "The fix (restore) limit in minutes; none: the fix is not assessed.")),
            Field("hours", .text, zh: "服务时间", help: Wording(zh: "只在工作日的这段时间计时，如 08:30-17:30；不填则全天计时（7×24）。", en: "Count only these hours of working days, e.g. 08:30-17:30; none: round the clock (7×24).")),
            Field("response-deduction", column: "response_deduction", .decimal, default: .text("1"), zh: "响应扣分",
                  help: Wording(zh: "每次响应超时扣的考核分（默认 1）。", en: "考核 points taken per late response (default 1).")),
            Field("arrival-deduction", column: "arrival_deduction", .decimal, default: .text("1"), zh: "到场扣分",
                  help: Wording(zh: "每次到场超时扣的考核分（默认 1）。", en: "考核 points taken per late arrival (default 1).")),
            Field("fix-deduction", column: "fix_deduction", .decimal, default: .text("1"), zh: "修复扣分",
                  help: Wording(zh: "每次修复超时扣的考核分（默认 1）。", en: "考核 points taken per late fix (default 1).")),
            Field("basis", .text, zh: "依据", help: Wording(zh: "依据的合同条款或考核办法。", en: "The contract clause or assessment rule behind it.")),
            Field("note", .text, zh: "说明", help: Wording(zh: "说明。", en: "A note.")),
        ],
        lookupColumns: ["name"],
        titleColumn: "name",
        from: """
            sla_policy AS r LEFT JOIN contract AS k ON k.id = r.contract_id LEFT JOIN vendor AS v ON v.id = r.vendor_id \
            LEFT JOIN category AS c ON c.id = r.category_id
            """,
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("priority", "r.priority"),
            Column("contract", "k.number"),
            Column("vendor", "v.name"),
            Column("category", "c.name"),
            Column("response_limit", "r.response_limit", .number),
            Column("arrival_limit", "r.arrival_limit", .number),
            Column("fix_limit", "r.fix_limit", .number),
            Column("hours", "r.hours"),
            Column("response_deduction", "r.response_deduction", .number),
            Column("arrival_deduction", "r.arrival_deduction", .number),
            Column("fix_deduction", "r.fix_deduction", .number),
            Column("basis", "r.basis", listed: false),
            Column("note", "r.note", listed: false),
        ],
        filters: [
            Filter("priority", .choice(ServicePriority.choices), "r.priority = ?", help: Wording(zh: "只看该优先级。", en: "Only this priority.")),
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商的策略。", en: "Only this vendor's policies.")),
        ],
        rules: [hoursAreHours, limitsArePositive, oneForEachScope],
        afterWrite: { db, _ in try ServiceLevelRecorder(db: db).refreshPrioritised() }
    )

    /// Working hours are `HH:MM-HH:MM`, the start before the end.
    private static let hoursAreHours: Rule = { values, _, _ in
        guard let text = values["hours"]?.string else { return }
        guard let hours = ServiceHours(text) else { throw DRCError.invalid(field: "hours", value: text, reason: .notWorkingHours) }
        values["hours"] = .text(hours.text)
    }

    /// A limit of 0 minutes could never be met: no limit is written as none.
    private static let limitsArePositive: Rule = { values, _, _ in
        for measure in ServiceMeasure.allCases {
            if values[measure.limitColumn]?.int64 == 0 {
                throw DRCError.invalid(field: measure.rawValue + "-limit", value: "0", reason: .notPositive)
            }
        }
    }

    /// One policy per priority and scope, so the most specific one is never a tie.
    private static let oneForEachScope: Rule = { values, existing, db in
        let scope = ["contract_id", "vendor_id", "category_id"].map { values[$0] ?? .null }
        let other = try db.scalar("""
            SELECT name FROM sla_policy WHERE priority = ? AND ifnull(contract_id, 0) = ifnull(?, 0)
            AND ifnull(vendor_id, 0) = ifnull(?, 0) AND ifnull(category_id, 0) = ifnull(?, 0) AND id IS NOT ?
            """, [values["priority"] ?? .null] + scope + [existing?["id"] ?? .null])
        if let other = other?.string {
            throw DRCError.invalid(field: "priority", value: values["priority"]?.string ?? "", reason: .samePolicyScope(other))
        }
    }
}
