import DRCCore
import Foundation
import ZIPFoundation

/// The report as a Word document (.docx): an Open Packaging Conventions zip of XML parts. The
/// parts are listed once, with their content types, and [Content_Types].xml is written from
/// that list, so every part is covered; every relationship's target is a listed part.
public enum WordReport {
    struct Part {
        let path: String
        /// The part's own content type; nil where the extension's default (`rels`, `xlsx`) covers it.
        let contentType: String?
        let bytes: [UInt8]

        init(path: String, contentType: String?, text: String) {
            self.path = path
            self.contentType = contentType
            bytes = Array(text.utf8)
        }

        init(path: String, contentType: String?, bytes: [UInt8]) {
            self.path = path
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    public static func render(_ document: ReportDocument, language: Language) throws -> [UInt8] {
        try zip(try parts(document, language: language))
    }

    static func parts(_ document: ReportDocument, language: Language) throws -> [Part] {
        let body = WordBody(document, language: language)
        var documentRelationships: [(id: String, type: String, target: String)] = [
            ("rId1", relationships + "/styles", "styles.xml"),
            ("rId2", relationships + "/numbering", "numbering.xml"),
            ("rId3", relationships + "/fontTable", "fontTable.xml"),
            ("rId4", relationships + "/settings", "settings.xml"),
            ("rIdFooterOdd", relationships + "/footer", "footer1.xml"),
            ("rIdFooterEven", relationships + "/footer", "footer2.xml"),
        ]
        var parts = [
            Part(path: "_rels/.rels", contentType: nil, text: relationshipsXML([
                ("rId1", relationships + "/officeDocument", "word/document.xml"),
                ("rId2", packageRelationships + "/metadata/core-properties", "docProps/core.xml"),
            ])),
            Part(path: "word/document.xml", contentType: wordprocessing + ".document.main+xml", text: body.xml),
            Part(path: "word/styles.xml", contentType: wordprocessing + ".styles+xml", text: WordStyles.styles),
            Part(path: "word/numbering.xml", contentType: wordprocessing + ".numbering+xml", text: WordStyles.numbering(lists: body.lists)),
            Part(path: "word/fontTable.xml", contentType: wordprocessing + ".fontTable+xml", text: WordStyles.fontTable),
            Part(path: "word/settings.xml", contentType: wordprocessing + ".settings+xml", text: WordStyles.settings),
            Part(path: "word/footer1.xml", contentType: wordprocessing + ".footer+xml", text: WordStyles.footer(odd: true)),
            Part(path: "word/footer2.xml", contentType: wordprocessing + ".footer+xml", text: WordStyles.footer(odd: false)),
            Part(path: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", text: """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLText.escape(document.title))</dc:title>\
                <dc:language>zh-CN</dc:language></cp:coreProperties>
                """),
        ]
        for chart in body.charts {
            documentRelationships.append((WordBody.chartRelationship(chart.number), WordChart.relationship, "charts/chart\(chart.number).xml"))
            parts.append(Part(path: chart.path, contentType: WordChart.contentType, text: chart.xml))
            parts.append(Part(path: "word/charts/_rels/chart\(chart.number).xml.rels", contentType: nil, text: chart.relationshipsXML))
            parts.append(Part(path: chart.workbookPath, contentType: nil, bytes: try chart.workbook()))
        }
        parts.insert(Part(path: "word/_rels/document.xml.rels", contentType: nil, text: relationshipsXML(documentRelationships)), at: 2)
        return parts
    }

    static func relationshipsXML(_ entries: [(id: String, type: String, target: String)]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageRelationships)">\(entries.map {
            "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>"
        }.joined())</Relationships>
        """
    }

    static func contentTypes(_ parts: [Part]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>\(parts.compactMap { part in
            part.contentType.map { "<Override PartName=\"/\(part.path)\" ContentType=\"\($0)\"/>" }
        }.joined())</Types>
        """
    }

    /// [Content_Types].xml first, as readers expect, then the parts, deflated. Every entry is
    /// dated the same fixed day, so the same report gives the same bytes.
    static func zip(_ parts: [Part]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let stamp = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the earliest a zip can say
        for (path, bytes) in [("[Content_Types].xml", Array(contentTypes(parts).utf8))] + parts.map({ ($0.path, $0.bytes) }) {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { preconditionFailure("an archive made in memory keeps its bytes in memory") }
        return [UInt8](data)
    }
}
