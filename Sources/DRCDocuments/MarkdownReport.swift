import DRCCore

/// The report as Markdown: `#` headings, paragraphs separated by a blank line, `>` for a note,
/// `-` lists and pipe tables. Figures are left out: their counts and amounts are the tables'
/// and the text's already, and Markdown cannot draw them.
public enum MarkdownReport {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(document.title)\n\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: max(1, level)) + " \(text)\n\n"
            case .paragraph(let text):
                out += text + "\n\n"
            case .note(let text):
                out += "> \(text)\n\n"
            case .list(let items):
                out += items.map { "- \($0)\n" }.joined() + "\n"
            case .table(let table):
                out += row(table.headings)
                out += "|" + table.alignments.map { $0 == .trailing ? "---:|" : "---|" }.joined() + "\n"
                for cells in table.rows + table.footer { out += row(cells) }
                out += "\n"
            case .figure:
                break
            case .annexList(let titles):
                out += "附件：\n\n" + titles.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined() + "\n"
            case .signature(let unit, let date):
                // A line break inside one paragraph: the unit above its date.
                out += "\(unit)  \n\(date)\n\n"
            case .annex(let number, let title):
                out += "## 附件\(number)　\(title)\n\n"
            }
        }
        return out
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }

    /// A cell's text with a pipe or a line break never breaking the row.
    static func cell(_ text: String) -> String {
        String(text.map { $0 == "|" ? "｜" : $0.isNewline ? " " : $0 })
    }
}
