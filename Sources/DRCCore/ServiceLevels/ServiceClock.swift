/// How a service level counts minutes: round the clock, or only within working hours on
/// working days (the calendar's); time while the order is pending (待定) does not count.
public struct ServiceClock: Sendable {
    /// A stretch the clock stood still: pending from `start` until `end` (nil: still pending).
    public struct Pause: Sendable, Equatable {
        public let start: Int64
        public let end: Int64?
        public init(start: Int64, end: Int64?) {
            self.start = start
            self.end = end
        }
    }

    public let hours: ServiceHours?
    public let calendar: WorkingDays

    public init(hours: ServiceHours?, calendar: WorkingDays) {
        self.hours = hours
        self.calendar = calendar
    }

    /// Minutes since 1970-01-01 00:00 of a time to the minute (`2021-03-02 14:05`); nil for a
    /// date alone or anything else: a service level needs the minute.
    public static func minute(_ text: String?) -> Int64? {
        guard let text, text.utf8.count == 16, let day = DayNumber.of(text) else { return nil }
        let clock = Array(text.utf8.suffix(5))
        func digit(_ byte: UInt8) -> Int64? { (48...57).contains(byte) ? Int64(byte - 48) : nil }
        guard clock[2] == UInt8(ascii: ":"), let h1 = digit(clock[0]), let h2 = digit(clock[1]),
              let m1 = digit(clock[3]), let m2 = digit(clock[4]) else { return nil }
        let hour = h1 * 10 + h2, minute = m1 * 10 + m2
        guard hour < 24, minute < 60 else { return nil }
        return day * 1440 + hour * 60 + minute
    }

    /// The minutes the clock counts from `start` up to `end`: all of them round the clock,
    /// else those within the working hours of working days.
    public func counted(from start: Int64, to end: Int64) -> Int64 {
        guard end > start else { return 0 }
        guard let hours else { return end - start }
        var total: Int64 = 0
        var day = Self.floorDiv(start, 1440)
        let lastDay = Self.floorDiv(end - 1, 1440)
        while day <= lastDay {
            if calendar.isWorking(day) {
                let open = max(start, day * 1440 + hours.start), close = min(end, day * 1440 + hours.end)
                if close > open { total += close - open }
            }
            day += 1
        }
        return total
    }

    /// The minutes a measure took: counted from `start` to `end`, less those counted while
    /// the order was pending. Nil when the end is before the start.
    public func elapsed(from start: Int64, to end: Int64, pauses: [Pause]) -> Int64? {
        guard end >= start else { return nil }
        var minutes = counted(from: start, to: end)
        for pause in pauses {
            let from = max(start, pause.start), to = min(end, pause.end ?? end)
            if to > from { minutes -= counted(from: from, to: to) }
        }
        return max(0, minutes)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
