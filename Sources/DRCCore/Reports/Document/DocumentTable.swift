/// A table of a report: headings, rows of cells as they are read (amounts already formatted,
/// unknown already said), and footer rows (totals) shown after the rows.
public struct DocumentTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        /// Text, from the start of the cell.
        case leading
        /// Numbers, lined up on the right.
        case trailing
    }

    public var headings: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    public var footer: [[String]]

    /// `alignments` defaults to every column leading; a shorter list leaves the rest leading.
    public init(headings: [String], alignments: [Alignment] = [], rows: [[String]] = [], footer: [[String]] = []) {
        self.headings = headings
        self.alignments = headings.indices.map { $0 < alignments.count ? alignments[$0] : .leading }
        self.rows = rows
        self.footer = footer
    }
}
