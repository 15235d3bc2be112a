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
        :root { --ink: #1d2733; --muted: #5b6675; --line: #d5dbe3; --accent: #b3261e; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", system-ui, sans-serif; color: var(--ink); background: var(--bg); }
        header { background: #fff; border-bottom: 3px solid var(--accent); padding: .5rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; }
        header .brand { font-weight: 700; color: var(--accent); text-decoration: none; }
        header nav { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; flex: 1; }
        header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .75rem; margin: 0; padding: 0; }
        header nav a[aria-current] { font-weight: 700; }
        .signout { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
        .who { color: var(--muted); }
        main { padding: 1rem; max-width: 1200px; }
        table { border-collapse: collapse; background: #fff; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        form.entry { display: grid; grid-template-columns: max-content minmax(16rem, 32rem); gap: .4rem .8rem; background: #fff; padding: 1rem; border: 1px solid var(--line); }
        form.entry .actions { grid-column: 2; }
        input, select, textarea, button { font: inherit; padding: .25rem .4rem; }
        input:focus, select:focus, textarea:focus, button:focus { outline: 3px solid #f2b705; }
        .message { background: #fdecea; border-left: 4px solid var(--accent); padding: .5rem .8rem; }
        .notice { background: #e8f4ea; border-left: 4px solid #2e7d32; padding: .5rem .8rem; }
        .warning { background: #fff8e1; border-left: 4px solid #f2b705; padding: .5rem .8rem; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; background: #fff; padding: .5rem; border: 1px solid var(--line); }
        .filters label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
        .pager { display: flex; gap: 1rem; align-items: center; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1rem; }
        figure { margin: 0; background: #fff; border: 1px solid var(--line); padding: .5rem; }
        figcaption { font-weight: 700; }
        figure svg { width: 100%; height: auto; }
        svg text { font-size: 11px; fill: var(--ink); }
        svg .bar { fill: #3b6ea5; } svg .bar2 { fill: #e0a030; }
        .transitions form { display: inline; }
        kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; background: #fff; }
        .report-page { background: #fff; border: 1px solid var(--line); padding: 1.5rem 2rem; margin-top: 1rem; max-width: 60em; }
        .downloads { margin: .5rem 0; display: flex; gap: 1rem; flex-wrap: wrap; }

        """ + HTMLReport.stylesheet

    /// Convenience only: every page works without it. Alt+N opens the entry form, and the
    /// entry form's first empty field takes the focus.
    static let js = """
        document.addEventListener('keydown', function (e) {
          if (e.altKey && (e.key === 'n' || e.key === 'N')) { window.location.href = '/orders/new'; }
        });
        document.addEventListener('DOMContentLoaded', function () {
          var form = document.querySelector('form.entry');
          if (!form) { return; }
          var fields = form.querySelectorAll('input:not([type=hidden]), textarea, select');
          for (var i = 0; i < fields.length; i++) { if (!fields[i].value) { fields[i].focus(); break; } }
        });
        """
}
