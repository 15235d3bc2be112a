import DRCCore

/// The report as one self-contained HTML file: the stylesheet inline, the charts drawn as SVG
/// by `Charts`, no script and nothing fetched, so it opens offline and prints as it shows.
/// Every value goes through `HTML`'s escaping. The markup is also well-formed XML (every
/// element closed), so a plain XML parser can read it back.
public enum HTMLReport {
    /// `language` is the page's: drc's own words (chart titles, legends) are in it, and the
    /// report's Chinese text is marked `zh-CN` whatever it is.
    public static func render(_ document: ReportDocument, language: Language) -> String {
        let pageLanguage = language == .zh ? "zh-CN" : "en"
        var body: HTML = "<h1>\(document.title)</h1>\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(6, max(2, level)))"
                body += HTML(trusted: "<\(tag)>") + "\(text)" + HTML(trusted: "</\(tag)>\n")
            case .paragraph(let text):
                body += "<p>\(text)</p>\n"
            case .note(let text):
                body += "<p class=\"note\">\(text)</p>\n"
            case .list(let items):
                body += "<ul>\(items.html { item -> HTML in "<li>\(item)</li>" })</ul>\n"
            case .table(let table):
                body += self.table(table)
            case .figure(let figure):
                // The figure's words are drc's, in the page's language.
                body += "<div class=\"chart\" lang=\"\(pageLanguage)\">\(Charts.bars(figure, in: language))</div>\n"
            }
        }
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="\(pageLanguage)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(document.title)</title>
            <style>\(HTML(trusted: stylesheet))</style>
            </head>
            <body>
            <main lang="zh-CN">
            \(body)</main>
            </body>
            </html>

            """
        return page.text
    }

    static func table(_ table: DocumentTable) -> HTML {
        func cells(_ row: [String], tag: String) -> HTML {
            row.enumerated().html { index, text -> HTML in
                let number = index < table.alignments.count && table.alignments[index] == .trailing
                return HTML(trusted: "<\(tag)\(number ? " class=\"num\"" : "")>") + "\(text)" + HTML(trusted: "</\(tag)>")
            }
        }
        let head: HTML = "<thead><tr>\(cells(table.headings, tag: "th"))</tr></thead>"
        let rows: HTML = "<tbody>\(table.rows.html { row -> HTML in "<tr>\(cells(row, tag: "td"))</tr>\n" })</tbody>"
        let foot: HTML = table.footer.isEmpty ? "" : "<tfoot>\(table.footer.html { row -> HTML in "<tr>\(cells(row, tag: "td"))</tr>" })</tfoot>"
        return "<table>\(head)\n\(rows)\(foot)</table>\n"
    }

    /// Print-friendly, in Chinese fonts where the reader has them: 宋体 for text, 黑体 for headings.
    static let stylesheet = """
        body { margin: 0; background: #fff; color: #1d2733;
               font: 16px/1.8 "Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", serif; }
        main { max-width: 52em; margin: 0 auto; padding: 2em 1.5em; }
        h1, h2, h3, h4 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; line-height: 1.4; }
        h1 { font-size: 1.6em; text-align: center; }
        h2 { font-size: 1.3em; margin-top: 1.6em; }
        h3 { font-size: 1.1em; }
        h4 { font-size: 1em; }
        p { text-indent: 2em; white-space: pre-line; margin: .5em 0; }
        p.note { text-indent: 0; color: #5b6675; border-left: 4px solid #d5dbe3; padding-left: .8em; }
        table { border-collapse: collapse; margin: .8em 0 1.2em; font-size: .95em; }
        th, td { border: 1px solid #9aa5b1; padding: .2em .5em; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot td { font-weight: bold; }
        figure { margin: 1em 0; }
        figcaption { font-weight: bold; font-family: "SimHei", "黑体", sans-serif; }
        figure svg { width: 100%; max-width: 40em; height: auto; }
        svg text { font-size: 11px; fill: #1d2733; }
        svg text.unknown { fill: #b3261e; }
        @media print { main { max-width: none; padding: 0; } }
        """
}
