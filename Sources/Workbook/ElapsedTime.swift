/// An elapsed time (a duration) as a spreadsheet shows it: the serial is a number of days, and
/// a format such as `[h]:mm:ss` shows it in hours that count on past 24 (255:10:10), where a
/// time-of-day format would show a date and 15:10:10. drc keeps no durations, so the cell is read
/// as the text the spreadsheet shows.
public enum ElapsedTime {
    /// The largest unit, the one in brackets, which is not carried into the next.
    public enum Unit: Character, Sendable {
        case hours = "h"
        case minutes = "m"
        case seconds = "s"
    }

    public struct Format: Equatable, Sendable {
        let unit: Unit
        /// Whether seconds are shown after the unit (`[h]:mm:ss`, `[m]:ss`); always with `[s]`.
        let showsSeconds: Bool
    }

    /// `255:10:10` for 255 hours, 10 minutes and 10 seconds in `[h]:mm:ss`; `-1:30` for a
    /// negative 90 minutes in `[h]:mm`. Rounded to the second, as the spreadsheet shows it.
    public static func text(_ serial: Double, format: Format) -> String? {
        guard serial.isFinite, abs(serial) < 1e9 else { return nil }
        let total = Int64((abs(serial) * 86_400).rounded())
        let sign = serial < 0 && total != 0 ? "-" : ""
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        let text: String
        switch format.unit {
        case .hours: text = "\(hours):" + two(minutes) + (format.showsSeconds ? ":" + two(seconds) : "")
        case .minutes: text = format.showsSeconds ? "\(total / 60):" + two(seconds) : "\(total / 60)"
        case .seconds: text = "\(total)"
        }
        return sign + text
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
