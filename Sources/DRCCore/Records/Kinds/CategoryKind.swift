extension RecordKind {
    /// Work-order categories (服务类别), e.g. 全区网络故障.
    public static let category = RecordKind(
        id: .category, noun: Term(zh: "服务类别", en: "category", enPlural: "categories"), table: "category",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "类别名称，如 全区网络故障。", en: "Category name, e.g. 全区网络故障.")),
            Field("description", .text, zh: "说明", help: Wording(zh: "类别涵盖的内容。", en: "What the category covers.")),
        ],
        lookupColumns: ["name"],
        titleColumn: "name",
        from: "category AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("orders", "(SELECT count(*) FROM work_order AS o WHERE o.category_id = r.id)", .number, label: Term(zh: "工单数", en: "orders")),
            Column("description", "r.description"),
        ],
        filters: []
    )
}
