import DRCDocuments
import Hummingbird

/// The stylesheet and the little script, compiled into the binary and served by drc itself:
/// the office network may have no internet, so nothing comes from a CDN.
enum Assets {
    static func response(_ name: String) -> Response? {
        switch name {
        case "drc.css": return serve(css, type: "text/css; charset=utf-8")
        case "drc.js": return serve(js, type: "text/javascript; charset=utf-8")
        default: return nil
        }
    }

    private static func serve(_ text: String, type: String) -> Response {
        var response = Responses.bytes(Array(text.utf8), contentType: type)
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
    }

    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --zebra: #f5f7fa; --accent: #a61b1b; --brand: #1f3a5f;
          --bg: #eef1f5; --panel: #fff; --focus: #f2b705; --ok: #2e7d32; }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; font: 1rem/1.55 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", system-ui, sans-serif;
          color: var(--ink); background: var(--bg); }
        a { color: #1c4f8c; } a:visited { color: #1c4f8c; }
        h1 { font-size: 1.45rem; margin: .25rem 0 .75rem; color: var(--brand); }
        h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; color: var(--brand); border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        header { background: var(--brand); color: #fff; border-bottom: 4px solid var(--accent); padding: .4rem 1.25rem;
          display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; }
        header a, header a:visited { color: #fff; }
        header .brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; letter-spacing: .05em; }
        header .lang { font-size: .9rem; margin-left: auto; }
        header nav { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; flex-basis: 100%; }
        header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .15rem; margin: 0; padding: 0; }
        header nav li a { display: block; padding: .25rem .55rem; border-radius: 3px 3px 0 0; text-decoration: none; }
        header nav li a:hover { background: rgba(255,255,255,.15); }
        header nav a[aria-current] { background: #fff; color: var(--brand); font-weight: 700; }
        .signout { margin-left: auto; display: flex; gap: .6rem; align-items: center; }
        .who { color: #d9e2ec; }
        main { padding: 1rem 1.25rem 2rem; max-width: 1600px; margin: 0 auto; }
        button, .button { font: inherit; display: inline-block; padding: .3rem .9rem; border: 1px solid var(--brand); border-radius: 3px;
          background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; line-height: 1.4; }
        a.button:visited { color: #fff; }
        button.secondary, .button.secondary { background: #fff; color: var(--brand); }
        a.button.secondary:visited { color: var(--brand); }
        button.danger { background: var(--accent); border-color: var(--accent); }
        header button { background: transparent; border-color: #fff; }
        input, select, textarea { font: inherit; padding: .25rem .4rem; border: 1px solid #9aa5b1; border-radius: 3px; background: #fff; color: var(--ink); max-width: 100%; }
        input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
        [aria-invalid="true"] { border: 2px solid var(--accent); background: #fff6f6; }
        .field-error { color: var(--accent); font-size: .9rem; grid-column: 2; margin-top: -.3rem; }
        .required-mark { color: var(--accent); margin-left: .15rem; }
        table { border-collapse: collapse; background: var(--panel); margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        thead th { position: sticky; top: 0; background: #dde4ec; color: var(--brand); font-weight: 700; z-index: 1; }
        tbody tr:nth-child(even) { background: var(--zebra); }
        tbody tr:hover { background: #e6eef7; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        table.record th[scope=row] { background: #eef2f6; width: 11rem; font-weight: normal; color: var(--muted); }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        form.entry { display: grid; grid-template-columns: max-content minmax(18rem, 36rem); gap: .5rem .9rem; align-items: start;
          background: var(--panel); padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: 4px; max-width: 60rem; }
        form.entry > label { padding-top: .3rem; text-align: right; }
        form.entry .actions { grid-column: 2; display: flex; gap: .75rem; align-items: center; }
        form.entry .hint { grid-column: 2; color: var(--muted); font-size: .88rem; margin-top: -.35rem; }
        .message { background: #fdecea; border-left: 4px solid var(--accent); padding: .5rem .8rem; }
        .notice { background: #e8f4ea; border-left: 4px solid var(--ok); padding: .5rem .8rem; }
        .filters { display: flex; flex-wrap: nowrap; gap: .5rem; align-items: end; background: var(--panel); padding: .5rem .75rem;
          border: 1px solid var(--line); border-radius: 4px; overflow-x: auto; }
        .filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        .filters input, .filters select { width: 8.5rem; }
        .filters input.year, .filters select.year { width: 5.5rem; }
        .filters.wrap { flex-wrap: wrap; }
        .filters .check { flex-direction: row; align-items: center; gap: .25rem; white-space: nowrap; }
        .filters .check input { width: auto; }
        .pager { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
        .pager a, .pager strong { min-width: 2rem; text-align: center; padding: .1rem .4rem; border: 1px solid var(--line); border-radius: 3px; background: #fff; }
        .pager strong { background: var(--brand); color: #fff; border-color: var(--brand); }
        .pager .count { margin-right: .75rem; }
        .downloads { display: flex; gap: .5rem; margin: .5rem 0; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, 560px); gap: 1rem; }
        figure { margin: 0 0 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; width: 560px; max-width: 100%; }
        figcaption { font-weight: 700; color: var(--brand); }
        .warning { background: #fff8e1; border-left: 4px solid var(--focus); padding: .5rem .8rem; }
        figure svg { width: 100%; height: auto; }
        svg text { font-size: 13px; fill: var(--ink); }
        svg .bar { fill: #3b6ea5; } svg .bar2 { fill: #e0a030; }
        .transitions { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
        .transitions form { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; }
        .transitions fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: .35rem; }
        .transitions legend { font-weight: 700; color: var(--brand); padding: 0; }
        .transitions label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
        .transitions label.confirm { flex-direction: row; gap: .35rem; align-items: center; color: var(--accent); }
        .actions-bar { display: flex; gap: .75rem; align-items: center; margin: .5rem 0 1rem; }
        kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; background: #fff; }
        .report-page { background: var(--panel); border: 1px solid var(--line); padding: 1.5rem 2rem; margin-top: 1rem; max-width: 60em; }
        @media print {
          header, nav, .filters, .pager, .downloads, .transitions, .actions-bar, form, .lang { display: none !important; }
          body { background: #fff; font-size: 10.5pt; }
          main { padding: 0; max-width: none; }
          table { width: 100%; page-break-inside: auto; }
          thead { display: table-header-group; }
          thead th { position: static; background: #eee; }
          tr { page-break-inside: avoid; }
          tbody tr:nth-child(even) { background: #f4f4f4; }
          a { color: inherit; text-decoration: none; }
          figure { width: auto; border: 0; page-break-inside: avoid; }
          pre.report, article.report, .report-page { border: 0; padding: 0; }
        }

        """ + HTMLReport.stylesheet

    /// Convenience only: every page works without it. Alt+N opens the entry form, and the
    /// entry form's first empty field takes the focus.
    static let js = """
        document.addEventListener('keydown', function (e) {
          if (e.altKey && (e.key === 'n' || e.key === 'N')) { window.location.href = '/orders/new'; }
        });
        document.addEventListener('DOMContentLoaded', function () {
          var form = document.querySelector('form.entry');
          if (!form || form.querySelector('[autofocus]')) { return; }
          var fields = form.querySelectorAll('input:not([type=hidden]), textarea, select');
          for (var i = 0; i < fields.length; i++) { if (!fields[i].value) { fields[i].focus(); break; } }
        });
        """
}
