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
            warnings.append(.futureYear(kind: kind.name, year: year, currentYear: currentYear))
        }
        guard kind.name == RecordKind.order.name else { return warnings }
        if existing?.string("status") == WorkOrderStatus.closed.rawValue {
            warnings.append(.closedOrderEdited(id: id))
        }
        if changed("opened_at") || changed("solved_at"), let warning = solveTime(id: id, opened: values["opened_at"]?.string,
                                                                                  solved: values["solved_at"]?.string) {
            warnings.append(warning)
        }
        return warnings
    }

    /// Solved more than a year after opened: the same day and time a year on is still in time.
    static func solveTime(id: Int64, opened: String?, solved: String?) -> DRCWarning? {
        guard let opened, let solved, opened.count >= 4, let year = Int(opened.prefix(4)) else { return nil }
        let anniversary = String(year + 1) + opened.dropFirst(4)
        return anniversary.precedes(solved) ? .longSolveTime(id: id, opened: opened, solved: solved) : nil
    }
}
