#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant as drc stamps it: the time and the UTC offset of the zone it was read in, so a
/// stamp says both the clerk's local time and which instant that was.
public struct Moment: Sendable, Equatable {
    public let secondsSinceEpoch: Int64
    public let utcOffsetSeconds: Int

    public init(secondsSinceEpoch: Int64, utcOffsetSeconds: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The local time with its offset, `2026-11-25T11:10:05+08:00`: history and migrations.
    public var stamp: String {
        let (date, time) = local
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offset = abs(utcOffsetSeconds) / 60
        return "\(date)T\(time)\(sign)\(Self.two(offset / 60)):\(Self.two(offset % 60))"
    }

    /// The local time to the minute, `2026-11-25 11:10`: the form work-order timestamps use.
    public var minute: String {
        let (date, time) = local
        return "\(date) \(time.prefix(5))"
    }

    /// A stamp as a person reads it: `2026-11-25T11:10:05+08:00` → `2026-11-25 11:10:05`, the
    /// local time it was written in, without the `T` and the offset; text that is no stamp as given.
    public static func shown(_ stamp: String) -> String {
        let parts = stamp.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 10, parts[1].count >= 8 else { return stamp }
        return "\(parts[0]) \(parts[1].prefix(8))"
    }

    /// Local date and time as digits only, `20261125111005`: for file names.
    public var digits: String {
        let (date, time) = local
        return (date + time).filter(\.isNumber)
    }

    /// `("2026-11-25", "11:10:05")` in the moment's own zone.
    private var local: (String, String) {
        let seconds = secondsSinceEpoch + Int64(utcOffsetSeconds)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        let date = "\(Self.four(year))-\(Self.two(month))-\(Self.two(day))"
        let time = "\(Self.two(secondOfDay / 3600)):\(Self.two(secondOfDay / 60 % 60)):\(Self.two(secondOfDay % 60))"
        return (date, time)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm),
    /// so formatting needs neither the C library's zone state nor Foundation.
    private static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    private static func four(_ value: Int64) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

/// Where drc reads the time: one clock per store, so every stamp of an operation (a solve
/// time and its history entry) is the same moment, and tests can freeze it.
public struct Clock: Sendable {
    private let read: @Sendable () -> Moment

    public init(_ read: @escaping @Sendable () -> Moment) {
        self.read = read
    }

    public func now() -> Moment { read() }

    /// The system's time in its zone (the `TZ` variable, else the system's setting).
    public static let system = Clock {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Moment(secondsSinceEpoch: Int64(now), utcOffsetSeconds: Int(parts.tm_gmtoff))
    }

    /// Always the same moment: for tests.
    public static func frozen(_ moment: Moment) -> Clock {
        Clock { moment }
    }
}
