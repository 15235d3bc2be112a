/// A name in both of drc's languages, declared once where the thing is declared (a kind, a
/// field) and chosen at the edge: `供应商` / `vendor`. Words, not sentences.
public struct Term: Sendable, Equatable {
    public let zh: String
    public let en: String
    /// English needs a plural of its own ("categories"); Chinese does not.
    public let enPlural: String
    /// The measure word Chinese counts it with: 3 条工单, 3 家供应商.
    public let measure: String

    public init(zh: String, en: String, enPlural: String? = nil, measure: String = "个") {
        self.zh = zh
        self.en = en
        self.enPlural = enPlural ?? en + "s"
        self.measure = measure
    }
}
