/// A report as structure, not text: a title, then headings, paragraphs, lists, tables and
/// figures in reading order. The core builds it; each output format (Markdown, HTML, Word) is a
/// renderer over this one model, so the three can never say different things. Every string in
/// it is the report's own words, unescaped: escaping is each renderer's business.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    public enum Block: Sendable, Equatable {
        /// A section heading; level 2 is a section (一、), 3 a part of one, 4 a part of that.
        /// Level 1 is the title's.
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A remark set apart from the text (how the report was made).
        case note(String)
        /// Items said one by one (indicators, data notes, 疑点).
        case list([String])
        case table(DocumentTable)
        /// A chart of figures the text and tables already give; renderers that cannot draw
        /// show its figures as a table, or leave it out.
        case figure(ReportFigure)
        /// The annexes named after the body (附件：1. …), as a document lists what it attaches.
        case annexList([String])
        /// The closing 落款: the unit's name, then the date it signs the report (2021年3月31日).
        case signature(unit: String, date: String)
        /// An annex begins: its number (附件1) and its title; what follows, to the next annex,
        /// is the annex. Renderers start it on a page of its own where pages exist.
        case annex(number: Int, title: String)
    }
}
