extension RecordKind {
    /// The words of a year's evaluation by the report's sections (duties, how projects were
    /// organised, assets, problems, recommendations) and notes on the data (数据说明).
    public static let finding = RecordKind(
        id: .finding, noun: Term(zh: "评价发现", en: "finding"), table: "finding",
        fields: [
            Field("year", .year, required: true, zh: "年度", help: "The year evaluated."),
            Field("unit", column: "unit_id", .reference(kind: .unit), required: true, zh: "单位", help: "The unit evaluated."),
            Field("section", .choice(FindingSection.choices), required: true,
                  zh: "部分", help: "duties, organisation, assets, problem, recommendation or data (数据说明)."),
            Field("text", .text, required: true, zh: "内容", help: "The text, as the report says it."),
            Field("source", .text, zh: "来源", help: "Where it comes from (a report, a meeting)."),
        ],
        lookupColumns: [],
        titleColumn: "section",
        from: "finding AS r JOIN unit AS u ON u.id = r.unit_id",
        columns: [
            Column("id", "r.id", .number),
            Column("year", "r.year", .number),
            Column("unit", UnitName.sql("u"), listed: false),
            Column("section", "r.section"),
            Column("text", "r.text"),
            Column("source", "r.source", listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?"),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?"),
            Filter("section", .choice(FindingSection.choices), "r.section = ?"),
        ]
    )
}

/// The sections of the evaluation a finding belongs to, with the report's own headings.
public enum FindingSection {
    static let choices = [
        Field.Choice("duties", "职能", "部门概况"),
        Field.Choice("organisation", "项目组织实施"),
        Field.Choice("assets", "资产管理"),
        Field.Choice("problem", "问题", "存在的主要问题"),
        Field.Choice("recommendation", "建议", "改进措施和有关建议"),
        Field.Choice("data", "数据说明"),
    ]
}
