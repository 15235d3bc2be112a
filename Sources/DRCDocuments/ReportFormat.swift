import DRCCore

/// The forms a report is written in: each a renderer over the one `ReportDocument`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, docx

    /// The document's bytes; `language` chooses the words drc adds around the report's own
    /// (chart titles, legends, the HTML page's language), never the report's Chinese text.
    public func render(_ document: ReportDocument, language: Language) throws -> [UInt8] {
        switch self {
        case .md: return Array(MarkdownReport.render(document).utf8)
        case .html: return Array(HTMLReport.render(document, language: language).utf8)
        case .docx: return try WordReport.render(document, language: language)
        }
    }

    /// Whether the bytes are text a terminal can show.
    public var isText: Bool { self != .docx }

    public var fileExtension: String { rawValue }

    public var contentType: String {
        switch self {
        case .md: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}
