import DRCCore

/// Bar charts drawn on the server as SVG: no script, no library, nothing fetched. Each bar
/// carries its number as text, so the chart reads without hovering and a test can find it; an
/// unknown value is written as unknown and gets no bar, never a zero-length one. The web
/// dashboard and the report's HTML both draw their figures here. Colours are attributes, so
/// the SVG stands alone in a saved file; a stylesheet may still override them.
public enum Charts {
    static let colours = ["#3b6ea5", "#e0a030"]

    public static func bars(_ figure: ReportFigure, in language: Language) -> HTML {
        // The label column is as wide as the widest label, whole: no name is cut short (a wide
        // character of 13 px text is 13 px, so 7 px a display column, with room to spare).
        let labelWidth = max(80, figure.bars.map { DisplayWidth.of(label($0, in: language)) * 7 + $0.depth * indent }.max() ?? 0) + 12
        let plotWidth = 320
        let grouped = figure.bars.contains { $0.depth > 0 }
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
            // A part is set in from its whole's label, and a line goes above each whole after
            // the first, so parts read under their totals.
            var out: HTML = grouped && bar.depth == 0 && index > 0 ? """
                <line class="group" x1="0" x2="\(labelWidth + plotWidth)" y1="\(y - 2)" y2="\(y - 2)" stroke="#c8d0da" stroke-width="1"></line>
                """ : ""
            out += """
                <text class="\(bar.depth > 0 ? "label part" : "label")" x="\(bar.depth * indent + 2)" y="\(y + (series == 1 ? 12 : barHeight + 4))">\(label(bar, in: language))</text>
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

    /// How far a part's label is set in, per level.
    static let indent = 14

    /// A bar's label: its parts (a vendor, then a category) joined by ·, each whole.
    static func label(_ bar: ReportFigure.Bar, in language: Language) -> String {
        bar.label.map { $0.text(in: language) }.joined(separator: "·")
    }
}
