import DRCCore
import Workbook

/// A piece of HTML. Strings interpolated into it are escaped, always: markup characters become
/// entities, and controls and bidi overrides are shown as `\u{202E}` (as the command line shows
/// them), so a hostile vendor name can neither run script nor reorder what a manager reads.
/// Only `HTML` values (built the same way) are inserted as they are.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    /// Text that is HTML already (built by drc, never from the records).
    public init(trusted text: String) { self.text = text }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        public mutating func appendInterpolation<N: BinaryInteger>(_ value: N) { text += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) { for value in values { text += value.text } }
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.text + rhs.text) }
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.text += rhs.text }

    /// Text made safe for an element's content or a quoted attribute value.
    public static func escape(_ value: String) -> String {
        MarkupEscaping.html.escape(TerminalText.escaped(value, lineBreaks: .kept))
    }
}

extension Sequence {
    /// Each element's HTML, joined.
    public func html(_ transform: (Element) throws -> HTML) rethrows -> HTML {
        var out = HTML(trusted: "")
        for element in self { out += try transform(element) }
        return out
    }
}
