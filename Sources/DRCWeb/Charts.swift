/// Bar charts drawn on the server as SVG: no script, no library, nothing fetched. Each bar
/// carries its number as text, so the chart reads without hovering and a test can find it.
enum Charts {
    struct Bar: Sendable {
        let label: String
        let value: Int64
        /// A second value drawn beside the first (final beside budget); nil for one series.
        let second: Int64?
        /// How the numbers are written on the bars (counts as they are, amounts in 万元).
        let shown: String
        let secondShown: String?
    }

    static func bars(_ bars: [Bar], title: String, id: String, legend: (String, String)? = nil) -> HTML {
        let rowHeight = 22
        let labelWidth = 180
        let plotWidth = 320
        let height = max(1, bars.count) * rowHeight + (legend == nil ? 10 : 30)
        let largest = max(1, bars.map { max($0.value, $0.second ?? 0) }.max() ?? 1)
        func width(_ value: Int64) -> Int { Int(Double(max(0, value)) / Double(largest) * Double(plotWidth - 70)) }
        let rows = bars.enumerated().html { index, bar -> HTML in
            let y = index * rowHeight + 4
            let twin = bar.second != nil
            let barHeight = twin ? 8 : 16
            var out: HTML = """
                <text x="\(labelWidth - 6)" y="\(y + 12)" text-anchor="end">\(shorten(bar.label))</text>
                <rect class="bar" x="\(labelWidth)" y="\(y)" width="\(width(bar.value))" height="\(barHeight)"></rect>
                <text class="value" x="\(labelWidth + width(bar.value) + 4)" y="\(y + (twin ? 8 : 12))">\(bar.shown)</text>
                """
            if let second = bar.second {
                out += """
                    <rect class="bar2" x="\(labelWidth)" y="\(y + 9)" width="\(width(second))" height="8"></rect>
                    <text class="value" x="\(labelWidth + width(second) + 4)" y="\(y + 17)">\(bar.secondShown ?? "")</text>
                    """
            }
            return out
        }
        let legendMarks: HTML = legend.map { first, second in
            let y = bars.count * rowHeight + 12
            return """
                <rect class="bar" x="\(labelWidth)" y="\(y)" width="10" height="10"></rect><text x="\(labelWidth + 14)" y="\(y + 9)">\(first)</text>
                <rect class="bar2" x="\(labelWidth + 110)" y="\(y)" width="10" height="10"></rect><text x="\(labelWidth + 124)" y="\(y + 9)">\(second)</text>
                """
        } ?? ""
        return """
            <figure id="\(id)"><figcaption>\(title)</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" viewBox="0 0 \(labelWidth + plotWidth) \(height)">\(rows)\(legendMarks)</svg></figure>
            """
    }

    /// Long names cut to fit the label column (the full name stays in the tables).
    static func shorten(_ label: String) -> String {
        label.count > 16 ? String(label.prefix(15)) + "…" : label
    }
}
