import DRCCore

/// The report as WordprocessingML (word/document.xml): the title and headings in the heading
/// styles, paragraphs, bulleted lists, tables with a repeated header row, and each figure as a
/// caption and a table of its figures (Word cannot show the SVG; the numbers are the chart's).
enum WordBody {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// The text width of an A4 page with the margins of `section`, in twentieths of a point.
    static let textWidth = 11906 - 2 * 1800

    static func xml(_ document: ReportDocument, language: Language) -> String {
        var body = paragraph(document.title, style: "Title")
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: "Heading\(min(3, max(1, level - 1)))")
            case .paragraph(let text):
                body += paragraph(text, style: "BodyText")
            case .note(let text):
                body += paragraph(text, style: "Note")
            case .list(let items):
                for item in items { body += paragraph(item, style: "ListBullet", bulleted: true) }
            case .table(let table):
                body += self.table(table)
            case .figure(let figure):
                body += paragraph(figure.title.text(in: language), style: "Caption")
                body += self.table(figureTable(figure, language: language))
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(namespace)"><w:body>\(body)\(section)</w:body></w:document>
            """
    }

    /// A4, portrait, the margins of a Chinese government document's template.
    static let section = """
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" \
        w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>
        """

    static func paragraph(_ text: String, style: String? = nil, bulleted: Bool = false, right: Bool = false, bold: Bool = false,
                          compact: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if bulleted { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        if compact { properties += "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"276\" w:lineRule=\"auto\"/>" }
        if right { properties += "<w:jc w:val=\"right\"/>" }
        let runProperties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs(text, properties: runProperties) + "</w:p>"
    }

    /// The text as runs, a line break inside it as a break of the line.
    static func runs(_ text: String, properties: String) -> String {
        guard !text.isEmpty else { return "" }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.enumerated().map { index, line in
            "<w:r>\(properties)" + (index > 0 ? "<w:br/>" : "") + "<w:t xml:space=\"preserve\">\(XMLText.escape(String(line)))</w:t></w:r>"
        }.joined()
    }

    static func table(_ table: DocumentTable) -> String {
        let columns = max(1, table.headings.count)
        let width = textWidth / columns
        func row(_ cells: [String], header: Bool) -> String {
            let padded = Array(cells.prefix(columns)) + Array(repeating: "", count: max(0, columns - cells.count))
            let shown = padded.enumerated().map { index, text in
                "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                    + paragraph(text, right: !header && index < table.alignments.count && table.alignments[index] == .trailing,
                                bold: header, compact: true)
                    + "</w:tc>"
            }.joined()
            return "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + shown + "</w:tr>"
        }
        let grid = String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns)
        return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr>"
            + "<w:tblGrid>\(grid)</w:tblGrid>" + row(table.headings, header: true)
            + (table.rows + table.footer).map { row($0, header: false) }.joined()
            + "</w:tbl>"
            // A paragraph after each table: two tables in a row would otherwise run together.
            + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>"
    }

    /// A figure's numbers as a table: the label, then one column per series; unknown said.
    static func figureTable(_ figure: ReportFigure, language: Language) -> DocumentTable {
        let unknown = ReportFigures.unknown.text(in: language)
        let series = figure.series.map { $0.text(in: language) }
        return DocumentTable(
            headings: [figure.labelHeading.text(in: language)] + series,
            alignments: [.leading] + series.map { _ in .trailing },
            rows: figure.bars.map { bar in
                [bar.label.map { $0.text(in: language) }.joined(separator: " · ")] + bar.values.map { $0?.text ?? unknown }
            })
    }
}
