import SQLiteDB

extension RecordKind {
    /// Projects (项目): owned by a unit, over one or more years, served by vendors.
    public static let project = RecordKind(
        id: .project, noun: Term(zh: "项目", en: "project"), table: "project",
        fields: [
            Field("name", .text, required: true, zh: "项目名称", help: Wording(zh: "项目名称，如 全区政务网络运维服务项目。", en: "Project name, e.g. 全区政务网络运维服务项目.")),
            Field("code", .text, zh: "项目编码", help: Wording(zh: "项目编码（如有）。", en: "Project code, when it has one.")),
            Field("unit", column: "unit_id", .reference(kind: .unit), zh: "单位", help: Wording(zh: "项目所属单位。", en: "The unit that owns the project.")),
            Field("first-year", column: "first_year", .year, zh: "起始年度", help: Wording(zh: "项目起始年度。", en: "First year of the project.")),
            Field("last-year", column: "last_year", .year, zh: "结束年度", help: Wording(zh: "项目结束年度。", en: "Last year of the project.")),
            Field("description", .text, zh: "说明", help: Wording(zh: "项目交付的内容。", en: "What the project delivers.")),
            Field("vendors", .text, stored: false, zh: "服务供应商", help: Wording(zh: "为项目服务的供应商，用逗号分隔（替换原有名单）。", en: "Vendors serving the project, separated by commas (replaces the list).")),
        ],
        lookupColumns: ["name", "code"],
        titleColumn: "name",
        from: "project AS r LEFT JOIN unit AS u ON u.id = r.unit_id",
        columns: [
            Column("id", "r.id", .number),
            Column("code", "r.code"),
            Column("name", "r.name"),
            Column("unit", UnitName.sql("u")),
            Column("first_year", "r.first_year", .number),
            Column("last_year", "r.last_year", .number),
            Column("vendors", """
                (SELECT group_concat(name, '、') FROM (SELECT v.name FROM project_vendor AS pv \
                JOIN vendor AS v ON v.id = pv.vendor_id WHERE pv.project_id = r.id ORDER BY v.id))
                """),
            Column("description", "r.description", listed: false),
        ],
        filters: [
            Filter("year", .year, "(r.first_year IS NULL OR r.first_year <= ?) AND (r.last_year IS NULL OR r.last_year >= ?)", help: Wording(zh: "只看该年度在执行的项目。", en: "Only projects running in this year.")),
            Filter("unit", .reference(kind: .unit), "r.unit_id = ?", help: Wording(zh: "只看该单位的项目。", en: "Only projects of this unit.")),
            Filter("vendor", .reference(kind: .vendor), "r.id IN (SELECT project_id FROM project_vendor WHERE vendor_id = ?)", help: Wording(zh: "只看该供应商服务的项目。", en: "Only projects served by this vendor.")),
        ],
        rules: [yearsInOrder],
        linkSets: [LinkSet(key: "vendor_ids", field: "vendors", table: "project_vendor", ownerColumn: "project_id",
                           targetColumn: "vendor_id", targetKind: .vendor,
                           noun: Term(zh: "服务的项目", en: "project served", enPlural: "projects served"))]
    )

    private static let yearsInOrder: Rule = { values, _, _ in
        if let first = values["first_year"]?.int64, let last = values["last_year"]?.int64, first > last {
            throw DRCError.invalid(field: "last-year", value: String(last), reason: .beforeFirstYear(first))
        }
    }
}
