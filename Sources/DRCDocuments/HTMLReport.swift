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
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="\(pageLanguage)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(document.title)</title>
            <style>\(HTML(trusted: pageStylesheet + stylesheet))</style>
            </head>
            <body>
            <main lang="zh-CN">
            \(article(document, language: language))</main>
            </body>
            </html>

            """
        return page.text
    }

    /// The report itself, as an `<article class="report">`: the file's page wraps it, and the
    /// web's report page shows the same article under its own header (with `stylesheet` in
    /// the site's style sheet), so the two never differ.
    public static func article(_ document: ReportDocument, language: Language) -> HTML {
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
            case .annexList(let titles):
                let lines = titles.enumerated().html { index, title -> HTML in
                    HTML(trusted: index == 0 ? "" : "<br/>") + "\(index + 1). \(title)"
                }
                body += "<p class=\"annexes\">附件：\(lines)</p>\n"
            case .signature(let unit, let date):
                body += "<p class=\"signature\">\(unit)<br/>\(date)</p>\n"
            case .annex(let number, let title):
                body += "<h2 class=\"annex\" id=\"annex-\(number)\"><span class=\"annex-number\">附件\(number)</span>\(title)</h2>\n"
            }
        }
        return "<article class=\"report\" lang=\"zh-CN\">\n\(body)</article>\n"
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

    /// The page around the article in a saved file.
    static let pageStylesheet = """
        body { margin: 0; background: #fff; color: #1d2733; }
        main { max-width: 52em; margin: 0 auto; padding: 2em 1.5em; }
        @media print { main { max-width: none; padding: 0; } }

        """

    /// The report's own style, every rule under `article.report` so that the web's pages are
    /// untouched by it: print-friendly, in Chinese fonts where the reader has them (仿宋 for
    /// text, 黑体 for headings, as the Word document is set), numbers on the right, an annex
    /// on a new page when printed.
    public static let stylesheet = """
        article.report { color: #1d2733;
               font: 16px/1.8 "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; }
        article.report h1, article.report h2, article.report h3, article.report h4 {
               font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; line-height: 1.4; }
        article.report h1 { font-size: 1.6em; text-align: center; }
        article.report h2 { font-size: 1.3em; margin-top: 1.6em; }
        article.report h3 { font-size: 1.1em; }
        article.report h4 { font-size: 1em; }
        article.report p { text-indent: 2em; white-space: pre-line; margin: .5em 0; }
        article.report p.note { text-indent: 0; color: #5b6675; border-left: 4px solid #d5dbe3; padding-left: .8em; }
        article.report p.annexes { margin-top: 1.5em; padding-left: 5em; text-indent: -3em; }
        article.report p.signature { text-indent: 0; text-align: right; margin: 2em 4em 2em 0; }
        article.report h2.annex { margin-top: 3em; border-top: 1px solid #d5dbe3; padding-top: 1em; text-align: center; }
        article.report .annex-number { display: block; text-align: left; font-size: .8em; }
        article.report table { border-collapse: collapse; margin: .8em 0 1.2em; font-size: .95em; }
        article.report th, article.report td { border: 1px solid #9aa5b1; padding: .2em .5em; text-align: left; vertical-align: top; }
        article.report th { background: #eef1f5; }
        article.report td.num, article.report th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        article.report tfoot td { font-weight: bold; }
        article.report figure { margin: 1em 0; border: 0; padding: 0; }
        article.report figcaption { font-weight: bold; font-family: "SimHei", "黑体", sans-serif; }
        article.report figure svg { width: 100%; max-width: 48em; height: auto; }
        article.report svg text { font-size: 11px; fill: #1d2733; }
        article.report svg text.unknown { fill: #b3261e; }
        article.report svg text.part { fill: #4a5563; }
        @media print { article.report h2.annex { break-before: page; border-top: 0; } }
        """
}
