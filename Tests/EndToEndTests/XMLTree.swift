import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read into a tree with Foundation's XMLParser, for the tests that check what
/// drc writes (the .docx parts, the report's HTML, which is well-formed XML too). Parsing fails
/// with the parser's error and position when the text is not well-formed.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var children: [XMLTreeNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (itself included) named `name` (any name for "*"), in document order.
    func all(_ name: String) -> [XMLTree] {
        (self.name == name || name == "*" ? [self] : []) + children.flatMap { child -> [XMLTree] in
            if case .element(let element) = child { return element.all(name) }
            return []
        }
    }

    /// The element's text, its descendants' included, in document order.
    var text: String {
        children.map { child in
            switch child {
            case .text(let text): return text
            case .element(let element): return element.text
            }
        }.joined()
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    static func parse(_ data: Data) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NotWellFormed(message: parser.parserError.map { "\($0)" } ?? "no root element",
                                line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }

    struct NotWellFormed: Error, CustomStringConvertible {
        let message: String
        let line: Int
        let column: Int
        var description: String { "not well-formed at \(line):\(column): \(message)" }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = XMLTree(name: qualifiedName ?? name, attributes: attributes)
            if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.children.append(.text(string))
        }
    }
}

enum XMLTreeNode {
    case element(XMLTree)
    case text(String)
}
