import Foundation
import Testing
import ZIPFoundation

/// A .docx read back as an Open Packaging Conventions package and checked as Word would need
/// it: a zip whose every part is well-formed XML, whose [Content_Types].xml gives every part a
/// type (by its extension's default or by its own override), and whose relationships all point
/// at parts that exist; the main document reached from _rels/.rels.
struct DocxPackage {
    /// Each part's bytes by its name in the zip.
    let parts: [String: Data]
    let trees: [String: XMLTree]
    /// The main document part's name (word/document.xml).
    let documentPath: String

    init(_ bytes: Data) throws {
        let archive = try Archive(data: bytes, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        var trees: [String: XMLTree] = [:]
        for (path, data) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            do {
                trees[path] = try XMLTree.parse(data)
            } catch {
                Issue.record("\(path) is not well-formed XML: \(error)")
            }
        }
        self.trees = trees
        let main = trees["_rels/.rels"]?.all("Relationship").first { $0["Type"]?.hasSuffix("/officeDocument") == true }
        documentPath = main?["Target"].map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? ""
    }

    /// The problems that would stop Word or WPS from opening the package, none if it is whole.
    var problems: [String] {
        var found: [String] = []
        guard let types = trees["[Content_Types].xml"] else { return ["no [Content_Types].xml"] }
        let defaults = Dictionary(types.all("Default").map { (($0["Extension"] ?? "").lowercased(), $0["ContentType"] ?? "") }) { $1 }
        let overrides = Dictionary(types.all("Override").map { ($0["PartName"] ?? "", $0["ContentType"] ?? "") }) { $1 }
        for path in parts.keys where path != "[Content_Types].xml" {
            let ext = path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            if overrides["/" + path] == nil && defaults[ext] == nil { found.append("\(path) has no content type") }
        }
        for name in overrides.keys where parts[String(name.dropFirst())] == nil { found.append("the override \(name) names no part") }
        if documentPath.isEmpty { found.append("_rels/.rels has no officeDocument relationship") }
        if overrides["/" + documentPath] != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
            found.append("\(documentPath) is not typed as the main document")
        }
        // Every relationship's target, resolved against the folder of the part it belongs to.
        for (path, tree) in trees where path.hasSuffix(".rels") {
            let source = path.replacingOccurrences(of: "_rels/", with: "").dropLast(".rels".count)
            let folder = source.split(separator: "/").dropLast().joined(separator: "/")
            for relationship in tree.all("Relationship") where relationship["TargetMode"] != "External" {
                let target = relationship["Target"] ?? ""
                let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : Self.resolve(target, in: folder)
                if parts[resolved] == nil { found.append("\(path): \(relationship["Id"] ?? "?") points at \(resolved), which is not in the package") }
                // A part is typed for what it is related as: styles as styles, not as any XML.
                let kind = (relationship["Type"] ?? "").split(separator: "/").last.map(String.init) ?? ""
                if let expected = Self.contentTypes[kind] {
                    let ext = resolved.split(separator: ".").last.map { String($0).lowercased() } ?? ""
                    let type = overrides["/" + resolved] ?? defaults[ext]
                    if type != expected { found.append("\(resolved) is related as \(kind) but typed \(type ?? "nothing")") }
                }
            }
        }
        // Every relationship a part names (r:id, r:embed) is one its relationships part has.
        for (path, tree) in trees where !path.hasSuffix(".rels") {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let rels = trees[(folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"]
            let ids = Set(rels?.all("Relationship").compactMap { $0["Id"] } ?? [])
            for element in tree.all("*") {
                for key in ["r:id", "r:embed"] {
                    if let id = element[key], !ids.contains(id) { found.append("\(path) names \(id), which its relationships lack") }
                }
            }
        }
        return found
    }

    /// The content type a part must have for the relationship that reaches it.
    static let contentTypes = [
        "officeDocument": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
        "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "chart": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        "package": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]

    /// `../x.xml` and `y.xml` from a part's folder.
    static func resolve(_ target: String, in folder: String) -> String {
        var segments = folder.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/").map(String.init) {
            if segment == ".." { _ = segments.popLast() } else if segment != "." { segments.append(segment) }
        }
        return segments.joined(separator: "/")
    }

    /// The main document's paragraphs (table cells' included), each as its text, in order.
    var paragraphs: [String] {
        trees[documentPath]?.all("w:p").map { paragraph in
            paragraph.all("w:t").map(\.text).joined()
        } ?? []
    }

    /// The paragraphs in the style `id` (Heading1, Title…).
    func paragraphs(styled id: String) -> [String] {
        trees[documentPath]?.all("w:p").filter { paragraph in
            paragraph.all("w:pStyle").first?["w:val"] == id
        }.map { $0.all("w:t").map(\.text).joined() } ?? []
    }
}
