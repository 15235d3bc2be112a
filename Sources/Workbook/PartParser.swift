import CLibXML2
import Foundation

/// Reads one XML part of a workbook as a stream with libxml2's push parser: the part is handed
/// over in pieces as it inflates (`feed`), so a sheet of 50 MB is never held whole, and no
/// input limit of a parser given the whole part at once applies (Foundation's XMLParser,
/// which drc used before, refused every part past 10 MB as damaged). Elements are seen by
/// their local names, so a part written with prefixes (`<x:row>`) reads as one without. No
/// DTD is loaded, no entity but XML's own is expanded and nothing is fetched from a network.
class PartParser {
    /// The part's path in the archive, for errors.
    let part: String
    /// An error a subclass found in the content (a shared string that does not exist …).
    var failure: WorkbookError?
    /// The parser's first error, in its words.
    private var problem: String?
    private var context: xmlParserCtxtPtr?
    private var handler = xmlSAXHandler()
    /// The first bytes, until there are four to tell the encoding by.
    private var start: [UInt8] = []

    init(part: String) {
        self.part = part
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// The line the parser is on, for errors.
    var lineNumber: Int? {
        guard let context else { return nil }
        return Int(xmlSAX2GetLineNumber(context))
    }

    /// Parses `data`, whole; a part that is not well-formed XML is a broken part, in the parser's words.
    func parse(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let end = min(offset + (1 << 16), data.count)
            try feed(data[offset..<end])
            offset = end
        }
        try finish()
    }

    /// Parses the next piece of the part.
    func feed(_ bytes: Data) throws {
        if context == nil {
            start.append(contentsOf: bytes)
            guard start.count >= 4 else { return }
            try open()
            let rest = start
            start = []
            try push(rest[...], last: false)
        } else {
            try push(bytes[...], last: false)
        }
    }

    /// Ends the part: what is left open is an error, as is a part with nothing in it.
    func finish() throws {
        if context == nil {
            try open()
            let rest = start
            start = []
            try push(rest[...], last: true)
        } else {
            try push([UInt8]()[...], last: true)
        }
    }

    private func open() throws {
        handler.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        handler.startElementNs = { user, localName, _, _, _, _, count, _, attributes in
            guard let user, let localName else { return }
            let parser = Unmanaged<PartParser>.fromOpaque(user).takeUnretainedValue()
            var values: [String: String] = [:]
            if let attributes, count > 0 {
                for index in 0..<Int(count) {
                    guard let name = attributes[index * 5], let from = attributes[index * 5 + 3], let to = attributes[index * 5 + 4] else { continue }
                    let value = String(decoding: UnsafeBufferPointer(start: from, count: from.distance(to: to)), as: UTF8.self)
                    values[String(cString: name)] = value
                }
            }
            parser.start(String(cString: localName), values)
        }
        handler.endElementNs = { user, localName, _, _ in
            guard let user, let localName else { return }
            Unmanaged<PartParser>.fromOpaque(user).takeUnretainedValue().end(String(cString: localName))
        }
        handler.characters = { user, bytes, count in
            guard let user, let bytes, count > 0 else { return }
            Unmanaged<PartParser>.fromOpaque(user).takeUnretainedValue()
                .text(String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self))
        }
        handler.cdataBlock = handler.characters
        handler.serror = { user, error in
            guard let user, let error else { return }
            let parser = Unmanaged<PartParser>.fromOpaque(user).takeUnretainedValue()
            // Warnings (a namespace URI that is not absolute …) are no reason to refuse a part.
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, parser.problem == nil else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? ""
            parser.problem = message.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let user = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, user, nil, 0, nil) else {
            throw WorkbookError.brokenPart(part: part, line: nil, problem: "out of memory")
        }
        self.context = context
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
    }

    private func push(_ bytes: ArraySlice<UInt8>, last: Bool) throws {
        guard let context else { return }
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlParseChunk(context, chars.baseAddress, Int32(chars.count), last ? 1 : 0)
            }
        }
        if let failure { throw failure }
        if result != 0 || problem != nil || (last && context.pointee.wellFormed == 0) {
            throw WorkbookError.brokenPart(part: part, line: lineNumber, problem: problem ?? "error \(result)")
        }
    }

    private func push(_ data: Data.SubSequence, last: Bool) throws {
        try push(ArraySlice(data), last: last)
    }

    /// Stops the parse with an error of the content.
    func fail(_ error: WorkbookError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    // Subclasses override these.
    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}
    func text(_ string: String) {}

    /// An attribute by its local name, whatever prefix it was written with (`r:id`): the
    /// parser gives attributes by their local names already.
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { key, _ in key.hasSuffix(":" + name) }?.value
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

    override func start(_ name: String, _ attributes: [String: String]) {
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

    override func start(_ name: String, _ attributes: [String: String]) {
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

    override func end(_ name: String) {
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

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": inItem = true; current = ""
        case "rPh": inPhonetic = true
        case "t": inText = inItem && !inPhonetic
        default: break
        }
    }

    override func end(_ name: String) {
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

    override func start(_ name: String, _ attributes: [String: String]) {
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

    override func end(_ name: String) {
        if name == "cellXfs" { inCellFormats = false }
    }
}
