import SQLiteDB

extension RecordKind {
    /// Units (单位): a tree from the district government down to internal offices.
    public static let unit = RecordKind(
        id: .unit, noun: Term(zh: "单位", en: "unit"), table: "unit",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "全称，如 长沙市芙蓉区数据资源中心（同一上级下不得重名）。", en: "Full name, e.g. 长沙市芙蓉区数据资源中心 (unique among units with the same parent).")),
            Field("short-name", column: "short_name", .text, zh: "简称", help: Wording(zh: "简称，如 区数据资源中心。", en: "Short name, e.g. 区数据资源中心.")),
            Field("parent", column: "parent_id", .reference(kind: .unit), zh: "上级单位", help: Wording(zh: "上级单位。", en: "The unit above this one.")),
            Field("description", .text, zh: "说明", help: Wording(zh: "单位性质（如 区政府直属公益一类事业单位）。", en: "What the unit is (e.g. 区政府直属公益一类事业单位).")),
            Field("posts", column: "authorised_posts", .count, zh: "核定编制", help: Wording(zh: "核定编制。", en: "Authorised posts (核定编制).")),
            Field("staff", column: "staff_in_post", .count, zh: "实际在职人员", help: Wording(zh: "实际在职人员。", en: "Staff in post (实际在职人员).")),
        ],
        lookupColumns: ["name", "short_name"],
        titleColumn: "name",
        // A unit whose name recurs under different parents is shown with its parent: 中心/办公室.
        titleSQL: { UnitName.sql($0) },
        referenceForm: parentAndName,
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
        filters: [Filter("parent", .reference(kind: .unit), "r.parent_id = ?", help: Wording(zh: "只看该单位的直属下级。", en: "Only units directly below this one."))],
        rules: [noCycles]
    )

    /// A unit cannot sit below itself, however far down.
    private static let noCycles: Rule = { values, existing, db in
        guard let id = existing?.int64("id"), var ancestor = values["parent_id"]?.int64 else { return }
        var seen: Set<Int64> = []
        while seen.insert(ancestor).inserted {
            if ancestor == id {
                throw DRCError.invalid(field: "parent", value: "#\(values["parent_id"]?.int64 ?? 0)",
                                       reason: .unitBelowItself)
            }
            guard let next = try db.scalar("SELECT parent_id FROM unit WHERE id = ?", ancestor)?.int64 else { return }
            ancestor = next
        }
    }

    /// A unit may be named by its parent's name and its own: 芙蓉区数据资源中心/办公室, or
    /// /办公室 for the top-level one (the forms `UnitName` shows).
    private static let parentAndName: ReferenceForm = { text, resolver in
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let parentText = String(text[..<slash]).trimmingSpaces()
        let parent: SQLiteValue = parentText.isEmpty ? .null : .integer(try resolver.resolve(parentText, kind: .unit))
        let name = String(text[text.index(after: slash)...]).trimmingSpaces()
        if let id = try resolver.db.scalar("SELECT id FROM unit WHERE parent_id IS ? AND (name = ? OR short_name = ?)",
                                           [parent, .text(name), .text(name)])?.int64 {
            return id
        }
        throw DRCError.notFound(kind: .unit, reference: text)
    }
}
