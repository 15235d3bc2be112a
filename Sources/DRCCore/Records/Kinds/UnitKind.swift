import SQLiteDB

extension RecordKind {
    /// Units (单位): a tree from the district government down to internal offices.
    public static let unit = RecordKind(
        name: "unit", plural: "units", table: "unit",
        fields: [
            Field("name", .text, required: true, help: "Full name, e.g. 长沙市芙蓉区数据资源中心 (unique among units with the same parent)."),
            Field("short-name", column: "short_name", .text, help: "Short name, e.g. 区数据资源中心."),
            Field("parent", column: "parent_id", .reference(kind: "unit"), help: "The unit above this one."),
            Field("description", .text, help: "What the unit is (e.g. 区政府直属公益一类事业单位)."),
            Field("posts", column: "authorised_posts", .count, help: "Authorised posts (核定编制)."),
            Field("staff", column: "staff_in_post", .count, help: "Staff in post (实际在职人员)."),
        ],
        lookupColumns: ["name", "short_name"],
        titleColumn: "name",
        from: "unit AS r LEFT JOIN unit AS p ON p.id = r.parent_id",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("short_name", "r.short_name"),
            Column("parent", UnitName.sql("p")),
            Column("posts", "r.authorised_posts", .number),
            Column("staff", "r.staff_in_post", .number),
            Column("description", "r.description", listed: false),
        ],
        filters: [Filter("parent", .reference(kind: "unit"), "r.parent_id = ?")],
        rules: [noCycles]
    )

    /// A unit cannot sit below itself, however far down.
    private static let noCycles: Rule = { values, existing, db in
        guard let id = existing?.int64("id"), var ancestor = values["parent_id"]?.int64 else { return }
        var seen: Set<Int64> = []
        while seen.insert(ancestor).inserted {
            if ancestor == id {
                throw DRCError.invalid(field: "parent", value: "#\(values["parent_id"]?.int64 ?? 0)",
                                       reason: "is this unit or one below it; a unit cannot sit below itself")
            }
            guard let next = try db.scalar("SELECT parent_id FROM unit WHERE id = ?", ancestor)?.int64 else { return }
            ancestor = next
        }
    }
}
