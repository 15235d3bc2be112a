/// The words of service-level tables, in both languages: column headings in the run's
/// language, keys in CSV and JSON in English.
public enum ServiceLevelWords {
    public static func minutes(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)用时（分钟）", en: "\(measure.rawValue) minutes") }
    public static func limit(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)时限（分钟）", en: "\(measure.rawValue) limit") }
    public static func known(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)已知", en: "\(measure.rawValue) known") }
    public static func unknown(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)未知", en: "\(measure.rawValue) unknown") }
    public static func mean(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)平均（分钟）", en: "\(measure.rawValue) mean") }
    public static func median(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)中位数（分钟）", en: "\(measure.rawValue) median") }
    public static func p90(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)90分位（分钟）", en: "\(measure.rawValue) p90") }
    public static func met(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)达标", en: "\(measure.rawValue) met") }
    public static func measured(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)考核数", en: "\(measure.rawValue) measured") }
    public static func rate(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)及时率（%）", en: "\(measure.rawValue) percent") }
    public static func unmeasured(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)未考核", en: "\(measure.rawValue) unmeasured") }
    public static func breaches(_ measure: ServiceMeasure) -> Term { Term(zh: "\(measure.term.zh)超时", en: "\(measure.rawValue) breaches") }
    public static let orders = Term(zh: "工单数", en: "orders")
    /// Orders fixed remotely: no arrival expected.
    public static let remote = Term(zh: "远程处理（不需到场）", en: "arrival remote")
    public static let deduction = Term(zh: "扣分", en: "deduction")
    public static let score = Term(zh: "考核得分", en: "score")
    /// Orders with at least one measure measured (minutes and a limit known).
    public static let measuredOrders = Term(zh: "已考核工单", en: "measured")
    /// A month with orders but none measured: no score, never 100.
    public static let noData = Term(zh: "无考核数据", en: "no data")
    public static let measure = Term(zh: "考核项", en: "measure")
    public static let elapsed = Term(zh: "用时（分钟）", en: "minutes")
    public static let limitWord = Term(zh: "时限（分钟）", en: "limit")
    public static let priority = Term(zh: "优先级", en: "priority", enPlural: "priorities")
    public static let order = Term(zh: "工单", en: "order")
    public static let ticket = Term(zh: "工单号", en: "ticket")
}
