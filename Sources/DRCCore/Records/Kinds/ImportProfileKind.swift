import SQLiteDB

extension RecordKind {
    /// Import profiles (导入配置): how one vendor writes its work-order logs, saved under a name
    /// and applied by `import … --profile NAME` (see `ImportProfiles`). Each value is checked
    /// when saved as the import would check it, and kept in the form the option takes.
    public static let importProfile = RecordKind(
        id: .importProfile, noun: Term(zh: "导入配置", en: "import profile", measure: "个"), table: "import_profile",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "配置名称，如供应商的简称 美音。", en: "The profile's name, e.g. the vendor's short name 美音.")),
            Field("map", column: "column_map", .text, zh: "列对应",
                  help: Wording(zh: "供应商的列名对应的字段，如 报修时间=opened,故障类别=category。", en: "The vendor's column names and the fields they fill, e.g. 报修时间=opened,故障类别=category.")),
            Field("ignore", column: "ignored", .text, zh: "不导入的列", help: Wording(zh: "不导入的列名，用逗号分隔，如 序号,备注。", en: "Columns not to import, separated by commas, e.g. 序号,备注.")),
            Field("vendor", .text, zh: "供应商", help: Wording(zh: "没有写供应商的行用这个供应商。", en: "The vendor of rows that do not name one.")),
            Field("project", .text, zh: "项目", help: Wording(zh: "没有写项目的行用这个项目。", en: "The project of rows that do not name one.")),
            Field("year", .year, zh: "年度", help: Wording(zh: "既没有年度也没有报修时间的行用这个年度。", en: "The year of rows that give neither a year nor an opened time.")),
            Field("status-map", column: "status_map", .text, zh: "状态用语",
                  help: Wording(zh: "供应商的状态用语，如 已完成=solved,处理中=assigned。", en: "The vendor's status words, e.g. 已完成=solved,处理中=assigned.")),
            Field("encoding", .choice(TextEncoding.allCases.map { Field.Choice($0.rawValue) }), zh: "编码",
                  help: Wording(zh: "文件编码：utf-8、gb18030、utf-16le 或 utf-16be；不填则自动识别。", en: "The files' encoding: utf-8, gb18030, utf-16le or utf-16be; detected when not given.")),
            Field("sheet", .text, zh: "工作表", help: Wording(zh: "工作簿（.xlsx）中要导入的工作表；不填则为第一个。", en: "The sheet of a workbook (.xlsx) to import; the first when not given.")),
            Field("header-row", column: "header_row", .count, zh: "表头行",
                  help: Wording(zh: "表头在第几行（其上是标题）；不填则找前 10 行中第一个写着列名的行。", en: "The header's row (a title above it); when not given, the first of the top 10 rows that names columns.")),
            Field("set", column: "defaults", .text, zh: "默认值",
                  help: Wording(zh: "整个文件的默认值，如 category=维修工单,unit=芙蓉区财政局。", en: "Whole-file defaults, e.g. category=维修工单,unit=芙蓉区财政局.")),
            Field("note", .text, zh: "说明", help: Wording(zh: "备注。", en: "A note.")),
        ],
        lookupColumns: ["name"],
        titleColumn: "name",
        from: "import_profile AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("vendor", "r.vendor"),
            Column("project", "r.project"),
            Column("year", "r.year", .number),
            Column("map", "r.column_map"),
            Column("status-map", "r.status_map"),
            Column("ignore", "r.ignored"),
            Column("encoding", "r.encoding"),
            Column("sheet", "r.sheet"),
            Column("header-row", "r.header_row", .number),
            Column("set", "r.defaults"),
            Column("note", "r.note", listed: false),
        ],
        filters: [],
        rules: [{ values, _, db in try ImportProfiles.check(&values, db: db) }]
    )
}
