/// The report's styles (word/styles.xml), fonts (word/fontTable.xml), settings, page-number
/// footers and numbered lists, set as `WordPage` says: 仿宋 三号 at a fixed line pitch for the
/// text, 黑体 for 一、 headings, 楷体 for （一）, 小标宋 二号 for the title; the headings carry
/// outline levels, so Word's navigation pane and table of contents find them.
enum WordStyles {
    static let w = WordBody.namespace

    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"\(WordPage.latin)\" w:hAnsi=\"\(WordPage.latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(WordPage.latin)\" w:hint=\"eastAsia\"/>"
    }

    static func size(_ halfPoints: Int) -> String {
        "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
    }

    static let exact = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(WordPage.linePitch)\" w:lineRule=\"exact\"/>"
    /// Single spacing, for what a fixed pitch would clip (a chart) or crowd (a table).
    static let single = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    static let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"\(2 * WordPage.character)\"/>"

    static func paragraphStyle(_ id: String, name: String, basedOn: String? = "Normal", next: String? = nil,
                               paragraph: String, run: String) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
            + "<w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(w)">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts(WordPage.fangSong))\(size(WordPage.bodySize))\
        <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:widowControl/>\(exact)<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        \(paragraphStyle("BodyText", name: "Body Text", paragraph: indent, run: ""))\
        \(paragraphStyle("Title", name: "Title", next: "BodyText",
                         paragraph: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"\(WordPage.linePitch)\" w:line=\"\(WordPage.titlePitch)\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                         run: fonts(WordPage.xiaoBiaoSong) + size(WordPage.titleSize)))\
        \(paragraphStyle("Heading1", name: "heading 1", next: "BodyText",
                         paragraph: "<w:keepNext/>\(indent)<w:outlineLvl w:val=\"1\"/>", run: fonts(WordPage.heiTi)))\
        \(paragraphStyle("Heading2", name: "heading 2", next: "BodyText",
                         paragraph: "<w:keepNext/>\(indent)<w:outlineLvl w:val=\"2\"/>", run: fonts(WordPage.kaiTi)))\
        \(paragraphStyle("Heading3", name: "heading 3", next: "BodyText",
                         paragraph: "<w:keepNext/>\(indent)<w:outlineLvl w:val=\"3\"/>", run: "<w:b/><w:bCs/>"))\
        \(paragraphStyle("AnnexLabel", name: "Annex Label", next: "AnnexTitle",
                         paragraph: "<w:keepNext/><w:pageBreakBefore/>", run: fonts(WordPage.heiTi)))\
        \(paragraphStyle("AnnexTitle", name: "Annex Title", next: "BodyText",
                         paragraph: "<w:keepNext/><w:spacing w:before=\"\(WordPage.linePitch / 2)\" w:after=\"\(WordPage.linePitch)\" w:line=\"\(WordPage.titlePitch)\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                         run: fonts(WordPage.xiaoBiaoSong) + size(WordPage.annexTitleSize)))\
        \(paragraphStyle("Note", name: "Note", paragraph: indent, run: size(WordPage.captionSize)))\
        \(paragraphStyle("Caption", name: "caption", next: "Normal",
                         paragraph: "<w:keepNext/><w:spacing w:before=\"\(WordPage.linePitch / 2)\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                         run: fonts(WordPage.heiTi) + size(WordPage.captionSize)))\
        \(paragraphStyle("Chart", name: "Chart", paragraph: "<w:keepNext/>\(single)<w:jc w:val=\"center\"/>", run: ""))\
        \(paragraphStyle("TableText", name: "Table Text", paragraph: "\(single)<w:jc w:val=\"left\"/>", run: ""))\
        \(paragraphStyle("ListNumber", name: "List Number", paragraph: indent, run: ""))\
        \(paragraphStyle("AnnexList", name: "Annex List",
                         paragraph: "<w:ind w:left=\"\(5 * WordPage.character)\" w:hanging=\"\(3 * WordPage.character)\"/>", run: ""))\
        \(paragraphStyle("Signature", name: "Signature", paragraph: "<w:jc w:val=\"right\"/>", run: ""))\
        \(paragraphStyle("Footer", name: "footer", paragraph: single, run: fonts(WordPage.songTi) + size(WordPage.pageNumberSize)))\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="\(WordTable.cellPadding)" w:type="dxa"/><w:left w:w="\(WordTable.cellMargin)" w:type="dxa"/>\
        <w:bottom w:w="\(WordTable.cellPadding)" w:type="dxa"/><w:right w:w="\(WordTable.cellMargin)" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>\
        <w:tblPr><w:jc w:val="center"/><w:tblBorders>\(borders)</w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """

    static var borders: String {
        ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined()
    }

    /// Every font the styles name, with the font to use in its place.
    static let fontTable = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="\(w)">\(WordPage.fonts.map { font in
            "<w:font w:name=\"\(font.name)\"><w:altName w:val=\"\(font.alternative)\"/><w:panose1 w:val=\"\(font.panose)\"/>"
                + "<w:charset w:val=\"\(font.name == WordPage.latin ? "00" : "86")\"/><w:family w:val=\"\(font.family)\"/>"
                + "<w:pitch w:val=\"\(font.pitch)\"/></w:font>"
        }.joined())</w:fonts>
        """

    /// Odd and even pages have footers of their own (the page number right, then left).
    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(w)"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>\
        <w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        </w:settings>
        """

    /// "— 1 —": the page number as a PAGE field between dashes, on the right a character in
    /// (odd pages) or on the left (even).
    static func footer(odd: Bool) -> String {
        // (w:ind before w:jc: Word reads a paragraph's properties in the schema's order.)
        let place = odd ? "<w:ind w:right=\"\(WordPage.character)\"/><w:jc w:val=\"right\"/>"
                        : "<w:ind w:left=\"\(WordPage.character)\"/><w:jc w:val=\"left\"/>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Footer"/>\(place)</w:pPr>\
            <w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
            """
    }

    /// The numbered lists: one definition (1. 2. 3., set in as the text is), and one
    /// numbering instance per list, each starting again at 1.
    static func numbering(lists: Int) -> String {
        let abstract = """
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:firstLineChars="200" w:firstLine="\(2 * WordPage.character)"/></w:pPr></w:lvl></w:abstractNum>
            """
        let instances = (0..<max(1, lists)).map { index in
            "<w:num w:numId=\"\(index + 1)\"><w:abstractNumId w:val=\"0\"/>"
                + "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="\(w)">\(abstract)\(instances)</w:numbering>
            """
    }
}
