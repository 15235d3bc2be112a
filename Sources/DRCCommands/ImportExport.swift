import ArgumentParser
import DRCCore
import DRCText
#if canImport(Glibc)
import Glibc
#endif

/// The kinds `import` and `export` take, by the names clerks use (`orders` or `order`).
func recordKind(_ name: String) throws -> RecordKind {
    guard let kind = RecordKinds.named(name), kind.capabilities.contains(.importable) else {
        let kinds = KindNames.importable.joined(separator: ", ")
        throw ValidationError(Speech.say("没有“\(name)”这种记录；可用：\(kinds)", "unknown kind \"\(name)\"; use one of: \(kinds)"))
    }
    return kind
}

/// The kinds' names for help and messages, from the lists the core keeps, so a new kind is
/// never left out of one of them.
enum KindNames {
    /// What `import` and `export` take: orders, units … findings.
    static var importable: [String] {
        RecordKinds.all.filter { $0.capabilities.contains(.importable) }.map(\.commandPlural)
    }

    /// What `history` and `restore` take: unit, vendor … finding.
    static var all: [String] { RecordKinds.all.map(\.name) }

    /// The kind `history` and `restore` name, or a usage error listing the kinds.
    static func kind(_ name: String) throws -> RecordKind {
        guard let kind = RecordKinds.named(name) else {
            let kinds = all.joined(separator: ", ")
            throw ValidationError(Speech.say("没有“\(name)”这种记录；可用：\(kinds)", "unknown kind \"\(name)\"; use one of: \(kinds)"))
        }
        return kind
    }

    /// "a, b or c" (a、b 或 c).
    static func either(_ names: [String]) -> String {
        guard names.count > 1 else { return names.joined() }
        return Speech.say(names.dropLast().joined(separator: "、") + " 或 ", names.dropLast().joined(separator: ", ") + " or ")
            + names[names.count - 1]
    }
}

/// A progress line on standard error, only when it is a terminal and not silenced.
struct ProgressLine {
    let enabled: Bool
    /// What is being done to the rows, in both languages: 已读取 / Read.
    let verb: Wording
    let started = Importer.now()

    init(quiet: Bool, verb: Wording) {
        enabled = !quiet && isatty(2) == 1
        self.verb = verb
    }

    func update(_ rows: Int) {
        guard enabled else { return }
        let seconds = max(Importer.now() - started, 0.001)
        let rate = Int(Double(rows) / seconds)
        Console.progress(Speech.say("\(verb.zh) \(rows) 行（每秒 \(rate) 行）", "\(verb.en) \(rows) rows (\(rate) rows/s)"))
    }

    func end() {
        guard enabled else { return }
        Console.endProgress()
    }
}

