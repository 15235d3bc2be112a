import DRCCore
import Foundation

/// Finds the English words (runs of three or more ASCII letters) left in text drc wrote under
/// a Chinese locale, after taking out what is allowed to stay English. Each allowance is as
/// narrow as the thing it lets through.
struct ChineseText {
    /// The test's folder: file paths in the output (the database, an exported file) are data.
    let folder: String
    /// Help may name what can be typed (statuses, dimensions, formats, kinds): those keys are
    /// what the user types, in either language.
    var help = true

    /// Patterns taken out first.
    static let patterns = [
        // swift-argument-parser's own fixed lines and section titles.
        #"Show help information\."#, #"Show the version\."#, #"See 'drc [^']*' for detailed help\."#,
        #"See 'drc [a-z ]+--help' for more information\."#,
        #"\b(OVERVIEW|USAGE|OPTIONS|ARGUMENTS|SUBCOMMANDS):"#,
        // The parser's notes after an option's help: (values: table, csv, json; default: table).
        #"\(values:[^)]*\)"#, #"\(default:[^)]*\)"#,
        // The parser's mark on a default subcommand: file (default) under import.
        #"\(default\)"#,
        // Placeholders: <path>, <subcommand>, <报修时间>.
        #"<[^>]*>"#,
        // A format typed after its option, in a hint: --format csv.
        #"--format (table|csv|json)\b"#,
        // Option names (--db, --skip-bad, -o, -h) and the file suffixes -wal/-shm/-journal.
        #"(?<![A-Za-z0-9])--?[A-Za-z][A-Za-z0-9-]*"#,
        // Environment variables, as they are set: $DRC_DB, LANG=zh_CN.UTF-8.
        #"\$[A-Z_]+"#, #"\b[A-Z_]+=\S+"#,
        // File names: drc-demo.sqlite, and the test's own files (v.csv, out.csv).
        #"[\w./-]+\.(sqlite|csv|xlsx|xls)\b"#,
    ]

    /// Words that are not English to translate, each for its reason.
    static var allowed: Set<String> {
        var words: Set<String> = [
            // Command names: drc, its commands and the record commands.
            "drc", "demo", "init", "migrate", "seed", "totals", "check", "report", "import", "export", "history", "restore",
            "sql", "backup", "add", "list", "show", "edit",
            // Names of formats and software Chinese readers know by these names, and SQL typed as written.
            "CSV", "JSON", "SQL", "SQLite", "Excel", "Markdown", "HTML", "SVG", "Word", "UTF", "Unicode", "MiB", "CRLF", "SELECT", "FROM", "LIMIT", "ATTACH", "PRAGMA",
            // Workbooks and the spreadsheet programs that open them, by their own names.
            "xlsx", "xls", "WPS", "LibreOffice",
            // The signal an operator's service manager sends, and the health check's path, typed as written.
            "SIGTERM", "healthz",
            // Values from the data: the seeded records' source, the test's user (the actor).
            "tester",
        ]
        for kind in RecordKinds.all { words.insert(kind.name) }
        for action in WorkOrderStatus.Action.allCases { words.insert(action.rawValue) }
        return words
    }

    /// What help lists as input: choice keys, dimensions, formats, kinds' plurals, encodings.
    static var typedKeys: Set<String> {
        // Formats, encodings, a flag's values, the source of records entered by hand.
        var words: Set<String> = ["table", "csv", "json", "utf", "gb18030", "yes", "entered", "count", "html", "docx"]
        for kind in RecordKinds.all {
            words.insert(kind.commandPlural)
            // Field names: English CSV headers (opened …) and what --clear and SQL name.
            kind.fields.forEach { words.insert($0.name); words.insert($0.column) }
            // Child rows' columns take choices too (an acceptance member's role).
            for field in kind.childSets.flatMap(\.fields) { field.choiceValues.forEach { words.insert($0) } }
            for field in kind.fields { field.choiceValues.forEach { words.insert($0) } }
        }
        WorkOrderTotals.Dimension.allCases.forEach { words.insert($0.rawValue) }
        BudgetTotals.Dimension.allCases.forEach { words.insert($0.rawValue) }
        ServiceLevelTotals.Figure.allCases.forEach { words.insert($0.rawValue) }
        UserRole.allCases.forEach { words.insert($0.rawValue) }
        return words
    }

    /// Command names found by walking the help (`reverse` of `drc payment reverse`).
    var commandNames: Set<String> = []

    /// The English words left; an identifier (`below_threshold`, `single-source`) counts as one word.
    func englishWords(_ output: String) -> [String] {
        var text = output.replacingOccurrences(of: folder, with: " ")
        // Values from data: the seed's source name and the migrations' file names.
        for value in ["2020 report"] + MigrationRegistry.all.map(\.name) { text = text.replacingOccurrences(of: value, with: " ") }
        for pattern in Self.patterns {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let allowed = (help ? Self.allowed.union(Self.typedKeys) : Self.allowed).union(commandNames)
        var words: [String] = []
        var current = ""
        for character in text + " " {
            if character.isASCII && (character.isLetter || (character == "_" || character == "-") && !current.isEmpty) {
                current.append(character)
                continue
            }
            while current.last == "-" { current.removeLast() }
            if current.filter(\.isLetter).count >= 3 && !allowed.contains(current) { words.append(current) }
            current = ""
        }
        return words
    }

    /// The subcommands a help text lists.
    static func subcommands(in help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .compactMap { line in
                // A subcommand's line starts two spaces in; a wrapped abstract's next line further.
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = line.split(separator: " ").first,
                      first.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
                return String(first)
            }
    }
}
