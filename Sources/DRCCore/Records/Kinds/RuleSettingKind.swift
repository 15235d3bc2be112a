extension RecordKind {
    /// The 疑点 checks' settings (阈值、期限): whole numbers with documented defaults written by
    /// migration 11, changed by `drc rule edit NAME --value N`. The checks read them, never a
    /// constant in code. A setting that is removed makes its check report that it is missing.
    public static let ruleSetting = RecordKind(
        id: .ruleSetting, noun: Term(zh: "规则设置", en: "rule", measure: "项"), table: "rule_setting",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "设置名称（见规则设置列表）。", en: "The setting's name, e.g. contract_days.")),
            Field("value", .count, required: true, zh: "值", help: Wording(zh: "整数值（天数、工作日数、百分比或万元）。", en: "Its value, a whole number (days, working days, per cent or 万元).")),
            Field("basis", .text, zh: "依据", help: Wording(zh: "所依据的法规条文。", en: "The law or rule behind it.")),
            Field("note", .text, zh: "说明", help: Wording(zh: "含义与单位。", en: "What it means, and its unit.")),
        ],
        lookupColumns: ["name"],
        titleColumn: "name",
        from: "rule_setting AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("name", "r.name"),
            Column("value", "r.value", .number),
            Column("basis", "r.basis"),
            Column("note", "r.note"),
        ],
        filters: []
    )

    /// The working-day calendar's exceptions: public holidays on weekdays (节假日) and weekend
    /// days worked (调休上班). Every other weekday is a working day, every other weekend day not.
    public static let calendarDay = RecordKind(
        id: .calendarDay, noun: Term(zh: "日历", en: "calendar day", measure: "天"), table: "calendar_day",
        fields: [
            Field("day", .timestamp, required: true, zh: "日期", help: Wording(zh: "日期，如 2021-10-01。", en: "The day, e.g. 2021-10-01.")),
            Field("kind", .choice(CalendarDayKind.choices), required: true, zh: "类型",
                  help: Wording(zh: "holiday（节假日，不上班）或 workday（调休上班）。", en: "holiday (not worked) or workday (a weekend day worked).")),
            Field("note", .text, zh: "说明", help: Wording(zh: "如 国庆节。", en: "e.g. 国庆节.")),
        ],
        lookupColumns: ["day"],
        titleColumn: "day",
        from: "calendar_day AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("day", "r.day"),
            Column("kind", "r.kind"),
            Column("note", "r.note"),
        ],
        filters: [
            Filter("year", .year, "substr(r.day, 1, 4) = CAST(? AS TEXT)", help: Wording(zh: "只看该年度。", en: "Only this year.")),
        ],
        // Orders whose policy counts working hours count them again by the new calendar.
        afterWrite: { db, _ in try ServiceLevelRecorder(db: db).refreshWorkingHours() }
    )
}

/// Whether a calendar exception is a day off or a day worked.
public enum CalendarDayKind {
    static let choices = [Field.Choice("holiday", "节假日", "休"), Field.Choice("workday", "调休上班", "班")]
}
