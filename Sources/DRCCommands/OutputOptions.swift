import ArgumentParser
import DRCCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// `--format table|csv|json`, shared by every listing and aggregate.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
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
            let csv = CSVCellWriter(), sink = MemorySink()
            for row in [table.columns] + table.rows.map({ $0.map(\.text) }) { try? csv.row(row, to: sink) }
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
            var vertical = ResultTable(columns: ["field", "value"])
            for row in table.rows {
                for (column, cell) in zip(table.columns, row) { vertical.rows.append([.text(column), .text(cell.text)]) }
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
        var widths = table.columns.map { DisplayWidth.of(shown($0)) }
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(shown(cell.text)))
            }
        }
        let numeric = table.columns.indices.map { column in
            !all.isEmpty && all.allSatisfy { row in
                guard column < row.count else { return true }
                if case .text = row[column] { return false }
                return true
            } && all.contains { column < $0.count && $0[column] != .null }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                DisplayWidth.pad(shown(text), to: widths[index], alignRight: numeric[index])
            }.joined(separator: "  ").trailingSpacesRemoved() + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(table.columns) + rule
        for row in table.rows { out += line(row.map(\.text)) }
        if !table.footer.isEmpty {
            out += rule
            for row in table.footer { out += line(row.map(\.text)) }
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