extension Drc {
    /// `drc import KIND FILE` (also `drc import file KIND FILE`): the default subcommand of `import`.
    struct ImportFile: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
            commandName: "file",
            abstract: Speech.say("从 CSV 文件或 Excel 工作簿（.xlsx）导入记录：要么全部导入，要么都不导入；每一行都按 `add` 的规则检查。",
                                 "Import records from a CSV file or an Excel workbook (.xlsx): all or nothing, every row validated as `add` validates it."),
            discussion: Speech.say("""
                第一行是列名（即 `add` 的字段名，中文或英文均可，顺序不限）；引用的记录可写名称或编码。\
                只要有一行有错，就什么都不写入：错误会连同行号、列和原因一起列出。\
                用 --skip-bad --rejects <文件> 时，正确的行照常写入，每个错误行连同原因写入该文件。\
                日期可写成 2020-03-02、2020-03-02 14:05、2020/3/2 或 2020年3月2日；供应商系统的写法也认得：\
                2021/03/05 08:05:33（秒数舍去，记录只记到分钟）、2021年3月3日10时30分、下午2:05、全角数字和 14：05。\
                空行、列名为空的末尾列和首格为 合计、小计 或 总计 的行会被跳过并在汇总中说明。\
                没有字节顺序标记又没有 --encoding 时，不是 UTF-8 的文件按 GB18030 读取。\
                文件开头的字节顺序标记决定编码（UTF-8，或 Excel“Unicode 文本”的 UTF-16）；第一行有制表符而没有逗号时，\
                按制表符分隔。带字节顺序标记的文件中，= + - @ 制表符 回车 换行 或 ' 之前的一个 ' 是 export --bom 加的公式防护，导入时去掉。\
                拒收文件使用与原文件相同的编码、字节顺序标记和分隔符，只在导入提交时出现，改正后可再次导入（其原因列会被忽略）。

                不重复计数：内容已经导入过的文件会被拒绝（--again 仍然导入）。供应商已有同一工单号的工单就是同一条工单：\
                内容相同则跳过、计为未变；内容不同则是冲突，列出两边的值，什么都不写入，除非用 --update 应用这些修改（每条都记入历史）。\
                每次写入的导入都是一个批次：drc import list 列出批次，drc import undo 批次号 撤销一个批次。

                工作簿：.xlsx 文件直接读取（默认第一个工作表，--sheet 指定其他工作表），与 CSV 一样检查；\
                日期单元格按单元格格式读作 2021-03-05 08:05，错误会指明工作表、行和列（如 工作表“3月” 第 5 行 列 C）。\
                拒收文件写成带字节顺序标记的 CSV。旧版 .xls 文件或内容与扩展名不符的文件会被拒绝，并提示另存为 .xlsx 或 CSV。\
                表头上方的标题行（如合并居中的“2021年4月工单统计表”）会被跳过：表头是前 10 行中第一个写着列名的行，\
                或用 --header-row N 指定。合并单元格按表格软件显示的读取：合并区域的每个单元格都取它的值，汇总中会说明。\
                文件缺少的列用 --set 字段=值 补上（如 --set 服务类别=维修工单），这一列为空的格也取这个值。

                导入配置：drc import profile save 名称 … 保存一个供应商的列对应、状态用语、默认值、编码和工作表；\
                --profile 名称 使用它，命令行上给出的选项优先。
                """, """
                The first line names the columns (the fields of `add`, in any order); references by name or code. \
                One bad row and nothing is written: the errors are listed with line, column and reason. \
                With --skip-bad --rejects FILE the good rows are written and every bad row goes to FILE with a reason. \
                Dates may be written 2020-03-02, 2020-03-02 14:05, 2020/3/2 or 2020年3月2日, and as vendors' systems write them: \
                2021/03/05 08:05:33 (seconds are dropped: records keep minutes), 2021年3月3日10时30分, 下午2:05, full-width digits, 14：05. \
                Blank rows, empty columns after the last named one and rows whose first cell is 合计/小计/总计/total are passed over, \
                with a note in the summary. Without a byte-order mark or --encoding, a file that is not UTF-8 is read as GB18030. \
                A byte-order mark names the encoding (UTF-8, or UTF-16 as Excel's "Unicode text"); a first line with tabs and no commas \
                makes the file tab-separated. In a file with a byte-order mark a leading ' before = + - @ tab CR LF or ' is export --bom's \
                formula guard and is removed. The rejects file is written in the source's encoding, byte-order mark and delimiter, \
                appears only with the import's commit, and imports again once fixed (its reason column is ignored).

                Never counted twice: a file whose content was imported before is refused (--again imports it anyway). \
                A work order whose vendor already has its ticket (工单号) is the same order: with the same values it is skipped \
                as unchanged; with other values it is a conflict, listed with both values, and nothing is written, unless \
                --update applies the changes (each with its history). Every import that writes is a batch: \
                drc import list shows them, drc import undo BATCH takes one back.

                Workbooks: an .xlsx file is read directly (its first sheet, or the one --sheet names) and checked as a CSV file is; \
                date cells are read by their format as 2021-03-05 08:05, and errors name the sheet, row and column \
                (sheet "3月", row 5, column C). Its rejects file is CSV with a byte-order mark. An old .xls file, or a file whose \
                content does not match its extension, is refused with the advice to save it as .xlsx or CSV. \
                A title above the header (a merged 2021年4月工单统计表) is passed over: the header is the first of the top 10 rows \
                that names columns, or the row --header-row N names. Merged cells read as the spreadsheet shows them: every cell \
                of a merged range takes its value, and the summary says so. A column the file leaves out is filled by \
                --set FIELD=VALUE (--set category=维修工单), which also fills that column's empty cells.

                Profiles: drc import profile save NAME … keeps a vendor's column map, status words, defaults, encoding and sheet; \
                --profile NAME applies it, and options given on the command line win.
                """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("记录类型：", "") + "\(KindNames.either(KindNames.importable))" + Speech.say("。", "."))) var kind: String
        @Argument(help: ArgumentHelp(Speech.say("CSV 文件或 .xlsx 工作簿；写 - 表示从标准输入读取。", "The CSV file or .xlsx workbook, or - for standard input."))) var file: String
        @Flag(help: ArgumentHelp(Speech.say("全部检查一遍，但不写入。", "Validate everything and write nothing."))) var dryRun = false
        @Flag(help: ArgumentHelp(Speech.say("写入正确的行；错误的行放进 --rejects 文件。", "Write the good rows; put the bad ones in the --rejects file."))) var skipBad = false
        @Option(help: ArgumentHelp(Speech.say("--skip-bad 把错误行写到这里，每行带一列原因。", "Where --skip-bad writes the bad rows, each with a reason column."))) var rejects: String?
        @OptionGroup var vendorFile: VendorFileOptions
        @Option(help: ArgumentHelp(Speech.say("使用这个导入配置（见 drc import profile list）；命令行上给出的选项优先。",
                                              "Read the file as this import profile says (see drc import profile list); options given here win."),
                                   valueName: "profile"))
        var profile: String?
        @Flag(help: ArgumentHelp(Speech.say("不显示进度和汇总。", "No progress line and no summary."))) var quiet = false
        @Flag(help: ArgumentHelp(Speech.say("即使这个文件的内容已经导入过，也再导入一次（有工单号的行计为未变）。",
                                            "Import the file even though its content was imported before (rows with tickets count as unchanged).")))
        var again = false
        @Flag(help: ArgumentHelp(Speech.say("工单号（或 id 列）对应的记录内容不同时，按文件修改该记录（记入历史），而不是作为冲突拒绝。",
                                            "When a ticket (or the id column) names a record with other values, change it to the file's values (with history) instead of refusing the conflict.")))
        var update = false

        /// How the file was read where it is not a plain table: the rows above its header (a
        /// title), and the merged ranges whose value every cell they cover took.
        static func readingNotes(_ summary: ImportSummary) -> [String] {
            var notes: [String] = []
            let sheet = summary.sheet.map { Speech.say("工作表“\($0)”", "sheet \"\($0)\"") }
            if summary.rowsAboveHeader > 0 {
                let place = sheet.map { Speech.say("\($0)的", "of \($0)") }
                notes.append(Speech.say(
                    "表头在\(place ?? "")第 \(summary.headerLine) 行；其上 \(summary.rowsAboveHeader) 行（标题）不是记录，未导入。",
                    "The header is on row \(summary.headerLine)\(place.map { " " + $0 } ?? ""); the \(summary.rowsAboveHeader) row\(summary.rowsAboveHeader == 1 ? " above it (a title) holds no record and was" : "s above it (a title) hold no record and were") not imported."))
            }
            // Only ranges below the header fill records' cells; a title's merge is no news.
            let merges = summary.merges.filter { $0.lastRow > summary.headerLine }
            if !merges.isEmpty {
                let shown = merges.prefix(5).map(\.reference).joined(separator: Speech.say("、", ", ")) + (merges.count > 5 ? Speech.say(" 等 \(merges.count) 处", " and \(merges.count - 5) more") : "")
                let cells = merges.reduce(0) { $0 + $1.filledCells }
                notes.append(Speech.say(
                    "\(sheet ?? "")的合并单元格 \(shown)：它们覆盖的 \(cells) 个单元格都取了合并区域的值（与表格软件中显示的一致）。",
                    "Merged cells \(shown)\(sheet.map { " of " + $0 } ?? ""): the \(cells) cell\(cells == 1 ? "" : "s") they cover took the merged value, as the spreadsheet shows it."))
            }
            return notes
        }

        /// Rows of a vendor's spreadsheet that hold no record: blank ones and its total rows.
        static func passedOverNote(_ summary: ImportSummary) -> String? {
            var parts: [String] = []
            if summary.blankRows > 0 { parts.append(Speech.say("\(summary.blankRows) 个空行", "\(summary.blankRows) blank row\(summary.blankRows == 1 ? "" : "s")")) }
            if !summary.totalRows.isEmpty {
                let lines = summary.totalRows.map(String.init).joined(separator: Speech.say("、", ", "))
                let plural = summary.totalRows.count == 1 ? "" : "s"
                // A sheet's rows are named by the sheet and its row numbers, a text file's by its lines.
                if let sheet = summary.sheet {
                    parts.append(Speech.say("合计行（工作表“\(sheet)”第 \(lines) 行）", "the total row\(plural) on row\(plural) \(lines) of sheet \"\(sheet)\""))
                } else {
                    parts.append(Speech.say("合计行（第 \(lines) 行）", "the total row\(plural) on line\(plural) \(lines)"))
                }
            }
            guard !parts.isEmpty else { return nil }
            // A number after Chinese words takes a space before it (已跳过 1 个空行), as elsewhere.
            let space = parts.first?.first?.isNumber == true ? " " : ""
            return Speech.say("已跳过" + space + parts.joined(separator: "和") + "，它们不是记录。", "Passed over " + parts.joined(separator: " and ") + ": they hold no record.")
        }

        static var encodingHint: String {
            Speech.say("提示：如果文件是用中文版 Excel 保存的，请加 --encoding gb18030 再导入。",
                       "Hint: if the file was saved by Chinese Excel, import it with --encoding gb18030.")
        }

        func validate() throws {
            _ = try recordKind(kind)
            if skipBad && rejects == nil { throw ValidationError(Speech.say("--skip-bad 需要用 --rejects <文件> 指定错误行写到哪里", "--skip-bad needs --rejects FILE for the bad rows")) }
            if rejects != nil && !skipBad { throw ValidationError(Speech.say("--rejects 要和 --skip-bad 一起用", "--rejects goes with --skip-bad")) }
        }

        func run() throws {
            let kind = try recordKind(self.kind)
            let store = try root.global.openStore()
            var options = ImportOptions(sourceName: file == "-" ? Speech.say("标准输入", "standard input") : file)
            options.dryRun = dryRun
            options.skipBad = skipBad
            options.rejectsPath = rejects
            options.inputPath = file == "-" ? nil : file
            let base = try profile.map { try ImportProfiles.format(named: $0, db: store.db) } ?? VendorFormat()
            options.format = try vendorFile.format(over: base, kind: kind)
            options.encoding = options.format.encoding
            options.again = again
            options.update = update
            let messages = Speech.messages
            options.rejectReason = { messages.rejectReason($0) }
            options.rejectReasonHeading = Speech.say(HeaderMap.reasonHeading.zh, HeaderMap.reasonHeading.en)
            let progress = ProgressLine(quiet: quiet, verb: Wording(zh: "已读取", en: "Read"))
            let importer = Importer(store: store, kind: kind, actor: root.global.actorName, options: options, progress: progress.update)
            let summary: ImportSummary
            do {
                summary = try importer.run(try FileSource(path: file))
            } catch let error as DRCError where error.isInvalidUTF8 && options.encoding ?? .utf8 == .utf8 {
                progress.end()
                Console.error(Drc.errorLine(messages.error(error)))
                Console.error(Self.encodingHint)
                throw ExitCode(1)
            }
            progress.end()
            if summary.errorCount > 0 {
                for error in summary.errors { Console.error("drc: \(messages.row(error))") }
                if summary.errorCount > summary.errors.count {
                    let more = summary.errorCount - summary.errors.count
                    Console.error(Speech.say("drc: …… 另有 \(more) 个错误", "drc: … and \(more) more errors"))
                }
            }
            if !quiet { for note in Self.readingNotes(summary) { Console.line(note) } }
            if !quiet, let note = Self.passedOverNote(summary) { Console.line(note) }
            let time = String(Double(Int(summary.seconds * 100)) / 100)
            // A dry run counts what the import would do: what it would write had it committed
            // (nothing when a bad row would stop it), never a bare 0.
            let wouldCommit = summary.committed || dryRun && (summary.errorCount == 0 || skipBad)
            let written = wouldCommit ? summary.written + summary.updated : 0
            // Every line of the file is a row counted here, or a line of a cell that holds breaks.
            let extraLines = summary.lines - summary.read
            if !quiet || (summary.errorCount > 0 && !skipBad) {
                if Speech.language == .zh {
                    let outcome = dryRun ? "试运行，未写入任何内容" : !summary.committed ? "未写入任何内容" : "已导入\(kind.noun.zh)"
                    Console.line("\(outcome)：读取 \(summary.read) 行\(extraLines > 0 ? "（共 \(summary.lines) 个物理行，单元格内含换行）" : "")，\(dryRun ? "将写入" : "写入") \(written) \(kind.noun.measure)\(kind.noun.zh)，拒收 \(summary.rejected) 行，用时 \(time) 秒。")
                    Console.line("\(dryRun ? "将新增" : "新增") \(wouldCommit ? summary.written : 0)，未变 \(summary.unchanged)，"
                                 + "\(dryRun ? "将更新" : "更新") \(wouldCommit ? summary.updated : 0)，冲突 \(summary.conflicts)"
                                 + (summary.committed ? summary.batch.map { "（导入批次 \($0)）。" } ?? "。" : "。"))
                } else {
                    let outcome = dryRun ? "Dry run: nothing written" : !summary.committed ? "Nothing written" : "Imported \(kind.noun.enPlural)"
                    Console.line("\(outcome): \(summary.read) rows read\(extraLines > 0 ? " (\(summary.lines) lines: some cells hold line breaks)" : ""), \(written) \(dryRun ? "would be written" : "written"), \(summary.rejected) rejected, in \(time) s.")
                    Console.line("\(wouldCommit ? summary.written : 0) \(dryRun ? "would be new" : "new"), \(summary.unchanged) unchanged, "
                                 + "\(wouldCommit ? summary.updated : 0) \(dryRun ? "would be updated" : "updated"), \(summary.conflicts) in conflict"
                                 + (summary.committed ? summary.batch.map { " (import batch \($0))." } ?? "." : "."))
                }
            }
            if summary.errors.contains(where: \.isInvalidUTF8) && options.encoding ?? .utf8 == .utf8 {
                Console.error(Self.encodingHint)
            }
            if summary.conflicts > 0 && !update {
                Console.error(Speech.say("文件里的值是对的话，加 --update 导入，按文件修改这些工单（每条都记入历史）。",
                                          "If the file's values are right, import with --update to change those orders to them (each with its history)."))
            }
            if summary.errorCount > 0 && !skipBad {
                Console.error(Speech.say("请改正上面这些行（或用 --skip-bad --rejects FILE 只导入正确的行），然后重新导入。",
                                          "Fix the rows above (or use --skip-bad --rejects FILE to import the good ones) and import again."))
                throw ExitCode(1)
            }
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
            abstract: Speech.say("以 CSV、JSON 或 Excel 工作簿（.xlsx）导出记录；`export orders` 写出的正是 `import orders` 能读的。",
                                 "Export records as CSV, JSON or an Excel workbook (.xlsx); `export orders` writes what `import orders` reads."),
            discussion: Speech.say("""
                为 Excel 准备时，--bom 写入 UTF-8 字节顺序标记和 CRLF 换行，并让电子表格不会把单元格当公式执行：\
                以 = + - @ 制表符 回车 换行 或 ' 开头的文本单元格前加一个 '。导入带字节顺序标记的文件时正好去掉这个 '，\
                所以 export --bom、import、export --bom 得到同一个文件。\
                -o 决不覆盖数据库本身、它的 -wal/-shm/-journal 文件或任何其他 SQLite 文件。
                --format xlsx 写出一个工作表的工作簿（Excel、WPS、LibreOffice 都能打开）：文字是文字，数字和金额是数字，\
                表头用 --headers 选的语言；改好后可以再导入。工作簿不能输出到终端：请用 -o 文件.xlsx。
                """, Self.englishDiscussion))
        }

        static let englishDiscussion = """
                For Excel, --bom writes a UTF-8 byte-order mark and CRLF lines, and neutralises cells a spreadsheet would run as formulas: \
                a text cell starting with = + - @ tab CR LF or ' gets a leading '. Importing a file with a byte-order mark removes \
                exactly that ', so export --bom, import, export --bom gives the same file. \
                -o never writes over the database, its -wal/-shm/-journal files or any other SQLite file. \
                --format xlsx writes a workbook of one sheet (Excel, WPS and LibreOffice open it): text as text, numbers and \
                amounts as numbers, the header in the language --headers chooses; corrected, it imports again. A workbook is \
                not written to a terminal: use -o FILE.xlsx.
                """

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("记录类型：", "") + "\(KindNames.either(KindNames.importable))" + Speech.say("。", "."))) var kind: String
        @Option(help: ArgumentHelp(Speech.say("只导出该年度。", "Only this year."))) var year: String?
        @Option(help: ArgumentHelp(Speech.say("只导出该供应商的（工单、项目）。", "Only this vendor (orders, projects)."))) var vendor: String?
        @Option(help: ArgumentHelp(Speech.say("只导出该项目的（工单、绩效指标）。", "Only this project (orders, indicators)."))) var project: String?
        @Option(help: ArgumentHelp(Speech.say("只导出该服务类别的（工单）。", "Only this category (orders)."))) var category: String?
        @Option(help: ArgumentHelp(Speech.say("只导出该单位的。", "Only this unit."))) var unit: String?
        @Option(help: ArgumentHelp(Speech.say("只导出该状态的（工单）。", "Only this status (orders)."))) var status: String?
        @Option(help: ArgumentHelp(Speech.say("csv（默认）、json 或 xlsx。", "csv (default), json or xlsx."))) var format: String = "csv"
        @Flag(help: ArgumentHelp(Speech.say("为 Excel 准备：字节顺序标记、CRLF 换行、公式单元格加防护。", "For Excel: byte-order mark, CRLF, formula cells neutralised."))) var bom = false
        @Option(name: .shortAndLong, help: ArgumentHelp(Speech.say("写入该文件（写完后才替换），而不是输出到屏幕。", "Write to this file (replaced when complete) instead of standard output."))) var output: String?
        @Flag(help: ArgumentHelp(Speech.say("不显示进度和汇总。", "No progress line and no summary."))) var quiet = false
        @Option(help: ArgumentHelp(Speech.say("CSV 列名：zh（报修时间 …）或 en（opened …）；默认跟随输出语言。JSON 的键始终为英文。",
                                              "CSV column names: zh (报修时间 …) or en (opened …); default: the language of messages. JSON keys are always English."),
                                   valueName: "zh|en"))
        var headers: String?

        func validate() throws {
            _ = try recordKind(kind)
            guard let chosen = Exporter.Format(rawValue: format) else {
                throw ValidationError(Speech.say("--format 只能是 csv、json 或 xlsx", "--format: use csv, json or xlsx"))
            }
            if chosen == .xlsx && bom {
                throw ValidationError(Speech.say("--bom 只用于 CSV；工作簿不需要它", "--bom is for CSV; a workbook needs none"))
            }
            if chosen == .xlsx && output == nil && isatty(1) == 1 {
                throw ValidationError(Speech.say("工作簿不能输出到终端；请用 -o 文件.xlsx", "a workbook cannot be written to a terminal; use -o FILE.xlsx"))
            }
            if let headers, Language(rawValue: headers) == nil { throw ValidationError(Speech.say("--headers 只能是 zh 或 en", "--headers: use zh or en")) }
        }

        func run() throws {
            let kind = try recordKind(self.kind)
            let store = try root.global.openStore(readOnly: true)
            var filters: [String: String] = [:]
            for (name, value) in [("year", year), ("vendor", vendor), ("project", project), ("category", category),
                                  ("unit", unit), ("status", status)] {
                guard let value else { continue }
                guard kind.filters.contains(where: { $0.name == name }) else {
                    throw ValidationError(Speech.say("--\(name) 不适用于\(kind.noun.zh)", "--\(name) does not apply to \(kind.noun.enPlural)"))
                }
                filters[name] = value
            }
            let sink = try output.map { try OutputSink(path: $0, database: store.path) } ?? OutputSink()
            let progress = ProgressLine(quiet: quiet || output == nil, verb: Wording(zh: "已写出", en: "Wrote"))
            let started = Importer.now()
            let exporter = Exporter(store: store, kind: kind, filters: filters, format: Exporter.Format(rawValue: format) ?? .csv, forExcel: bom,
                                    headers: headers.flatMap(Language.init(rawValue:)) ?? Speech.language)
            let count = try exporter.run(to: sink, progress: progress.update)
            try sink.finish()
            progress.end()
            if !quiet {
                let time = String(Double(Int((Importer.now() - started) * 100)) / 100)
                Console.error(Speech.say("已导出 \(count) \(kind.noun.measure)\(kind.noun.zh)\(output.map { "到 \($0)" } ?? "")，用时 \(time) 秒。",
                                         "Exported \(count) \(kind.noun.enPlural)\(output.map { " to \($0)" } ?? "") in \(time) s."))
            }
        }
    }
}
