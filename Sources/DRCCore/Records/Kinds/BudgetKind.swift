import SQLiteDB

extension RecordKind {
    /// Budget lines (预算/决算): the 自评表's three amounts in fen (年初预算数, 全年预算数 when
    /// adjusted, 全年执行数), unknown kept unknown, the project a line funds, and "of which"
    /// lines pointing at the line they break down.
    public static let budget = RecordKind(
        id: .budget, noun: Term(zh: "预算科目", en: "budget line", measure: "条"), table: "budget_line",
        fields: [
            Field("year", .year, required: true, zh: "年度", help: Wording(zh: "预算年度。", en: "Budget year.")),
            Field("unit", column: "unit_id", .reference(kind: .unit), required: true, zh: "单位", help: Wording(zh: "预算所属单位。", en: "The unit whose budget it is.")),
            Field("kind", .choice(BudgetKind.choices), required: true, zh: "支出类型", help: Wording(zh: "basic（基本支出）、project（项目支出）或 sangong（三公经费）。", en: "basic (基本支出), project (项目支出) or sangong (三公经费).")),
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "科目名称，如 人员基本工资。", en: "The line's name, e.g. 人员基本工资.")),
            Field("functional-code", column: "functional_code", .text, zh: "功能分类编码", help: Wording(zh: "功能分类编码。", en: "Functional classification code (功能分类).")),
            Field("functional-name", column: "functional_name", .text, zh: "功能分类名称", help: Wording(zh: "功能分类名称。", en: "Functional classification name.")),
            Field("economic-code", column: "economic_code", .text, zh: "经济分类编码", help: Wording(zh: "经济分类编码，如 30101。", en: "Economic classification code (经济分类), e.g. 30101.")),
            Field("economic-name", column: "economic_name", .text, zh: "经济分类名称", help: Wording(zh: "经济分类名称，如 基本工资。", en: "Economic classification name, e.g. 基本工资.")),
            Field("budget", column: "budget_fen", .money, aliases: ["年初预算"], label: BudgetWords.initial,
                  help: Wording(zh: "年初预算数：年初批复的预算，如 16.94万 或 169,400.00；不知道时留空。",
                                en: "The budget at the start of the year (年初预算数), e.g. 16.94万 or 169,400.00; empty when unknown.")),
            Field("adjusted", column: "adjusted_fen", .money, label: BudgetWords.adjusted,
                  help: Wording(zh: "全年预算数：调整后的预算；未调整时留空，即为年初预算数。与年初预算数不同时请填写调整说明。",
                                en: "The adjusted budget (全年预算数); empty when not adjusted, and the start-of-year budget stands for it. Give an adjustment note when it differs.")),
            Field("final", column: "final_fen", .money, aliases: ["全年预算", "决算数", "决算"], label: BudgetWords.spent,
                  help: Wording(zh: "全年执行数：决算，即全年实际支出；不知道时留空。",
                                en: "What was spent in the year (全年执行数, the 决算); empty when unknown.")),
            Field("adjustment-note", column: "adjustment_note", .text, zh: "调整说明",
                  help: Wording(zh: "全年预算数与年初预算数不同的原因（预算调整的文号或说明）。", en: "Why the adjusted budget differs from the start-of-year one.")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目",
                  help: Wording(zh: "本科目资金所属的项目；项目的预算执行率由其科目算出。", en: "The project this line funds; a project's 预算执行率 is computed from its lines.")),
            Field("parent", column: "parent_id", .reference(kind: .budget), scope: ["year", "unit_id", "kind"],
                  zh: "上级预算", help: Wording(zh: "本科目所属的上级科目（其中）：编号，或同年科目中的名称。", en: "The line this one is part of (其中): its id, or its name among the same year's lines.")),
            Field("breakdown", .choice(BudgetKind.breakdowns), default: .text("none"),
                  zh: "细分", help: Wording(zh: "本科目的细分列到何种程度：none（未细分）、partial（部分）或 complete（完整）。", en: "How this line's parts are listed: none, partial or complete.")),
            Field("note", .text, zh: "备注", help: Wording(zh: "对该数字的备注。", en: "A note on the figure.")),
        ],
        lookupColumns: [],
        titleColumn: "name",
        from: "budget_line AS r JOIN unit AS u ON u.id = r.unit_id LEFT JOIN project AS pr ON pr.id = r.project_id",
        columns: [
            Column("id", "r.id", .number),
            Column("year", "r.year", .number),
            Column("unit", UnitName.sql("u"), listed: false),
            Column("kind", "r.kind"),
            Column("name", "r.name"),
            Column("functional", "trim(coalesce(r.functional_code, '') || ' ' || coalesce(r.functional_name, ''))", label: Term(zh: "功能分类", en: "functional")),
            Column("economic", "trim(coalesce(r.economic_code, '') || ' ' || coalesce(r.economic_name, ''))", label: Term(zh: "经济分类", en: "economic")),
            Column("budget", "r.budget_fen", .money),
            Column("adjusted", "r.adjusted_fen", .money),
            Column("final", "r.final_fen", .money),
            Column("project", "pr.name", listed: false),
            Column("parent", "r.parent_id", .number),
            Column("breakdown", "r.breakdown"),
            Column("note", "r.note", listed: false),
            Column("adjustment_note", "r.adjustment_note", listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?", help: Wording(zh: "只看该年度。", en: "Only this year.")),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?", help: Wording(zh: "只看该单位。", en: "Only this unit.")),
            Filter("kind", .choice(BudgetKind.choices), "r.kind = ?", help: Wording(zh: "只看 basic、project 或 sangong 科目。", en: "Only basic, project or sangong lines.")),
            Filter("parent", .reference(kind: .budget), "r.parent_id = ?", help: Wording(zh: "只看该科目的细分科目。", en: "Only the parts of this line.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目的科目。", en: "Only this project's lines.")),
        ],
        rules: [partOfItsParent]
    )

    /// A part belongs to a line of the same year, unit and kind, never to itself.
    private static let partOfItsParent: Rule = { values, existing, db in
        guard let parentID = values["parent_id"]?.int64 else { return }
        if parentID == existing?.int64("id") {
            throw DRCError.invalid(field: "parent", value: "#\(parentID)", reason: .isThisLine)
        }
        guard let parent = try db.rows("SELECT year, unit_id, kind FROM budget_line WHERE id = ?", parentID).first else { return }
        if parent["year"] != values["year"] || parent["unit_id"] != values["unit_id"] || parent["kind"] != values["kind"] {
            throw DRCError.invalid(field: "parent", value: "#\(parentID)",
                reason: .parentElsewhere(year: parent["year"].displayText, kind: parent["kind"].displayText))
        }
    }
}

/// The kinds of expenditure a budget line can be, and how its breakdown is listed.
public enum BudgetKind {
    static let choices = [
        Field.Choice("basic", "基本支出", "基本"),
        Field.Choice("project", "项目支出", "项目"),
        Field.Choice("sangong", "三公经费", "三公"),
    ]
    static let breakdowns = [
        Field.Choice("none", "无"),
        Field.Choice("partial", "部分"),
        Field.Choice("complete", "完整", "全部"),
    ]

    public static func label(_ kind: String) -> String {
        switch kind {
        case "basic": return "基本支出"
        case "project": return "项目支出"
        case "sangong": return "三公经费"
        default: return kind
        }
    }
}
