import DRCCore

/// The report as WordprocessingML (word/document.xml), set as an official document: the title,
/// then the text under its headings (一、 in 黑体, （一） in 楷体), tables laid out by
/// `WordTable`, each figure as a caption, a real chart (`WordChart`) and the table of its
/// figures (the chart cannot say "unknown"; the table does); then the annexes named, the
/// 落款, and each annex on a page of its own under its label (附件1) and title.
struct WordBody {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

    /// The document part, the charts it shows (in order, chart1 first) and how many numbered
    /// lists it has (each restarts at 1).
    let xml: String
    let charts: [WordChart]
    let lists: Int

    /// The relationship id of the Nth chart (1-based) in word/_rels/document.xml.rels.
    static func chartRelationship(_ number: Int) -> String { "rIdChart\(number)" }

    init(_ document: ReportDocument, language: Language) {
        var body = Self.paragraph(document.title, style: "Title")
        var charts: [WordChart] = []
        var lists = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                body += Self.paragraph(text, style: "Heading\(min(3, max(1, level - 1)))")
            case .paragraph(let text):
                body += Self.paragraph(text, style: "BodyText")
            case .note(let text):
                body += Self.paragraph(text, style: "Note")
            case .list(let items):
                lists += 1
                for item in items { body += Self.paragraph(item, style: "ListNumber", list: lists) }
            case .table(let table):
                body += Self.table(table)
            case .figure(let figure):
                body += Self.paragraph(figure.title.text(in: language), style: "Caption")
                if !figure.bars.isEmpty {
                    let chart = WordChart(figure: figure, language: language, number: charts.count + 1)
                    charts.append(chart)
                    body += chart.paragraph(relationship: Self.chartRelationship(chart.number), drawingID: chart.number)
                }
                body += Self.table(Self.figureTable(figure, language: language))
            case .annexList(let titles):
                // "附件：1. …", the later titles under the first, a line below the text.
                for (index, title) in titles.enumerated() {
                    let spacing = index == 0 ? "<w:spacing w:before=\"\(WordPage.linePitch)\" w:after=\"0\" w:line=\"\(WordPage.linePitch)\" w:lineRule=\"exact\"/>" : ""
                    let indent = index == 0 ? "" : "<w:ind w:left=\"\(5 * WordPage.character)\" w:hanging=\"0\"/>"
                    body += Self.paragraph((index == 0 ? "附件：" : "") + "\(index + 1). \(title)", style: "AnnexList", extra: spacing + indent)
                }
            case .signature(let unit, let date):
                body += Self.signature(unit: unit, date: date)
            case .annex(let number, let title):
                body += Self.paragraph("附件\(number)", style: "AnnexLabel")
                body += Self.paragraph(title, style: "AnnexTitle")
            }
        }
        xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(Self.namespace)" xmlns:r="\(WordReport.relationships)" xmlns:wp="\(Self.drawingNamespace)">\
            <w:body>\(body)\(Self.section)</w:body></w:document>
            """
        self.charts = charts
        self.lists = lists
    }

    /// A4, portrait, the margins of GB/T 9704, the page number in the footer (odd and even).
    static let section = """
        <w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>\
        <w:pgSz w:w="\(WordPage.width)" w:h="\(WordPage.height)"/><w:pgMar w:top="\(WordPage.top)" w:right="\(WordPage.right)" \
        w:bottom="\(WordPage.bottom)" w:left="\(WordPage.left)" w:header="\(WordPage.header)" w:footer="\(WordPage.footer)" w:gutter="0"/>\
        <w:cols w:space="425"/></w:sectPr>
        """

    static func paragraph(_ text: String, style: String, list: Int? = nil, extra: String = "") -> String {
        var properties = "<w:pStyle w:val=\"\(style)\"/>"
        if let list { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(list)\"/></w:numPr>" }
        properties += extra
        return "<w:p><w:pPr>\(properties)</w:pPr>" + runs(text, properties: "") + "</w:p>"
    }

    /// The 落款, a line below the text: the unit's name two characters in from the right, and
    /// below it the date, its first character two to the right of the name's (or, when the
    /// date is the longer, the date two in from the right and the name over it likewise).
    static func signature(unit: String, date: String) -> String {
        // Widths in characters of the body's size: a Chinese character 1, a digit half.
        let name = (DisplayWidth.of(unit) + 1) / 2, day = (DisplayWidth.of(date) + 1) / 2
        let nameRight = name - 2 >= day ? 2 : day - name + 4
        let dateRight = name - 2 >= day ? name - day : 2
        let place = { (right: Int) in "<w:ind w:right=\"\(right * WordPage.character)\"/>" }
        return paragraph(unit, style: "Signature", extra: "<w:spacing w:before=\"\(2 * WordPage.linePitch)\" w:after=\"0\" w:line=\"\(WordPage.linePitch)\" w:lineRule=\"exact\"/>" + place(nameRight))
            + paragraph(date, style: "Signature", extra: place(dateRight))
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
        WordTable(table).xml
            // A paragraph after each table: two tables in a row would otherwise run together.
            + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>"
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
