extension RecordKind {
    /// The words of a year's evaluation by the report's sections (duties, how projects were
    /// organised, assets, problems, recommendations) and notes on the data (数据说明).
    public static let finding = RecordKind(
        id: .finding, noun: Term(zh: "评价发现", en: "finding", measure: "条"), table: "finding",
        fields: [
            Field("year", .year, required: true, zh: "年度", help: Wording(zh: "评价年度。", en: "The year evaluated.")),
            Field("unit", column: "unit_id", .reference(kind: .unit), required: true, zh: "单位", help: Wording(zh: "被评价单位。", en: "The unit evaluated.")),
            Field("section", .choice(FindingSection.choices), required: true,
                  zh: "部分", help: Wording(zh: "duties（职能）、scope（支出涉及）、organisation（项目组织实施）、assets（资产）、performance（绩效情况）、problem（问题）、recommendation（建议）或 data（数据说明）。",
                                           en: "duties, scope (what the spending covers), organisation, assets, performance, problem, recommendation or data (数据说明).")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目",
                  help: Wording(zh: "所说的项目（绩效情况按项目成段）。", en: "The project it is about (performance paragraphs are shown under their project).")),
            Field("text", .text, required: true, zh: "内容", help: Wording(zh: "原文，照报告所写。", en: "The text, as the report says it.")),
            Field("source", .text, zh: "来源", help: Wording(zh: "出处（报告、会议）。", en: "Where it comes from (a report, a meeting).")),
        ],
        lookupColumns: [],
        titleColumn: "section",
        from: "finding AS r JOIN unit AS u ON u.id = r.unit_id LEFT JOIN project AS p ON p.id = r.project_id",
        columns: [
            Column("id", "r.id", .number),
            Column("year", "r.year", .number),
            Column("unit", UnitName.sql("u"), listed: false),
            Column("section", "r.section"),
            Column("project", "p.name", listed: false),
            Column("text", "r.text"),
            Column("source", "r.source", listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?", help: Wording(zh: "只看该年度。", en: "Only this year.")),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?", help: Wording(zh: "只看该单位。", en: "Only this unit.")),
            Filter("section", .choice(FindingSection.choices), "r.section = ?", help: Wording(zh: "只看该部分。", en: "Only this section.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目的。", en: "Only this project.")),
        ]
    )
}

/// The sections of the evaluation a finding belongs to, with the report's own headings.
public enum FindingSection {
    static let choices = [
        Field.Choice("duties", "职能", "部门概况"),
        Field.Choice("scope", "支出涉及"),
        Field.Choice("organisation", "项目组织实施"),
        Field.Choice("assets", "资产管理"),
        Field.Choice("performance", "绩效情况", "部门整体支出绩效情况"),
        Field.Choice("problem", "问题", "存在的主要问题"),
        Field.Choice("recommendation", "建议", "改进措施和有关建议"),
        Field.Choice("data", "数据说明"),
    ]
}
