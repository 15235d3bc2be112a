/// A bar chart's figures: each bar a label and one value per series (budget beside final),
/// a value unknown where the records do not say it, so that it is said and never drawn as zero.
/// The words (title, series, the label column) are terms, chosen at the edge; the web dashboard
/// and the report draw the same figures.
public struct ReportFigure: Sendable, Equatable {
    /// Names the figure in a page (`chart-month`), so a reader and a test can find it.
    public let id: String
    public let title: Term
    /// What the labels are (月份, 供应商 · 服务类别), for a table of the same figures.
    public let labelHeading: Term
    /// One term per series; a figure of one series is told by its title alone.
    public let series: [Term]
    public let bars: [Bar]

    public init(id: String, title: Term, labelHeading: Term, series: [Term], bars: [Bar]) {
        self.id = id
        self.title = title
        self.labelHeading = labelHeading
        self.series = series
        self.bars = bars
    }

    public struct Bar: Sendable, Equatable {
        /// The label's parts (a vendor, then a category), each a cell so that drc's own words
        /// (月份未知) follow the language.
        public let label: [ResultTable.Cell]
        /// One per series; nil is unknown.
        public let values: [Value?]
        /// 0 for a whole, 1 for a part of the bar above it at depth 0 (人员基本工资 under
        /// 基本支出), so a chart can show parts under their totals.
        public let depth: Int

        public init(label: [ResultTable.Cell], values: [Value?], depth: Int = 0) {
            self.label = label
            self.values = values
            self.depth = depth
        }
    }

    /// A bar's length (a count, or fen) and how it is written (`1340`, `113.03`).
    public struct Value: Sendable, Equatable {
        public let magnitude: Int64
        public let text: String

        public init(magnitude: Int64, text: String) {
            self.magnitude = magnitude
            self.text = text
        }
    }
}
