/// A date or time stored as a spreadsheet serial number: days since the workbook's epoch, the
/// time of day as the fraction. In the 1900 system (Excel's default) day 1 is 1900-01-01 and
/// day 60 is the 1900-02-29 that Lotus 1-2-3 believed in (kept by Excel, so every later serial
/// is one day on); in the 1904 system day 0 is 1904-01-01.
public enum SerialDate {
    /// The serial as drc writes dates: `2021-03-05`, `2021-03-05 08:05`, with `:SS` only when
    /// the time has seconds (the importer drops them, as it does for text); a time of day alone
    /// as `08:05`. `showsDate`/`showsTime`: what the cell's number format shows. Nil for a
    /// serial outside the years 1900–9999.
    public static func text(_ serial: Double, date1904: Bool, showsDate: Bool, showsTime: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // Rounded to the second: a serial's fraction is rarely exact (08:05 is 0.336805…).
        let total = Int64((serial * 86_400).rounded())
        let days = total / 86_400
        let seconds = total % 86_400
        let (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        var time = two(hour) + ":" + two(minute)
        if second != 0 { time += ":" + two(second) }
        if days == 0 && !date1904 && (!showsDate || showsTime) { return time }
        let date: String
        if !date1904 && days == 60 {
            date = "1900-02-29"
        } else {
            // Days from 1970-01-01 of the serial's day.
            let epochDays = date1904 ? days - 24_107 : days < 60 ? days - 25_568 : days - 25_569
            let (year, month, day) = civil(fromDays: epochDays)
            date = "\(year)-" + two(month) + "-" + two(day)
        }
        return showsTime || seconds != 0 ? date + " " + time : date
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// The year, month and day of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
