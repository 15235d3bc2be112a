import SQLiteDB

extension RecordKind {
    /// Performance indicators (绩效指标) of a project or of the whole unit.
    public static let indicator = RecordKind(
        id: .indicator, noun: Term(zh: "绩效指标", en: "indicator", measure: "项"), table: "indicator",
        fields: [
            Field("year", .year, required: true, zh: "年度", help: Wording(zh: "考核年度。", en: "The year measured.")),
            Field("unit", column: "unit_id", .reference(kind: .unit), zh: "单位", help: Wording(zh: "单位（整体指标时填写）。", en: "The unit, for a whole-unit indicator.")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: Wording(zh: "考核的项目。", en: "The project measured.")),
            Field("level1", .text, required: true, zh: "一级指标", help: Wording(zh: "一级指标：产出指标、效益指标、满意度指标 …", en: "Level-1 indicator: 产出指标, 效益指标, 满意度指标 …")),
            Field("level2", .text, zh: "二级指标", help: Wording(zh: "二级指标：数量指标、质量指标 …", en: "Level-2 indicator: 数量指标, 质量指标 …")),
            Field("name", .text, required: true, zh: "三级指标", help: Wording(zh: "三级指标，即考核内容，如 服务次数。", en: "What is measured, e.g. 服务次数.")),
            Field("target-op", column: "target_op", .choice(IndicatorOperator.choices), zh: "目标比较", help: Wording(zh: "比较方式：>=、<=、= 或 qualitative（≥、≤、定性）。", en: ">=, <=, = or qualitative (≥, ≤, 定性).")),
            Field("target", .text, amountIn: "measure", zh: "年度指标值",
                  help: Wording(zh: "年度指标值；计量单位为元或万元时可写金额，如 120万。", en: "The target value; in 元 or 万元 it may be an amount, e.g. 120万.")),
            Field("actual", .decimal, amountIn: "measure", zh: "实际完成值",
                  help: Wording(zh: "实际完成值，数字，如 1340；计量单位为元或万元时可写金额，如 118.2万 或 1,182,000元。",
                                en: "The actual value, a number such as 1340; in 元 or 万元 it may be an amount, e.g. 118.2万 or 1,182,000元.")),
            Field("bound", column: "actual_bound", .choice(IndicatorOperator.bounds), default: .text("exact"),
                  zh: "界限", help: Wording(zh: "exact（确数），或原文说“多、余、以上”时为 lower（下限）。", en: "exact, or lower when the source says \"over N\" (多, 余, 以上).")),
            Field("actual-text", column: "actual_text", .text, zh: "实际完成说明", help: Wording(zh: "实际完成情况的文字表述，照原文。", en: "The actual result in words, as the source gives it.")),
            Field("measure", .text, zh: "计量单位", help: Wording(zh: "计量单位：次、条、元、家 …", en: "Unit of measure: 次, 条, 元, 家 …")),
            Field("counts-orders", column: "counts_orders", .flag, default: .integer(0),
                  zh: "统计工单", help: Wording(zh: "实际完成值是否为工单数（由 check 与工单核对）。", en: "Whether the actual counts work orders (checked against them by `check`).")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: Wording(zh: "所统计工单的供应商。", en: "The vendor whose work orders are counted.")),
            Field("category", column: "category_id", .reference(kind: .category), zh: "服务类别", help: Wording(zh: "所统计工单的服务类别。", en: "The category of work orders counted.")),
            Field("weight", .decimal, zh: "分值", help: Wording(zh: "自评分值；同一项目（或单位整体）各指标合计 100。", en: "Its weight in the self-evaluation (分值); a project's (or the unit's) weights add up to 100.")),
            Field("grade", .choice(IndicatorOperator.grades), zh: "定性等级",
                  help: Wording(zh: "定性指标的等级：achieved（达成，80%–100% 分值）、partly（部分达成，60%–80%）、missed（未达成，0–60%）。",
                                en: "A qualitative indicator's grade: achieved (80–100% of the weight), partly (60–80%), missed (0–60%).")),
            Field("score-given", column: "score_given", .decimal, zh: "评定得分",
                  help: Wording(zh: "人工评定的得分：定性指标须在其等级的分值区间内；其他指标填写则代替公式得分。",
                                en: "A score given by hand: within its grade's band for a qualitative indicator; for any other it replaces the formula's.")),
            Field("deviation", .text, zh: "偏差原因", help: Wording(zh: "偏差原因分析及改进措施；未得满分时必填（check 检查）。", en: "Why it fell short and what is done about it (偏差原因分析及改进措施); `check` asks for it below full marks.")),
            Field("budget-execution", column: "budget_execution", .flag, default: .integer(0),
                  zh: "预算执行率", help: Wording(zh: "实际完成值为预算执行率（全年执行数÷全年预算数×100），由预算科目算出：项目指标按该项目的科目，单位整体指标按单位的全部科目。",
                               en: "Whether the actual is the budget execution rate (spent ÷ adjusted budget × 100), computed from the budget lines: a project's from its own lines, a unit's from all of them.")),
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
            Column("counts_orders", "r.counts_orders", .flag, listed: false),
            Column("weight", "r.weight", .number, listed: false),
            Column("grade", "r.grade", listed: false),
            Column("score_given", "r.score_given", .number, listed: false),
            Column("deviation", "r.deviation", listed: false),
            Column("budget_execution", "r.budget_execution", .flag, listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?", help: Wording(zh: "只看该年度。", en: "Only this year.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目。", en: "Only this project.")),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?", help: Wording(zh: "只看该单位的整体指标。", en: "Only this unit's whole-unit indicators.")),
        ],
        rules: [projectOrUnit]
    )

    private static let projectOrUnit: Rule = { values, _, _ in
        if (values["unit_id"] ?? .null) == .null && (values["project_id"] ?? .null) == .null {
            throw DRCError.invalid(field: "project", value: "", reason: .projectOrUnitRequired)
        }
        if (values["category_id"] ?? .null) != .null || (values["vendor_id"] ?? .null) != .null {
            values["counts_orders"] = .integer(1)
        }
    }
}

public enum IndicatorOperator {
    static let choices = [
        Field.Choice(">=", "≥", "ge", "正向"), Field.Choice("<=", "≤", "le", "反向"), Field.Choice("=", "eq", "等于"),
        Field.Choice("qualitative", "定性"),
    ]
    static let grades = [
        Field.Choice("achieved", "达成", "达成年度指标"), Field.Choice("partly", "部分达成", "部分达成年度指标并具有一定效果"),
        Field.Choice("missed", "未达成", "未达成年度指标且效果较差"),
    ]
    static let bounds = [
        Field.Choice("exact", "精确"), Field.Choice("lower", "多", "余", "以上", "over", "at-least"),
        Field.Choice("upper", "以下", "under", "at-most"),
    ]
}
