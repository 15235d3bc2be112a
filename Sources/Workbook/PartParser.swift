import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one XML part of a workbook with Foundation's XMLParser (libxml2 on Linux), with
/// namespaces processed, so a part written with prefixes (`<x:row>`) reads as one without.
/// External entities are never resolved. Subclasses see elements by their local names.
class PartParser: NSObject, XMLParserDelegate {
    /// The part's path in the archive, for errors.
    let part: String
    /// An error a subclass found in the content (a shared string that does not exist …).
    var failure: WorkbookError?

    init(part: String) {
        self.part = part
    }

    /// Parses `data`; a part that is not well-formed XML is a broken part, in the parser's words.
    func parse(_ data: Data) throws {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let parsed = parser.parse()
        if let failure { throw failure }
        guard parsed else {
            let message = parser.parserError.map { String(describing: ($0 as NSError).localizedDescription) } ?? ""
            throw WorkbookError.brokenPart(part: part, line: parser.lineNumber, problem: message)
        }
    }

    /// Stops the parse with an error of the content.
    func fail(_ error: WorkbookError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    // Subclasses override these.
    func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {}
    func end(_ name: String, _ parser: XMLParser) {}
    func text(_ string: String) {}

    /// An attribute by its local name, whatever prefix it was written with (`r:id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { key, _ in key.hasSuffix(":" + name) }?.value
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        start(Self.localName(elementName), attributes, parser)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.localName(elementName), parser)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text(String(decoding: CDATABlock, as: UTF8.self))
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// A part's relationships (`_rels/….rels`): each id's type and target part.
final class RelationshipsParser: PartParser {
    struct Relationship {
        let type: String
        let target: String
    }
    private(set) var byID: [String: Relationship] = [:]
    private(set) var all: [Relationship] = []

    override func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        // An external target (a hyperlink) is no part of the package.
        guard attributes["TargetMode"] != "External" else { return }
        let relationship = Relationship(type: attributes["Type"] ?? "", target: target)
        byID[id] = relationship
        all.append(relationship)
    }

    /// The target of the first relationship whose type ends in `/suffix`.
    func target(ofType suffix: String) -> String? {
        all.first { $0.type.hasSuffix("/" + suffix) }?.target
    }
}

/// The workbook part: its sheets in order (name and relationship id) and its date system.
final class WorkbookPartParser: PartParser {
    private(set) var sheets: [(name: String, relationship: String)] = []
    private(set) var date1904 = false
    /// How deep the current element is: the root `<workbook>` is 1.
    private var depth = 0

    override func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
        depth += 1
        switch name {
        case "workbookPr" where depth == 2:
            // Only the root's own <workbookPr> sets the date system: later ones with the same
            // local name (an extension list's <x14:workbookPr>, Excel 2010 on) are other
            // properties and once reset a 1904 workbook to 1900, four years and a day off.
            date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        case "sheet":
            if let sheet = attributes["name"], let id = Self.attribute(attributes, "id") { sheets.append((sheet, id)) }
        default:
            break
        }
    }

    override func end(_ name: String, _ parser: XMLParser) {
        depth -= 1
    }
}

/// The shared strings part: every string, rich text runs joined, phonetic guides left out.
final class SharedStringsParser: PartParser {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var inPhonetic = false

    override func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
        switch name {
        case "si": inItem = true; current = ""
        case "rPh": inPhonetic = true
        case "t": inText = inItem && !inPhonetic
        default: break
        }
    }

    override func end(_ name: String, _ parser: XMLParser) {
        switch name {
        case "si":
            strings.append(CellText.unescaped(current))
            inItem = false
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current += string }
    }
}

/// The styles part, as far as values need it: each cell style's number format.
final class StylesParser: PartParser {
    private var codes: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    /// Each cell style (the `s` of a cell) by index: what its number format shows.
    var formats: [NumberFormat] {
        formatIDs.map { id in codes[id].map(NumberFormat.init(code:)) ?? NumberFormat(builtIn: id) }
    }

    override func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { codes[id] = code }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    override func end(_ name: String, _ parser: XMLParser) {
        if name == "cellXfs" { inCellFormats = false }
    }
}
