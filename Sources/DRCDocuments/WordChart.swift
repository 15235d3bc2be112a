import DRCCore
import Workbook

/// A figure as a Word chart: a DrawingML chart part (word/charts/chartN.xml) holding a
/// horizontal bar chart whose categories and values are cached in the part itself, so Word,
/// WPS and LibreOffice draw it without anything else, and a workbook of the same figures
/// embedded beside it (word/embeddings/chartN.xlsx), so "Edit Data" opens them. An unknown
/// value has no point in the cache and an empty cell in the workbook: a gap, never a zero bar.
/// A part (人员基本工资支出 under 基本支出) follows its whole, its bar a lighter shade of the
/// series' colour, so the parts read as its parts.
struct WordChart {
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationship = WordReport.relationships + "/chart"
    static let packageRelationship = WordReport.relationships + "/package"
    static let colours = ["3B6EA5", "E0A030"]
    /// The same colours lighter, for a part's bar.
    static let partColours = ["9DB7D2", "F0D098"]
    /// EMUs (English metric units) in a centimetre.
    static let centimetre = 360_000

    let figure: ReportFigure
    let language: Language
    /// 1 for word/charts/chart1.xml.
    let number: Int

    var path: String { "word/charts/chart\(number).xml" }
    var workbookPath: String { "word/embeddings/chart\(number).xlsx" }

    /// The figure's words, in the chosen language.
    var labels: [String] {
        figure.bars.map { bar in bar.label.map { $0.text(in: language) }.joined(separator: " · ") }
    }

    var series: [String] { figure.series.map { $0.text(in: language) } }

    /// The value as the chart's number: the figure's text without grouping commas.
    static func number(_ value: ReportFigure.Value) -> String {
        value.text.filter { $0 != "," }
    }

    /// Width: the text block's; height: room for every bar of every series and the axis.
    var extent: (width: Int, height: Int) {
        let perBar = figure.series.count > 1 ? 0.75 : 0.55
        let height = min(21.0, max(5.0, Double(figure.bars.count) * perBar + (figure.series.count > 1 ? 2.6 : 1.8)))
        return (WordPage.textWidth * 635, Int(height * Double(Self.centimetre)))
    }

    /// The paragraph that shows the chart where the figure stands; `relationship` is its id in
    /// the document's relationships.
    func paragraph(relationship: String, drawingID: Int) -> String {
        let title = XMLText.escape(figure.title.text(in: language))
        return """
            <w:p><w:pPr><w:pStyle w:val="Chart"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
            <wp:extent cx="\(extent.width)" cy="\(extent.height)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
            <wp:docPr id="\(drawingID)" name="图表 \(number)" descr="\(title)"/><wp:cNvGraphicFramePr/>\
            <a:graphic xmlns:a="\(Self.drawingNamespace)"><a:graphicData uri="\(Self.chartNamespace)">\
            <c:chart xmlns:c="\(Self.chartNamespace)" r:id="\(relationship)"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
    }

    /// The chart part.
    var xml: String {
        let rows = figure.bars.count
        let categories = labels.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XMLText.escape($0.element))</c:v></c:pt>" }.joined()
        let column = { (index: Int) in ColumnName.letters(index) }
        let seriesXML = series.enumerated().map { index, name -> String in
            let points = figure.bars.enumerated().compactMap { row, bar -> String? in
                guard index < bar.values.count, let value = bar.values[index] else { return nil }
                return "<c:pt idx=\"\(row)\"><c:v>\(Self.number(value))</c:v></c:pt>"
            }.joined()
            let letter = column(index + 1)
            let parts = figure.bars.enumerated().filter { $0.element.depth > 0 }.map { row, _ in
                "<c:dPt><c:idx val=\"\(row)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>"
                    + "<c:spPr><a:solidFill><a:srgbClr val=\"\(Self.partColours[index % Self.partColours.count])\"/></a:solidFill></c:spPr></c:dPt>"
            }.joined()
            return """
                <c:ser><c:idx val="\(index)"/><c:order val="\(index)"/>\
                <c:tx><c:strRef><c:f>Sheet1!$\(letter)$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>\(XMLText.escape(name))</c:v></c:pt></c:strCache></c:strRef></c:tx>\
                <c:spPr><a:solidFill><a:srgbClr val="\(Self.colours[index % Self.colours.count])"/></a:solidFill></c:spPr>\
                <c:invertIfNegative val="0"/>\(parts)\
                <c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>\
                <c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>\
                <c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(rows + 1)</c:f><c:strCache><c:ptCount val="\(rows)"/>\(categories)</c:strCache></c:strRef></c:cat>\
                <c:val><c:numRef><c:f>Sheet1!$\(letter)$2:$\(letter)$\(rows + 1)</c:f><c:numCache><c:formatCode>General</c:formatCode>\
                <c:ptCount val="\(rows)"/>\(points)</c:numCache></c:numRef></c:val></c:ser>
                """
        }.joined()
        let legend = series.count > 1 ? "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>" : ""
        let text = """
            <a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="\(WordPage.latin)"/>\
            <a:ea typeface="\(WordPage.fangSong)"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p>
            """
        // The first bar at the top (categories from max to min), the value axis at the bottom.
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <c:chartSpace xmlns:c="\(Self.chartNamespace)" xmlns:a="\(Self.drawingNamespace)" xmlns:r="\(WordReport.relationships)">\
            <c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>\
            <c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>\
            <c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>\(seriesXML)\
            <c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>\
            <c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>\
            <c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>\
            <c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>\
            <c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>\
            <c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>\
            <c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>\
            <c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></c:plotArea>\
            \(legend)<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>\
            <c:txPr>\(text)</c:txPr><c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>
            """
    }

    /// The chart part's relationships: its workbook.
    var relationshipsXML: String {
        WordReport.relationshipsXML([("rId1", Self.packageRelationship, "../embeddings/chart\(number).xlsx")])
    }

    /// The workbook "Edit Data" opens: the labels in column A, a column per series.
    func workbook() throws -> [UInt8] {
        var writer = WorkbookWriter(sheetName: "Sheet1")
        try writer.header([figure.labelHeading.text(in: language)] + series)
        for (bar, label) in zip(figure.bars, labels) {
            try writer.row([.text(label)] + figure.series.indices.map { index in
                guard index < bar.values.count, let value = bar.values[index] else { return .empty }
                return .number(Self.number(value))
            })
        }
        return try writer.bytes()
    }
}
