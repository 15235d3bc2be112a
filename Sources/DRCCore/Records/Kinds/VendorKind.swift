extension RecordKind {
    /// Vendors (供应商). An inactive vendor keeps its history but takes no new work orders.
    public static let vendor = RecordKind(
        id: .vendor, noun: Term(zh: "供应商", en: "vendor", measure: "家"), table: "vendor",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "注册名称，如 湖南美音网络技术有限公司。", en: "Registered name, e.g. 湖南美音网络技术有限公司.")),
            Field("credit-code", column: "credit_code", .creditCode, zh: "统一社会信用代码", help: Wording(zh: "统一社会信用代码（会校验）。", en: "Unified social credit code (统一社会信用代码), checked.")),
            Field("active", .flag, default: .integer(1), zh: "有效", help: Wording(zh: "是否承接新工单（是/否）。", en: "Whether the vendor takes new work orders (yes/no).")),
            Field("note", .text, zh: "备注", help: Wording(zh: "备注。", en: "A note.")),
            Field("principal", .text, zh: "负责人", help: Wording(zh: "负责人（法定代表人或项目负责人）。", en: "The person in charge (负责人).")),
            Field("phone", .text, zh: "联系电话", help: Wording(zh: "联系电话。", en: "Its phone number.")),
            Field("email", .text, zh: "电子邮箱", help: Wording(zh: "电子邮箱。", en: "Its email address.")),
        ],
        lookupColumns: ["name", "credit_code"],
        titleColumn: "name",
        from: "vendor AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("credit_code", "r.credit_code"),
            Column("active", "r.active", .flag),
            Column("orders", "(SELECT count(*) FROM work_order AS o WHERE o.vendor_id = r.id)", .number, label: Term(zh: "工单数", en: "orders")),
            Column("note", "r.note", listed: false),
            Column("principal", "r.principal", listed: false),
            Column("phone", "r.phone", listed: false),
            Column("email", "r.email", listed: false),
        ],
        filters: [Filter("active", .flag, "r.active = ?", help: Wording(zh: "yes 或 no：只看有效或只看无效的供应商。", en: "yes or no: only active or only inactive vendors."))]
    )
}
