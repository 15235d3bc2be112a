import Foundation
import Testing
import ZIPFoundation

/// Workbook packages made part by part in memory, for workbooks our own writer never makes:
/// other date systems, number formats and cells as other programs write them, and zip bombs.
enum TestPackage {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A zip of `parts` (path, bytes given chunk by chunk), deflated.
    static func zip(_ parts: [(path: String, size: Int, chunk: (Int64, Int) -> Data)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.size), compressionMethod: .deflate,
                                 bufferSize: 1 << 20) { position, size in part.chunk(position, size) }
        }
        return Array(try #require(archive.data))
    }

    static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        try zip(parts.map { path, text in
            let data = Data(text.utf8)
            return (path, data.count, { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        })
    }

    /// A workbook of one sheet named 工单 with `sheetData`, the workbook part's own properties
    /// `workbookProperties` (its <workbookPr>, its <extLst>), and `styles` as the styles part.
    /// `afterSheetData` follows the rows in the sheet (its `<mergeCells>`).
    static func workbook(workbookPr: String, extensions: String = "", styles: String, sharedStrings: [String],
                         sheetData: String, afterSheetData: String = "") throws -> [UInt8] {
        try zip([
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
                Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(main)" xmlns:r="\(relationships)">\(workbookPr)<bookViews><workbookView/></bookViews>\
                <sheets><sheet name="工单" sheetId="1" r:id="rId1"/></sheets>\(extensions)</workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
                <Relationship Id="rId3" Type="\(relationships)/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """),
            ("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"),
            ("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">"
                + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData>\(afterSheetData)</worksheet>"),
        ])
    }

    /// Sets the uncompressed size that `path`'s entry declares, in its local header and in the
    /// central directory, to `size`: a zip that lies about what it inflates to.
    static func declare(_ bytes: inout [UInt8], path: String, uncompressedSize size: UInt32) {
        let name = Array(path.utf8)
        let little = [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        for (signature, nameOffset, sizeOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 30, 22), ([0x50, 0x4B, 0x01, 0x02], 46, 24)] {
            var index = 0
            while index + nameOffset + name.count <= bytes.count {
                if bytes[index..<(index + 4)].elementsEqual(signature), bytes[(index + nameOffset)..<(index + nameOffset + name.count)].elementsEqual(name) {
                    bytes.replaceSubrange((index + sizeOffset)..<(index + sizeOffset + 4), with: little)
                }
                index += 1
            }
        }
    }
}
