import ArgumentParser
import DRCCommands
import Foundation
import Testing

/// Every `drc …` command line in the README and the manuals (docs/*.md) parses, so the documents
/// stay true as options change. A command line is a line in a fenced code block that runs `drc`
/// (after `$ `, `swift run`, `sudo -u drc`, `runuser -u drc --`, `NAME=value`; also after `;`,
/// `&&`, `|`); `# …` is a comment. A placeholder is written `<…>` (`<文件>`, `<编号>`) or `$NAME`,
/// and is read as `1`, so it stands only where a number or a name would.
@Suite struct DocumentedCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/docs")) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    @Test func everyDocumentedCommandParses() throws {
        var counts: [String: Int] = [:]
        var failures: [String] = []
        for document in Self.documents {
            let text = try String(contentsOfFile: Self.root.path + "/" + document, encoding: .utf8)
            for command in DocumentedCommands.find(in: text) {
                counts[document, default: 0] += 1
                do {
                    _ = try Drc.parseAsRoot(command.arguments)
                } catch {
                    if Drc.exitCode(for: error) != .success {
                        failures.append("\(document):\(command.line): drc \(command.arguments.joined(separator: " ")) → \(Drc.message(for: error))")
                    }
                }
            }
        }
        let report = failures.joined(separator: "\n")
        #expect(failures.isEmpty, "\(failures.count) documented commands do not parse:\n\(report)")
        // Found at all: the README and both manuals show commands.
        #expect(counts["README.md", default: 0] >= 4, "\(counts)")
        #expect(counts["docs/运维手册.md", default: 0] >= 10, "\(counts)")
        #expect(counts["docs/用户手册.md", default: 0] >= 10, "\(counts)")
    }

    @Test func commandLinesAreFoundAsTheConventionSays() {
        let text = """
            Prose with `drc order list` is not a command line.
            ```sh
            $ LANG=zh_CN.UTF-8 drc order list --year 2020   # a comment "with quotes"
            swift run drc --db drc-demo.sqlite totals --year 2020 --by vendor,category
            runuser -u drc -- drc user add 管理员 --role admin --db /var/lib/drc/drc.sqlite
            printf '%s\\n' "$PW" | drc user add 王丽 --role clerk
            drc order assign <编号> --at "2021-04-01 11:30"; drc order close $ID
            drc import orders 美音.csv --map '报修时间=opened,故障类别=category' \\
                --vendor 美音
            drc export orders --year 2020 > orders.csv
            systemctl stop drc
            ```
            drc outside a block
            """
        let found = DocumentedCommands.find(in: text)
        #expect(found.map(\.arguments) == [
            ["order", "list", "--year", "2020"],
            ["--db", "drc-demo.sqlite", "totals", "--year", "2020", "--by", "vendor,category"],
            ["user", "add", "管理员", "--role", "admin", "--db", "/var/lib/drc/drc.sqlite"],
            ["user", "add", "王丽", "--role", "clerk"],
            ["order", "assign", "1", "--at", "2021-04-01 11:30"],
            ["order", "close", "1"],
            ["import", "orders", "美音.csv", "--map", "报修时间=opened,故障类别=category", "--vendor", "美音"],
            ["export", "orders", "--year", "2020"],
        ])
        #expect(found.map(\.line) == [3, 4, 5, 6, 7, 7, 8, 10])
    }

    /// A wrong option in a document is caught: the check is not vacuous.
    @Test func aMistypedCommandIsCaught() {
        let found = DocumentedCommands.find(in: "```\ndrc order list --yeer 2020\ndrc backup --keep 0 /srv/backups\n```\n")
        #expect(found.count == 2)
        for command in found {
            #expect(throws: (any Error).self) { _ = try Drc.parseAsRoot(command.arguments) }
        }
    }
}

/// Finds the `drc` command lines of a Markdown text, as the suite above describes.
enum DocumentedCommands {
    struct Command: Equatable {
        let line: Int
        let arguments: [String]
    }

    static func find(in text: String) -> [Command] {
        var found: [Command] = []
        var inBlock = false
        var pending = "", pendingLine = 0
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inBlock.toggle()
                pending = ""
                continue
            }
            guard inBlock else { continue }
            if pending.isEmpty { pendingLine = index + 1 }
            let code = uncommented(trimmed)
            if code.hasSuffix("\\") {
                pending += String(code.dropLast()) + " "
                continue
            }
            let logical = pending + code
            pending = ""
            for segment in segments(logical) {
                if let arguments = drcArguments(words(segment)) {
                    found.append(Command(line: pendingLine, arguments: arguments))
                }
            }
        }
        return found
    }

    /// The line without a `# …` comment (a `#` at a word's start, outside quotes) and a `$ ` prompt.
    static func uncommented(_ line: String) -> String {
        var line = Substring(line)
        if line.hasPrefix("$ ") { line = line.dropFirst(2) }
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && previous.isWhitespace {
                return line[..<index].trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Split at `;`, `&&`, `||` and `|` outside quotes.
    static func segments(_ line: String) -> [String] {
        var result: [String] = [], current = ""
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character == ";" || character == "|" || character == "&" {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Shell words: quotes removed, a redirection and its target dropped, placeholders read as 1.
    static func words(_ segment: String) -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Character?
        var characters = Array(segment)[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\", let next = characters.popFirst() {
                current.append(next)
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        var kept: [String] = []
        var skipNext = false
        for word in words {
            if skipNext { skipNext = false; continue }
            if [">", ">>", "2>", "2>>", "<"].contains(word) { skipNext = true; continue }
            if word.hasPrefix(">") || word.hasPrefix("2>") { continue }
            kept.append(placeholdersFilled(word))
        }
        return kept
    }

    static func placeholdersFilled(_ word: String) -> String {
        if word.hasPrefix("$") { return "1" }
        guard let open = word.firstIndex(of: "<"), let close = word[open...].firstIndex(of: ">") else { return word }
        return placeholdersFilled(String(word[..<open]) + "1" + String(word[word.index(after: close)...]))
    }

    /// The arguments after `drc`, when the segment runs drc.
    static func drcArguments(_ words: [String]) -> [String]? {
        var words = words[...]
        while let first = words.first {
            if first.contains("="), !first.hasPrefix("-"), first.first?.isLetter == true {
                words.removeFirst()   // NAME=value
            } else if first == "sudo" || first == "runuser" {
                words.removeFirst()
                if words.first == "-u" { words.removeFirst(2) }
                if words.first == "--" { words.removeFirst() }
            } else if first == "env" {
                words.removeFirst()
            } else if first == "swift", words.dropFirst().first == "run" {
                words.removeFirst(2)
            } else {
                break
            }
        }
        guard let command = words.first, command == "drc" || command.hasSuffix("/drc") else { return nil }
        return Array(words.dropFirst())
    }
}
