/// The report's styles (word/styles.xml) and its one bullet list (word/numbering.xml): 宋体
/// (SimSun) for the text and 黑体 (SimHei) for the title and headings, as Chinese government
/// documents are set, with Latin fonts beside them; the headings carry outline levels, so Word's
/// navigation pane and table of contents find them.
enum WordStyles {
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(WordBody.namespace)">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>\
        <w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/><w:jc w:val="both"/></w:pPr></w:style>\
        \(heading(id: "Title", name: "Title", size: 36, level: nil, centred: true))\
        \(heading(id: "Heading1", name: "heading 1", size: 32, level: 0, centred: false))\
        \(heading(id: "Heading2", name: "heading 2", size: 28, level: 1, centred: false))\
        \(heading(id: "Heading3", name: "heading 3", size: 24, level: 2, centred: false))\
        <w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="420"/></w:pPr><w:rPr><w:color w:val="5B6675"/><w:sz w:val="21"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体"/><w:b/><w:sz w:val="21"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
        <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>\
        <w:rPr><w:sz w:val="21"/></w:rPr><w:tblPr><w:tblBorders>\(borders)</w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """

    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="\(WordBody.namespace)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>\
        <w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static var borders: String {
        ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        }.joined()
    }

    /// A heading style in 黑体, bold, kept with the text after it.
    static func heading(id: String, name: String, size: Int, level: Int?, centred: Bool) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
            + (centred ? "<w:jc w:val=\"center\"/>" : "") + (level.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "") + "</w:pPr>"
            + "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
}
