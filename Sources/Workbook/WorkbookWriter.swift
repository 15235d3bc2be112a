import Foundation
import ZIPFoundation

/// Writes a workbook of one sheet, as Excel, WPS and LibreOffice open it: the content types,
/// the package and workbook relationships, the workbook, a small style sheet (a bold header,
/// amounts shown with two decimals) and the sheet, its text as inline strings (one pass, no
/// shared-strings table to keep) and its numbers as numbers. The header row is frozen.
public struct WorkbookWriter {
    /// One cell of a row.
    public enum Cell {
        case empty
        case text(String)
        /// A number as its digits (`2021`, `12`).
        case number(String)
        /// An amount in yuan (`1234.50`), shown with two decimals.
        case amount(String)
    }

    /// The most rows a worksheet holds, the header included.
    public static let rowLimit = 1_048_576

    private let sheetName: String
    private var sheetData: [UInt8] = []
    private var rows = 0
    private var widest = 0

    /// `sheetName`: the tab's name (characters a tab cannot hold become spaces; at most 31).
    public init(sheetName: String) {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let cleaned = String(sheetName.map { forbidden.contains($0) ? " " : $0 }.prefix(31))
        self.sheetName = cleaned.isEmpty ? "Sheet1" : cleaned
        sheetData.reserveCapacity(1 << 16)
    }

    /// Adds the header row (bold).
    public mutating func header(_ names: [String]) throws {
        try row(names.map(Cell.text), style: 2)
    }

    /// Adds a row.
    public mutating func row(_ cells: [Cell]) throws {
        try row(cells, style: 0)
    }

    private mutating func row(_ cells: [Cell], style: Int) throws {
        guard rows < Self.rowLimit else { throw WorkbookError.tooManyRows(limit: Self.rowLimit) }
        rows += 1
        widest = max(widest, cells.count)
        append("<row r=\"\(rows)\">")
        for (index, cell) in cells.enumerated() {
            let reference = ColumnName.letters(index) + String(rows)
            let styled = style == 0 ? "" : " s=\"\(style)\""
            switch cell {
            case .empty:
                continue
            case .text(let text):
                append("<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                append(CellText.escaped(text))
                append("</t></is></c>")
            case .number(let digits):
                append("<c r=\"\(reference)\"\(styled)><v>\(digits)</v></c>")
            case .amount(let yuan):
                append("<c r=\"\(reference)\" s=\"1\"><v>\(yuan)</v></c>")
            }
        }
        append("</row>")
    }

    private mutating func append(_ text: String) {
        sheetData.append(contentsOf: text.utf8)
    }

    /// The workbook's bytes (a zip). The parts carry a fixed time, so the same rows give the
    /// same file, and an export imported again is recognised by its fingerprint.
    public func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let fixed = Date(timeIntervalSince1970: 946_684_800)
        let dimension = widest == 0 ? "A1" : "A1:" + ColumnName.letters(widest - 1) + String(max(rows, 1))
        let sheet = Self.declaration + """
            <worksheet xmlns="\(Self.main)" xmlns:r="\(Self.officeRelationships)"><dimension ref="\(dimension)"/>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            </sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="\(max(widest, 1))" width="16" customWidth="1"/></cols>\
            <sheetData>
            """
        var sheetBytes = Array(sheet.utf8)
        sheetBytes += sheetData
        sheetBytes += Array("</sheetData></worksheet>".utf8)
        let parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(Self.contentTypes.utf8)),
            ("_rels/.rels", Array(Self.rootRelationships.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(Self.workbookRelationships.utf8)),
            ("xl/styles.xml", Array(Self.styles.utf8)),
            ("xl/worksheets/sheet1.xml", sheetBytes),
        ]
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixed,
                                 compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
        guard let data = archive.data else { throw WorkbookError.notAWorkbook }
        return [UInt8](data)
    }

    private var workbook: String {
        Self.declaration + """
            <workbook xmlns="\(Self.main)" xmlns:r="\(Self.officeRelationships)"><bookViews><workbookView/></bookViews>\
            <sheets><sheet name="\(CellText.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let rootRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(officeRelationships)/styles" Target="styles.xml"/></Relationships>
        """

    /// Cell styles: 0 plain, 1 an amount (built-in format 2, `0.00`), 2 the header (bold).
    static let styles = declaration + """
        <styleSheet xmlns="\(main)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}
