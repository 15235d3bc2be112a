import SQLiteDB

extension RecordKind {
    /// Performance indicators (绩效指标) of a project or of the whole unit.
    public static let indicator = RecordKind(
        id: .indicator, noun: Term(zh: "绩效指标", en: "indicator"), table: "indicator",
        fields: [
            Field("year", .year, required: true, zh: "年度", help: "The year measured."),
            Field("unit", column: "unit_id", .reference(kind: .unit), zh: "单位", help: "The unit, for a whole-unit indicator."),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: "The project measured."),
            Field("level1", .text, required: true, zh: "一级指标", help: "Level-1 indicator: 产出指标, 效益指标, 满意度指标 …"),
            Field("level2", .text, zh: "二级指标", help: "Level-2 indicator: 数量指标, 质量指标 …"),
            Field("name", .text, required: true, zh: "三级指标", help: "What is measured, e.g. 服务次数."),
            Field("target-op", column: "target_op", .choice(IndicatorOperator.choices), zh: "目标比较", help: ">=, <=, = or qualitative (≥, ≤, 定性)."),
            Field("target", .text, zh: "年度指标值", help: "The target value."),
            Field("actual", .decimal, zh: "实际完成值", help: "The actual value, a number such as 1340."),
            Field("bound", column: "actual_bound", .choice(IndicatorOperator.bounds), default: .text("exact"),
                  zh: "界限", help: "exact, or lower when the source says \"over N\" (多, 余, 以上)."),
            Field("actual-text", column: "actual_text", .text, zh: "实际完成说明", help: "The actual result in words, as the source gives it."),
            Field("measure", .text, zh: "计量单位", help: "Unit of measure: 次, 条, 元, 家 …"),
            Field("counts-orders", column: "counts_orders", .flag, default: .integer(0),
                  zh: "统计工单", help: "Whether the actual counts work orders (checked against them by `check`)."),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: "The vendor whose work orders are counted."),
            Field("category", column: "category_id", .reference(kind: .category), zh: "服务类别", help: "The category of work orders counted."),
        ],
        lookupColumns: [],
        titleColumn: "name",
        from: "indicator AS r LEFT JOIN project AS p ON p.id = r.project_id LEFT JOIN unit AS u ON u.id = r.unit_id LEFT JOIN category AS c ON c.id = r.category_id LEFT JOIN vendor AS v ON v.id = r.vendor_id",
        columns: [
            Column("id", "r.id", .number),
            Column("year", "r.year", .number),
            Column("project", "coalesce(p.name, \(UnitName.sql("u")))"),
            Column("level1", "r.level1"),
            Column("level2", "r.level2", listed: false),
            Column("name", "r.name"),
            Column("target", "trim(coalesce(r.target_op, '') || ' ' || coalesce(r.target, ''))"),
            Column("actual", "CASE r.actual_bound WHEN 'lower' THEN '>' WHEN 'upper' THEN '<' ELSE '' END || coalesce(r.actual, '')"),
            Column("measure", "r.measure"),
            Column("actual_text", "r.actual_text"),
            Column("vendor", "v.name", listed: false),
            Column("category", "c.name", listed: false),
            Column("counts_orders", "CASE r.counts_orders WHEN 1 THEN 'yes' ELSE 'no' END", listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?"),
            Filter("project", .reference(kind: .project), "r.project_id = ?"),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?"),
        ],
        rules: [projectOrUnit]
    )

    private static let projectOrUnit: Rule = { values, _, _ in
        if (values["unit_id"] ?? .null) == .null && (values["project_id"] ?? .null) == .null {
            throw DRCError.invalid(field: "project", value: "", reason: "is required unless a unit is given (for a whole-unit indicator)")
        }
        if (values["category_id"] ?? .null) != .null || (values["vendor_id"] ?? .null) != .null {
            values["counts_orders"] = .integer(1)
        }
    }
}

public enum IndicatorOperator {
    static let choices = [
        Field.Choice(">=", "≥", "ge"), Field.Choice("<=", "≤", "le"), Field.Choice("=", "eq"),
        Field.Choice("qualitative", "定性"),
    ]
    static let bounds = [
        Field.Choice("exact", "精确"), Field.Choice("lower", "多", "余", "以上", "over", "at-least"),
        Field.Choice("upper", "以下", "under", "at-most"),
    ]
}
