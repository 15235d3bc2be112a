import DRCCore

/// Bar charts drawn on the server as SVG: no script, no library, nothing fetched. Each bar
/// carries its number as text, so the chart reads without hovering and a test can find it; an
/// unknown value is written as unknown and gets no bar, never a zero-length one. The web
/// dashboard and the report's HTML both draw their figures here. Colours are attributes, so
/// the SVG stands alone in a saved file; a stylesheet may still override them.
public enum Charts {
    static let colours = ["#3b6ea5", "#e0a030"]

    public static func bars(_ figure: ReportFigure, in language: Language) -> HTML {
        let labelWidth = 180
        let plotWidth = 320
        let series = max(1, figure.series.count)
        // Bars of several series get room for each one's number beside it.
        let barHeight = series == 1 ? 16 : 13
        let rowHeight = series == 1 ? 22 : series * (barHeight + 1) + 6
        let legend = figure.series.count > 1
        let height = max(1, figure.bars.count) * rowHeight + (legend ? 30 : 10)
        let largest = max(1, figure.bars.flatMap { $0.values.compactMap { $0?.magnitude } }.max() ?? 1)
        func width(_ value: Int64) -> Int { Int(Double(max(0, value)) / Double(largest) * Double(plotWidth - 70)) }
        let unknown = ReportFigures.unknown.text(in: language)
        let rows = figure.bars.enumerated().html { index, bar -> HTML in
            let y = index * rowHeight + 4
            var out: HTML = """
                <text class="label" x="\(labelWidth - 6)" y="\(y + (series == 1 ? 12 : barHeight + 4))" text-anchor="end">\(shorten(label(bar, in: language)))</text>
                """
            for (position, value) in bar.values.enumerated() {
                let top = y + position * (barHeight + 1)
                let colour = colours[position % colours.count]
                if let value {
                    out += """
                        <rect class="\(position == 0 ? "bar" : "bar\(position + 1)")" fill="\(colour)" x="\(labelWidth)" y="\(top)" width="\(width(value.magnitude))" height="\(barHeight)"></rect>
                        <text class="value" x="\(labelWidth + width(value.magnitude) + 4)" y="\(top + (series == 1 ? 12 : barHeight - 2))">\(value.text)</text>
                        """
                } else {
                    out += """
                        <text class="value unknown" x="\(labelWidth + 4)" y="\(top + (series == 1 ? 12 : barHeight - 2))">\(unknown)</text>
                        """
                }
            }
            return out
        }
        let legendMarks: HTML = legend ? figure.series.enumerated().html { position, term -> HTML in
            let y = figure.bars.count * rowHeight + 12
            let x = labelWidth + position * 110
            return """
                <rect class="\(position == 0 ? "bar" : "bar\(position + 1)")" fill="\(colours[position % colours.count])" x="\(x)" y="\(y)" width="10" height="10"></rect><text x="\(x + 14)" y="\(y + 9)">\(term.text(in: language))</text>
                """
        } : ""
        let title = figure.title.text(in: language)
        return """
            <figure id="\(figure.id)"><figcaption>\(title)</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" viewBox="0 0 \(labelWidth + plotWidth) \(height)">\(rows)\(legendMarks)</svg></figure>
            """
    }

    /// A bar's label: its parts joined by ·, every part but the last cut to its first four
    /// characters (the vendor's first characters tell vendors apart; the category is the point).
    static func label(_ bar: ReportFigure.Bar, in language: Language) -> String {
        let parts = bar.label.map { $0.text(in: language) }
        guard parts.count > 1 else { return parts.first ?? "" }
        return (parts.dropLast().map { String($0.prefix(4)) } + [parts[parts.count - 1]]).joined(separator: "·")
    }

    /// Long names cut to fit the label column (the full name stays in the tables).
    static func shorten(_ label: String) -> String {
        label.count > 16 ? String(label.prefix(15)) + "…" : label
    }
}
