import ArgumentParser
import DRCCore
import DRCDocuments
import DRCText
#if canImport(Glibc)
import Glibc
#endif

extension ReportFormat: ExpressibleByArgument {}

extension Drc {
    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("由记录重新生成该年度的部门整体支出绩效评价报告（中文）：Markdown、网页（HTML，含图表）或 Word（docx）。",
                                     "The year's performance evaluation report, regenerated from the records (in Chinese): Markdown, HTML with charts, or Word (docx)."),
                discussion: Speech.say("""
                    md：今天的 Markdown 文本。html：一个独立的网页文件（样式内嵌，不需要脚本和网络），图表为服务器绘制的 SVG：\
                    每月工单数、供应商 × 服务类别、预算执行（未知金额注明“未知”，不画成零）。docx：按党政机关公文格式（GB/T 9704）排版的 Word 文档：\
                    A4，仿宋三号正文、固定行距，黑体、楷体标题，小标宋标题，页脚“— 1 —”页码；表格按内容定列宽，表头跨页重复；\
                    图表为可编辑的 Word 图表，并附同样数字的表格；正文一至七（有评分时另有八、评价结论）之后是附件说明、落款（单位和日期）和各附件。\
                    docx 是二进制文件，不输出到终端：请用 -o 指定文件，或把输出重定向到文件。图表标题等 drc 自己的用语也是中文，给 --lang en 时为英文；报告正文总是中文。
                    """, """
                    md: today's Markdown text. html: one self-contained page (inline styles, no script, nothing fetched) with server-drawn SVG charts: \
                    orders by month, vendor × category and budget execution (an unknown amount is said, not drawn as zero). \
                    docx: a Word document set as a Chinese official document (GB/T 9704): A4, 仿宋 16 pt at a fixed line pitch, \
                    黑体 and 楷体 headings, a 小标宋 title, "— 1 —" page numbers; tables laid out by their content with their header \
                    rows repeated; the charts as editable Word charts beside tables of the same figures; after sections 一 to 七 \
                    (and 八, the conclusion, when indicators are scored) the list of annexes, the unit and date signing it, and the annexes. docx is binary and is not written to a terminal: \
                    give -o FILE or redirect the output. drc's own words (chart titles, legends) are Chinese too, English with --lang en; the report's text is always Chinese.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度。", "The year."))) var year: Int64
        @Option(help: ArgumentHelp(Speech.say("报告对象单位（默认：该年度预算所属的单位）。",
                                              "The unit reported on (default: the unit the year's budget belongs to).")))
        var unit: String?
        @Option(help: ArgumentHelp(Speech.say("格式：md（默认）、html 或 docx。", "The format: md (default), html or docx."), valueName: "md|html|docx"))
        var format: ReportFormat = .md
        @Option(name: .shortAndLong, help: ArgumentHelp(Speech.say("把报告写入该文件，而不是输出到屏幕。",
                                                                   "Write the report to this file instead of standard output.")))
        var output: String?
        @Option(help: ArgumentHelp(Speech.say("计算账龄（合同在某环节已停留多少日）的日期，如 2022-03-31（默认：该年度已过则为年末，否则今天）；也是落款的日期（默认今天）。",
                                              "The day ages are counted to, e.g. 2022-03-31 (default: the year's last day once it is over, else today); also the date the report is signed (default today).")))
        var on: String?
        @Flag(help: ArgumentHelp(Speech.say("数据核对（drc check）有错误时不生成报告。", "Write no report while the year's check (drc check) finds errors.")))
        var strict = false

        func validate() throws {
            _ = try AsOfDay.parse(on)
            // Binary bytes on a terminal are noise at best and control sequences at worst.
            if !format.isText && output == nil && isatty(STDOUT_FILENO) == 1 {
                throw ValidationError(Speech.say("\(format.rawValue) 是二进制文件，不输出到终端；请用 -o 文件名.\(format.fileExtension) 写入文件，或把输出重定向到文件",
                                                 "\(format.rawValue) is binary and is not written to a terminal; give -o FILE.\(format.fileExtension), or redirect the output to a file"))
            }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            let unitID = try unit.map { try store.resolve($0, to: .unit) }
            // The output path is checked first: written to a temporary name, renamed when whole.
            let sink = try output.map { try OutputSink(path: $0, database: store.path) }
            let asked = try AsOfDay.parse(on)
            let today = AsOfDay.today(store)
            let asOf = ReportDay.asOf(year: year, asked: asked, today: today)
            // What the report stands on: errors in the year's check are said first, or, with
            // --strict, refuse the report.
            let errors = try Reconciliation.check(store.db, year: year, asOf: asOf).filter { $0.severity == .error }.count
            if errors > 0 {
                if strict { throw DRCError.reportOverErrors(year: year, errors: errors) }
                Console.error(Speech.say("drc: 提示：\(year) 年度的数据核对有 \(errors) 项错误（drc check --year \(year) 查看）；报告照常生成，签字前请先改正。",
                                         "drc: warning: the \(year) figures have \(errors) \(errors == 1 ? "error" : "errors") in their check (see drc check --year \(year)); the report is written all the same: correct them before signing."))
            }
            // The report is a Chinese document whatever the language of messages.
            let document = try EvaluationReport(db: store.db, year: year, unitID: unitID, asOf: asOf)
                .document(signedOn: asked ?? today, describing: { FindingText.sentence($0, in: .zh) })
            // drc's own words around it (chart titles, legends, the page's language) are Chinese
            // too, unless English is asked for with --lang en: a locale alone does not make a
            // Chinese report's page English.
            let words: Language = root.global.language.flatMap { Language(rawValue: $0.lowercased()) } ?? .zh
            if let output, let sink {
                try format.render(document, language: words).withUnsafeBufferPointer { try sink.write($0) }
                try sink.finish()
                Console.line(Speech.say("已将 \(year) 年度报告写入 \(output)。", "Wrote the \(year) report to \(output)."))
                return
            }
            switch format {
            case .md:
                // On standard output a manager reads it on screen, so control characters in the
                // records are shown escaped (use -o for the exact text).
                Console.text(MarkdownReport.render(document))
            case .html:
                // HTML escaping has shown every control character already.
                Console.exact(HTMLReport.render(document, language: words))
            case .docx:
                let sink = OutputSink()
                try format.render(document, language: words).withUnsafeBufferPointer { try sink.write($0) }
                try sink.finish()
            }
        }
    }
}
