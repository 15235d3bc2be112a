import ArgumentParser
import DRCCore

/// One `--name value` option a record command takes, made from the kind's declarations (a
/// field, or a `list` filter), so no field is declared again in a command.
struct FieldOption {
    let name: String
    let label: Term
    let help: Wording
    /// Child rows (`--stages`): each use adds a line, instead of replacing the value.
    let addsLines: Bool

    init(_ field: Field, childRows: Bool = false) {
        name = field.name
        label = field.label
        help = field.help
        addsLines = childRows
    }

    init(_ filter: RecordKind.Filter) {
        name = filter.name
        label = Term(zh: filter.name, en: filter.name)
        help = filter.help
        addsLines = false
    }

    /// What `add` takes: every field.
    static func adding(_ kind: RecordKind) -> [FieldOption] {
        kind.fields.map { field in FieldOption(field, childRows: kind.childSets.contains { $0.field == field.name }) }
    }

    /// What `edit` takes: the fields that are not changed only by commands of their own.
    static func editing(_ kind: RecordKind) -> [FieldOption] {
        adding(kind).filter { option in kind.field(named: option.name)?.isEditable != false }
    }

    /// What `reverse` takes: the stored fields a reversing entry may have of its own (not its
    /// amounts, which are the original's negated, nor the reversed entry).
    static func reversing(_ kind: RecordKind) -> [FieldOption] {
        kind.fields.filter { field in
            guard field.isStored, field.column != kind.reversal?.column else { return false }
            if case .money = field.type { return false }
            return true
        }.map { FieldOption($0) }
    }

    /// What `list` takes: the kind's filters.
    static func filtering(_ kind: RecordKind) -> [FieldOption] {
        kind.filters.map(FieldOption.init)
    }

    /// The options as help lists them, in the run's language, aligned like the parser's own.
    /// Each line is kept within the 80 columns the parser wraps at, with the help's own
    /// lines indented under it, so the parser leaves the layout alone.
    static func helpSection(_ options: [FieldOption], title: String) -> String {
        // In Chinese the value is named by the field's label: --opened <报修时间>.
        let names = options.map { "--\($0.name) <\(Speech.language == .zh ? $0.label.zh : $0.name)>" }
        let column = min((names.map { DisplayWidth.of($0) }.max() ?? 0) + 4, 36)
        var lines = [title]
        for (option, name) in zip(options, names) {
            let wrapped = wrap(option.help.text(in: Speech.language), width: 80 - column)
            let indent = String(repeating: " ", count: column)
            var first = "  " + name
            let firstWidth = DisplayWidth.of(first)
            if firstWidth + 2 > column {
                lines.append(first)
                first = indent
            } else {
                first += String(repeating: " ", count: column - firstWidth)
            }
            lines.append(first + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Breaks text into lines of at most `width` columns (Chinese characters are two wide):
    /// between Chinese characters or at spaces, never inside a Latin word or a number.
    static func wrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = []
        for character in text {
            if character.isASCII, character != " ", let last = pieces.last, last.last?.isASCII == true, last.last != " " {
                pieces[pieces.count - 1].append(character)
            } else {
                pieces.append(String(character))
            }
        }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in pieces {
            let size = piece.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
            if lineWidth > 0 && lineWidth + size > width && piece != " " {
                lines.append(line.trailingSpacesTrimmed())
                line = ""
                lineWidth = 0
            }
            if lineWidth == 0 && piece == " " { continue }
            line += piece
            lineWidth += size
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

private extension String {
    func trailingSpacesTrimmed() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// The words the argument parser did not recognise, read as the kind's field options.
struct FieldWords: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(visibility: .private)) var words: [String] = []

    /// The values given (option name → text); a repeated option replaces the earlier value,
    /// except child rows, which add a line each. Anything else is a usage error naming it.
    func values(for options: [FieldOption], noun: Term) throws -> [String: String] {
        var values: [String: String] = [:]
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            guard word.hasPrefix("--"), word.count > 2 else {
                throw ValidationError(Speech.say("多余的参数 \"\(word)\"", "unexpected argument \"\(word)\""))
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                let known = options.map { "--" + $0.name }.joined(separator: ", ")
                throw ValidationError(Speech.say("未知选项 --\(name)；\(noun.zh)可用的选项：\(known)",
                                                 "unknown option --\(name); the options for \(noun.enPlural) are: \(known)"))
            }
            if value == nil, index + 1 < words.endIndex {
                index += 1
                value = words[index]
            }
            guard let value else {
                throw ValidationError(Speech.say("--\(name) 缺少值", "missing value for --\(name)"))
            }
            if option.addsLines, let earlier = values[name] {
                values[name] = earlier + "\n" + value
            } else {
                values[name] = value
            }
            index += 1
        }
        return values
    }
}
