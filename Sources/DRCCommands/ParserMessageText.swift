/// swift-argument-parser's own words (its "Error:", "Usage:" and "Help:" lines, and the
/// sentences it writes about a missing, unknown or unexpected argument), said in Chinese when
/// Chinese is chosen. The library writes English only; this is the edge where its text becomes
/// the user's language, as every other message does. Anything not recognised stays as written.
enum ParserMessageText {
    static func chinese(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { chinese(line: String($0)) }.joined(separator: "\n")
    }

    static func chinese(line: String) -> String {
        if let rest = line.dropping(prefix: "Error: ") { return "错误：" + sentence(rest) }
        if let rest = line.dropping(prefix: "Usage: ") { return "用法：" + rest }
        if let rest = line.dropping(prefix: "Help:  ") { return "说明：" + rest }
        if let rest = line.dropping(prefix: "  See '"), let command = rest.dropping(suffix: "' for more information.") {
            return "  详见 \(command)。"
        }
        return line
    }

    /// The parser's sentences about what was typed, each with its quoted part kept as typed.
    static func sentence(_ text: String) -> String {
        if let name = text.between("Missing expected argument '", "'") { return "缺少参数 \(name)" }
        if let names = text.between("Missing one of: '", "'") { return "缺少以下之一：\(names)" }
        if let name = text.between("Missing value for '", "'") { return "\(name) 缺少值" }
        if let value = text.between("Unexpected argument '", "'") { return "多余的参数：\(value)" }
        if let range = text.range(of: " unexpected arguments: '"), text.hasSuffix("'"),
           let count = Int(text[..<range.lowerBound]) {
            return "多余的参数（\(count) 个）：" + text[range.upperBound...].dropLast().replacing("', '", with: "、")
        }
        if text == "Missing required subcommand." { return "缺少子命令" }
        if let rest = text.dropping(prefix: "Unknown option '") {
            if let cut = rest.range(of: "'. Did you mean '"), rest.hasSuffix("'?") {
                return "未知选项 \(rest[..<cut.lowerBound])；是不是 \(rest[cut.upperBound...].dropLast(2))？"
            }
            if let name = rest.dropping(suffix: "'") { return "未知选项 \(name)" }
        }
        if let rest = text.dropping(prefix: "The value '"), let cut = rest.range(of: "' is invalid for '") {
            let value = rest[..<cut.lowerBound]
            let tail = rest[cut.upperBound...]
            if let end = tail.firstIndex(of: "'") {
                return "\(tail[..<end]) 的值 “\(value)” 无效" + choices(String(tail[tail.index(after: end)...]))
            }
        }
        return text
    }

    /// The parser's list of allowed values (". Please provide one of 'a', 'b' or 'c'.").
    static func choices(_ text: String) -> String {
        guard let list = text.between(". Please provide one of '", "'.") else { return text }
        return "；可选：" + list.replacing("', '", with: "、").replacing("' or '", with: "、")
    }
}

private extension String {
    func dropping(prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
    func dropping(suffix: String) -> String? { hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil }
    /// The text between `start` (at the beginning) and `end` (at the end), when the text is just that.
    func between(_ start: String, _ end: String) -> String? { dropping(prefix: start)?.dropping(suffix: end) }
}
