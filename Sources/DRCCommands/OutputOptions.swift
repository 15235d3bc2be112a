import ArgumentParser
import DRCCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// `--format table|csv|json`, shared by every listing and aggregate.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Speech.say("输出格式：table（表格）、csv 或 json。", "Output format: table, csv or json.")))
    var format: OutputFormat = .table

    var renderer: Renderer { Renderer(format: format) }
    func print(_ table: ResultTable) { renderer.print(table) }
    func printRecord(_ table: ResultTable) { renderer.printRecord(table) }
}

/// Shows results as an aligned table, CSV or JSON. Totals (the footer) appear in tables only.
struct Renderer {
    var format: OutputFormat = .table

    func render(_ table: ResultTable) -> String {
        switch format {
        case .table: return TableRenderer.render(table)
        case .csv:
            // Headings and drc's own words in the language of messages; import reads both.
            let csv = CSVCellWriter(), sink = MemorySink()
            let language = Speech.language
            for row in [table.headingTexts(in: language)] + table.rows.map({ $0.map { $0.text(in: language) } }) { try? csv.row(row, to: sink) }
            return sink.text
        case .json:
            let objects = table.rows.map { row in
                "  " + JSONText.object(zip(table.columns, row).map { ($0, JSONText.value($1)) })
            }
            return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        }
    }

    /// One record: as `field  value` lines in a table, as one object in JSON.
    func printRecord(_ table: ResultTable) {
        switch format {
        case .table:
            var vertical = ResultTable(columns: ["field", "value"], headings: [TableWords.field, TableWords.value])
            for row in table.rows {
                for (index, cell) in row.enumerated() where index < table.columns.count {
                    // Child rows, one per line, each on a line of its own under the field.
                    let lines = cell.text(in: Speech.language).split(separator: "\n", omittingEmptySubsequences: false)
                    for (number, line) in lines.enumerated() {
                        vertical.rows.append([.text(number == 0 ? table.heading(index, in: Speech.language) : ""), .text(String(line))])
                    }
                }
            }
            Console.exact(TableRenderer.render(vertical))
        case .csv:
            self.print(table)
        case .json:
            guard let row = table.rows.first else { return }
            Console.exact(JSONText.object(zip(table.columns, row).map { ($0, JSONText.value($1)) }) + "\n")
        }
    }

    /// Tables are escaped cell by cell as they are rendered; CSV and JSON stay exact.
    func print(_ table: ResultTable) {
        Console.exact(render(table))
    }
}

/// Aligned text tables; Chinese text is measured by display width, numbers align right. Every
/// heading and cell is made safe for the terminal first (`TerminalText`, line breaks as ⏎), so
/// the widths are those of what is shown.
enum TableRenderer {
    static func render(_ table: ResultTable) -> String {
        let all = table.rows + table.footer
        let language = Speech.language
        let headings = table.headingTexts(in: language)
        var widths = headings.map { DisplayWidth.of(shown($0)) }
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(shown(cell.text(in: language))))
            }
        }
        let numeric = table.columns.indices.map { column in
            !all.isEmpty && all.allSatisfy { row in
                guard column < row.count else { return true }
                switch row[column] {
                case .text, .word: return false
                case .null, .number, .json: return true
                }
            } && all.contains { column < $0.count && $0[column] != .null }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                DisplayWidth.pad(shown(text), to: widths[index], alignRight: numeric[index])
            }.joined(separator: "  ").trailingSpacesRemoved() + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(headings) + rule
        for row in table.rows { out += line(row.map { $0.text(in: language) }) }
        if !table.footer.isEmpty {
            out += rule
            for row in table.footer { out += line(row.map { $0.text(in: language) }) }
        }
        return out
    }

    /// A cell as shown: control characters escaped, and line breaks (which would break the
    /// table's rows) as ⏎.
    private static func shown(_ text: String) -> String {
        TerminalText.escaped(text, lineBreaks: .symbol)
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
