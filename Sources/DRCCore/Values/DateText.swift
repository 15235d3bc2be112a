/// Dates and times as the records keep them: `2020-03-02`, or `2020-03-02 14:05` when the
/// time is known. Clerks and spreadsheets write them in several ways; all become one form.
public struct DateText: Equatable, Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Minutes after midnight, when a time was given.
    public let minutes: Int?

    /// Accepts `2020-03-02`, `2020/3/2`, `2020年3月2日`, `2020.3.2`, each optionally followed
    /// by a time `14:05` (or `14:05:00`; seconds must be zero, as records keep minutes).
    public static func parse(_ input: String) -> Result<DateText, ValueError> {
        let text = input.trimmingSpaces()
        let usage = Reason.notADate
        var datePart = Substring(text)
        var timePart: Substring?
        if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
            datePart = text[..<space]
            timePart = text[text.index(after: space)...].drop { $0 == " " }
        }
        var fields: [Substring]
        if datePart.contains("年") {
            guard datePart.hasSuffix("日") || datePart.hasSuffix("号") else { return .failure(.init(usage)) }
            fields = datePart.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            let separator: Character = datePart.contains("-") ? "-" : datePart.contains("/") ? "/" : "."
            fields = datePart.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard fields.count == 3, fields[0].count == 4,
              fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else {
            return .failure(.init(usage))
        }
        guard (1...12).contains(month) else { return .failure(.init(.noSuchMonth(month))) }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            return .failure(.init(.noSuchDay(year: year, month: month, days: daysIn(month: month, year: year))))
        }
        var minutes: Int?
        if let timePart, !timePart.isEmpty {
            let clock = timePart.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(clock.count),
                  clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
                  let hour = Int(clock[0]), let minute = Int(clock[1]) else {
                return .failure(.init(.timeNotHHMM))
            }
            guard hour < 24, minute < 60 else { return .failure(.init(.impossibleTime(String(timePart)))) }
            if clock.count == 3, Int(clock[2]) != 0 {
                return .failure(.init(.timeHasSeconds))
            }
            minutes = hour * 60 + minute
        }
        return .success(DateText(year: year, month: month, day: day, minutes: minutes))
    }

    public var text: String {
        let date = "\(year)-\(Self.pad(month))-\(Self.pad(day))"
        guard let minutes else { return date }
        return date + " \(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
    }

    public static func < (lhs: DateText, rhs: DateText) -> Bool { lhs.text < rhs.text }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
