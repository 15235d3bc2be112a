import SQLiteDB

/// The checks behind `DRCWarning`: a record as it will be stored (column → value), against
/// the stored row on edit. Only what the change itself sets is warned about, so an unrelated
/// edit of an old record stays quiet.
enum RecordWarnings {
    static func check(kind: RecordKind, id: Int64, values: [String: SQLiteValue], existing: Row?, now: Moment) -> [DRCWarning] {
        var warnings: [DRCWarning] = []
        func changed(_ column: String) -> Bool { existing == nil || existing?[column] != values[column] }
        let currentYear = Int64(now.minute.prefix(4)) ?? 0
        if kind.field(named: "year")?.column == "year", changed("year"), let year = values["year"]?.int64, year > currentYear {
            warnings.append(.futureYear(kind: kind.id, year: year, currentYear: currentYear))
        }
        for check in kind.warningChecks { warnings += check(id, values, existing) }
        return warnings
    }
}
