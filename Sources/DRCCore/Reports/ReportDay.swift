/// The day a year's report counts ages to (how long a contract has waited at its stage): the
/// day asked for, else the year's last day once the year is over, else today. A 2021 report
/// read in 2026 says what stood at the end of 2021, never "签订已1849日".
public enum ReportDay {
    public static func asOf(year: Int64, asked: Int64?, today: Int64) -> Int64 {
        if let asked { return asked }
        guard let yearEnd = DayNumber.of("\(year)-12-31") else { return today }
        return min(yearEnd, today)
    }
}
