/// A policy's working hours (服务时间), `08:30-17:30`: the minutes of a working day the clock
/// runs, from the start up to (not including) the end.
public struct ServiceHours: Sendable, Equatable {
    /// Minutes after midnight.
    public let start: Int64
    public let end: Int64

    public init?(start: Int64, end: Int64) {
        guard 0 <= start, start < end, end <= 1440 else { return nil }
        self.start = start
        self.end = end
    }

    /// `HH:MM-HH:MM` with the start before the end (24:00 ends the day); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.minute(parts[0]), let end = Self.minute(parts[1]) else { return nil }
        self.init(start: start, end: end)
    }

    public var text: String { Self.clock(start) + "-" + Self.clock(end) }

    private static func minute(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int64(parts[0]), let minute = Int64(parts[1]), minute < 60,
              hour < 24 || hour == 24 && minute == 0 else { return nil }
        return hour * 60 + minute
    }

    private static func clock(_ minutes: Int64) -> String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
