extension RecordKind {
    /// The centre's staff (人员): the people a procurement, a contract, an acceptance and a
    /// payment name. R12 (不相容岗位) compares people through this register: a name typed in
    /// those records is the staff member of that name, spaces around it aside.
    public static let staff = RecordKind(
        id: .staff, noun: Term(zh: "人员", en: "staff member", measure: "名"), table: "staff",
        fields: [
            Field("name", .text, required: true, zh: "姓名", help: Wording(zh: "姓名，如 王某（示例）。", en: "The person's name, e.g. 王某 (an example).")),
            Field("post", .text, zh: "岗位", help: Wording(zh: "岗位，如 采购经办、财务审核。", en: "The post (岗位), e.g. 采购经办 or 财务审核.")),
            Field("office", .text, zh: "科室", help: Wording(zh: "所在科室，如 综合科。", en: "The office (科室) they work in, e.g. 综合科.")),
            Field("active", .flag, default: .integer(1), zh: "在岗", help: Wording(zh: "是否在岗（是/否）。", en: "Whether they are still on staff (yes/no).")),
            Field("note", .text, zh: "备注", help: Wording(zh: "备注。", en: "A note.")),
        ],
        lookupColumns: ["name"],
        titleColumn: "name",
        from: "staff AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("post", "r.post"),
            Column("office", "r.office"),
            Column("active", "r.active", .flag),
            Column("note", "r.note", listed: false),
        ],
        filters: [Filter("active", .flag, "r.active = ?", help: Wording(zh: "yes 或 no：只看在岗或只看不在岗的人员。", en: "yes or no: only those on staff, or only those who have left."))]
    )
}
