import SQLiteDB

/// Dates as day counts from 1970-01-01, so ages and limits are subtractions. Only the date
/// part (`YYYY-MM-DD`) of a stored timestamp counts.
public enum DayNumber {
    /// The day count of `YYYY-MM-DD…`, nil when the text is not a date.
    public static func of(_ text: String?) -> Int64? {
        guard let text, text.count >= 10 else { return nil }
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day of a day count (Howard Hinnant's civil_from_days).
    public static func civil(_ day: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    /// Monday is 0 … Sunday 6 (1970-01-01 was a Thursday).
    static func weekday(_ day: Int64) -> Int64 { ((day % 7) + 7 + 3) % 7 }
}

/// Which days are working days (工作日): Monday to Friday, except the holidays the calendar
/// lists, plus the weekend days it lists as worked (调休). The calendar is data (`drc calendar`,
/// `drc import calendars FILE`), never a table in code.
public struct WorkingDays: Sendable {
    let holidays: Set<Int64>
    let workdays: Set<Int64>

    public init(holidays: Set<Int64> = [], workdays: Set<Int64> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    public static func load(_ db: Connection) throws -> WorkingDays {
        var holidays = Set<Int64>(), workdays = Set<Int64>()
        for row in try db.rows("SELECT day, kind FROM calendar_day") {
            guard let day = DayNumber.of(row.string("day")) else { continue }
            if row.string("kind") == "workday" { workdays.insert(day) } else { holidays.insert(day) }
        }
        return WorkingDays(holidays: holidays, workdays: workdays)
    }

    public func isWorking(_ day: Int64) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return DayNumber.weekday(day) < 5
    }

    /// The working days after `start` up to and including `end`: a contract signed on Friday and
    /// published on Monday took 1 working day.
    public func between(_ start: Int64, _ end: Int64) -> Int64 {
        guard end > start else { return 0 }
        return (start + 1...end).reduce(0) { $0 + (isWorking($1) ? 1 : 0) }
    }
}
