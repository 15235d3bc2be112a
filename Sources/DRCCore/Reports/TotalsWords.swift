/// The words the totals put where an order does not say: in the tables in the run's language,
/// in CSV and JSON by their English keys (what scripts have always read).
public enum TotalsWords {
    public static let noProject = Term(zh: "（无项目）", en: "(no project)")
    public static let unknownUnit = Term(zh: "（未知单位）", en: "(unknown unit)")
    public static let unknownMonth = Term(zh: "未知月份", en: "unknown month")
    public static let rank = Term(zh: "排名", en: "rank")
    public static let change = Term(zh: "增减", en: "change")
    public static let changePercent = Term(zh: "增减率", en: "change %")
}
