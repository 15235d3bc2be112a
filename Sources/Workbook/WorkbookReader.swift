import Foundation

/// An .xlsx workbook opened for reading: its sheets' names in order, and any sheet's rows as
/// text (`SheetTable`). The package's own relationships lead from the root to the workbook
/// part, and from it to the sheets, the shared strings and the styles, so a workbook whose
/// parts are named otherwise than Excel names them reads the same.
public struct WorkbookReader {
    private let archive: WorkbookArchive
    private let workbookPath: String
    private let relationships: RelationshipsParser
    private let sheetList: [(name: String, relationship: String)]
    private let date1904: Bool

    /// Opens the workbook in the file at `path`.
    public init(path: String, limits: InflationLimits = .standard) throws {
        try self.init(archive: WorkbookArchive(path: path, limits: limits))
    }

    /// Opens a workbook held in memory (an upload, standard input).
    public init(bytes: [UInt8], limits: InflationLimits = .standard) throws {
        try self.init(archive: WorkbookArchive(bytes: bytes, limits: limits))
    }

    private init(archive: WorkbookArchive) throws {
        self.archive = archive
        // The package's root relationships name the workbook part; Excel's name is the usual one.
        var workbookPath = "xl/workbook.xml"
        if let data = try archive.part("_rels/.rels") {
            let root = RelationshipsParser(part: "_rels/.rels")
            try root.parse(data)
            if let target = root.target(ofType: "officeDocument") { workbookPath = Self.resolve(target, from: "") }
        }
        guard let workbookData = try archive.part(workbookPath) else { throw WorkbookError.notAWorkbook }
        self.workbookPath = workbookPath
        let workbook = WorkbookPartParser(part: workbookPath)
        try workbook.parse(workbookData)
        let relationshipsPath = Self.folder(of: workbookPath) + "_rels/" + Self.fileName(of: workbookPath) + ".rels"
        let relationships = RelationshipsParser(part: relationshipsPath)
        if let data = try archive.part(relationshipsPath) { try relationships.parse(data) }
        self.relationships = relationships
        sheetList = workbook.sheets.filter { relationships.byID[$0.relationship]?.type.hasSuffix("/worksheet") ?? false }
        date1904 = workbook.date1904
    }

    /// The worksheets' names, in the order of their tabs.
    public var sheetNames: [String] { sheetList.map(\.name) }

    /// The rows of the sheet named `name` (the first sheet when nil).
    public func sheet(named name: String?) throws -> SheetTable {
        guard let first = sheetList.first else { throw WorkbookError.noSheets }
        let chosen: (name: String, relationship: String)
        if let name {
            guard let found = sheetList.first(where: { $0.name == name })
                ?? sheetList.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw WorkbookError.noSuchSheet(name: name, sheets: sheetNames)
            }
            chosen = found
        } else {
            chosen = first
        }
        let folder = Self.folder(of: workbookPath)
        // Each part is parsed as it inflates: the shared strings and the sheet may be tens of MB.
        var sharedStrings: [String] = []
        if let path = optionalPath(ofType: "sharedStrings", from: folder) {
            let parser = SharedStringsParser(part: path)
            if try archive.parse(path, with: parser) { sharedStrings = parser.strings }
        }
        var formats: [NumberFormat] = []
        if let path = optionalPath(ofType: "styles", from: folder) {
            let parser = StylesParser(part: path)
            if try archive.parse(path, with: parser) { formats = parser.formats }
        }
        guard let target = relationships.byID[chosen.relationship]?.target else { throw WorkbookError.notAWorkbook }
        let path = Self.resolve(target, from: folder)
        let parser = WorksheetParser(part: path, name: chosen.name, sharedStrings: sharedStrings, formats: formats, date1904: date1904,
                                     mergedBytes: archive.limits.mergedBytes)
        guard try archive.parse(path, with: parser) else {
            throw WorkbookError.brokenPart(part: path, line: nil, problem: "missing")
        }
        return try parser.result()
    }

    /// A relationship's target as a path in the package: absolute (`/xl/…`) or relative to
    /// the folder of the part that names it (`worksheets/sheet1.xml`, `../xl/…`).
    /// The workbook's part of a relationship type (shared strings, styles) and its path, or
    /// nil when the workbook has none: both parts may be left out.
    private func optionalPath(ofType type: String, from folder: String) -> String? {
        relationships.target(ofType: type).map { Self.resolve($0, from: folder) }
    }

    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
