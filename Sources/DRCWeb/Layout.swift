import DRCCore
import DRCDocuments

/// The frame of every page: the header with the sections the viewer's role may open, who is
/// signed in, the language switch and sign-out; the page's own content in `main`.
enum Layout {
    static func page(_ viewer: Viewer, title: String, body: HTML, navigation: Bool = true) -> HTML {
        let lang = viewer.language == .zh ? "zh-CN" : "en"
        let other: Language = viewer.language == .zh ? .en : .zh
        let switchLabel = other == .en ? "English" : "中文"
        var nav: HTML = ""
        if navigation, let account = viewer.account {
            var links: [(String, String)] = []
            if viewer.may(.readRecords) {
                links += [("/", viewer.say("概览", "Dashboard")), ("/orders", viewer.say("工单", "Orders"))]
            }
            if viewer.may(.enterRecords) { links.append(("/orders/new", viewer.say("录入工单", "New order"))) }
            if viewer.may(.readRecords) {
                links += [("/vendors", viewer.say("供应商", "Vendors")), ("/units", viewer.say("单位", "Units")),
                          ("/projects", viewer.say("项目", "Projects")), ("/categories", viewer.say("服务类别", "Categories"))]
            }
            if viewer.may(.enterRecords) { links.append(("/import", viewer.say("导入", "Import"))) }
            if viewer.may(.runReports) {
                links += [("/totals", viewer.say("统计", "Totals")), ("/sla", viewer.say("服务考核", "Service levels")),
                          ("/score", viewer.say("绩效自评", "Scoring")), ("/budget", viewer.say("预算执行", "Budget")),
                          ("/loop", viewer.say("采购闭环", "Loop")), ("/check", viewer.say("核对", "Checks")),
                          ("/report", viewer.say("报告", "Report"))]
            }
            if viewer.may(.manageUsers) { links.append(("/users", viewer.say("账户", "Accounts"))) }
            nav = """
                <nav aria-label="\(viewer.say("主菜单", "Main"))"><ul>\(links.html { link in
                    "<li><a href=\"\(link.0)\"\(link.0 == viewer.path ? HTML(" aria-current=\"page\"") : "")>\(link.1)</a></li>" })</ul>
                <form method="post" action="/logout" class="signout">\(viewer.csrfField)
                <span class="who">\(account.name)（\(viewer.word(account.role.term))）</span>
                <a href="/password">\(viewer.say("修改密码", "Password"))</a>
                <button type="submit">\(viewer.say("退出", "Sign out"))</button></form></nav>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(lang)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · drc</title>
            <link rel="stylesheet" href="/assets/drc.css"><script src="/assets/drc.js" defer></script></head>
            <body><header><a class="brand" href="/">\(viewer.say("数据资源中心记录系统", "drc records"))</a>
            <a class="lang" href="/language?to=\(other.rawValue)&amp;back=\(viewer.path.queryEncoded)" hreflang="\(other.rawValue)">\(switchLabel)</a>
            \(nav)</header>
            <main>\(body)</main></body></html>
            """
    }

    /// A table of the core's results, each cell in the viewer's language, escaped.
    static func table(_ table: ResultTable, _ viewer: Viewer, link: ((Int, [ResultTable.Cell]) -> String?)? = nil,
                      sortLinks: ((String) -> HTML)? = nil) -> HTML {
        // A column of numbers has its heading over the numbers' right edge.
        let numeric = table.columns.indices.map { index in
            table.rows.contains { index < $0.count && { if case .number = $0 { return true }; return false }($0[index]) }
        }
        let headings = table.columns.indices.html { index -> HTML in
            let text = table.heading(index, in: viewer.language)
            let align: HTML = numeric[index] ? " class=\"num\"" : ""
            if let sortLinks { return "<th scope=\"col\"\(align)>\(sortLinks(table.columns[index]))</th>" }
            return "<th scope=\"col\"\(align)>\(text)</th>"
        }
        let rows = (table.rows + table.footer).html { row -> HTML in
            let target = link?(0, row)
            let cells = row.enumerated().html { index, cell -> HTML in
                let text = cell.text(in: viewer.language)
                let numeric: HTML = { if case .number = cell { return " class=\"num\"" }; return "" }()
                if index == 0, let target { return "<td\(numeric)><a href=\"\(target)\">\(text)</a></td>" }
                return "<td\(numeric)>\(text)</td>"
            }
            return "<tr>\(cells)</tr>"
        }
        return "<table><thead><tr>\(headings)</tr></thead><tbody>\(rows)</tbody></table>"
    }
}
