import ArgumentParser
import DRCCore
#if canImport(Glibc)
import Glibc
#endif

/// The kinds `import` and `export` take, by the names clerks use (`orders` or `order`).
func recordKind(_ name: String) throws -> RecordKind {
    guard let kind = RecordKinds.named(name), kind.capabilities.contains(.importable) else {
        throw ValidationError("unknown kind \"\(name)\"; use one of: \(KindNames.importable.joined(separator: ", "))")
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
            throw ValidationError("unknown kind \"\(name)\"; use one of: \(all.joined(separator: ", "))")
        }
        return kind
    }

    /// "a, b or c".
    static func either(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}

/// A progress line on standard error, only when it is a terminal and not silenced.
struct ProgressLine {
    let enabled: Bool
    let verb: String
    let started = Importer.now()

    init(quiet: Bool, verb: String) {
        enabled = !quiet && isatty(2) == 1
        self.verb = verb
    }

    func update(_ rows: Int) {
        guard enabled else { return }
        let seconds = max(Importer.now() - started, 0.001)
        Console.progress("\(verb) \(rows) rows (\(Int(Double(rows) / seconds)) rows/s)")
    }

    func end() {
        guard enabled else { return }
        Console.endProgress()
    }
}

extension Drc {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import records from a CSV file: all or nothing, every row validated as `add` validates it.",
            discussion: """
                The first line names the columns (the fields of `add`, in any order); references by name or code. \
                One bad row and nothing is written: the errors are listed with line, column and reason. \
                With --skip-bad --rejects FILE the good rows are written and every bad row goes to FILE with a reason. \
                Dates may be written 2020-03-02, 2020-03-02 14:05, 2020/3/2 or 2020年3月2日. \
                A byte-order mark names the encoding (UTF-8, or UTF-16 as Excel's "Unicode text"); a first line with tabs and no commas \
                makes the file tab-separated. In a file with a byte-order mark a leading ' before = + - @ tab CR LF or ' is export --bom's \
                formula guard and is removed. The rejects file is written in the source's encoding, byte-order mark and delimiter, \
                appears only with the import's commit, and imports again once fixed (its reason column is ignored).
                """)

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "\(KindNames.either(KindNames.importable)).") var kind: String
        @Argument(help: "The CSV file, or - for standard input.") var file: String
        @Flag(help: "Validate everything and write nothing.") var dryRun = false
        @Flag(help: "Write the good rows; put the bad ones in the --rejects file.") var skipBad = false
        @Option(help: "Where --skip-bad writes the bad rows, each with a reason column.") var rejects: String?
        @Option(help: "The file's encoding: utf-8 (default) or gb18030 (Chinese Excel).") var encoding: String = "utf-8"
        @Flag(help: "No progress line and no summary.") var quiet = false

        /// What to try when a file is not UTF-8.
        static var encodingHint: String {
            Speech.say("提示：如果文件是中文 Excel 保存的，请加上 --encoding gb18030 再导入。",
                        "Hint: if the file was saved by Chinese Excel, import it with --encoding gb18030.")
        }

        func validate() throws {
            _ = try recordKind(kind)
            if skipBad && rejects == nil { throw ValidationError("--skip-bad needs --rejects FILE for the bad rows") }
            if rejects != nil && !skipBad { throw ValidationError("--rejects goes with --skip-bad") }
            if TextEncoding(name: encoding) == nil { throw ValidationError("--encoding: use utf-8 or gb18030") }
        }

        func run() throws {
            let kind = try recordKind(self.kind)
            let store = try root.global.openStore()
            var options = ImportOptions(sourceName: file == "-" ? "standard input" : file)
            options.dryRun = dryRun
            options.skipBad = skipBad
            options.rejectsPath = rejects
            options.inputPath = file == "-" ? nil : file
            options.encoding = TextEncoding(name: encoding) ?? .utf8
            let messages = Speech.messages
            options.rejectReason = { messages.problem($0.problem) }
            let progress = ProgressLine(quiet: quiet, verb: "Read")
            let importer = Importer(store: store, kind: kind, actor: root.global.actorName, options: options, progress: progress.update)
            let summary: ImportSummary
            do {
                summary = try importer.run(try FileSource(path: file))
            } catch let error as DRCError where error.isInvalidUTF8 && options.encoding == .utf8 {
                progress.end()
                Console.error(Drc.errorLine(messages.error(error)))
                Console.error(Self.encodingHint)
                throw ExitCode(1)
            }
            progress.end()
            if summary.errorCount > 0 {
                for error in summary.errors { Console.error("drc: \(messages.row(error))") }
                if summary.errorCount > summary.errors.count {
                    Console.error(Speech.say("drc: ……另有 \(summary.errorCount - summary.errors.count) 个错误",
                                              "drc: … and \(summary.errorCount - summary.errors.count) more errors"))
                }
            }
            let time = String(Double(Int(summary.seconds * 100)) / 100)
            let written = summary.committed ? summary.written : 0
            if !quiet || (summary.errorCount > 0 && !skipBad) {
                let outcome = dryRun ? "Dry run: nothing written" : !summary.committed ? "Nothing written" : "Imported \(kind.plural)"
                Console.line("\(outcome): \(summary.read) rows read, \(written) written, \(summary.rejected) rejected, in \(time) s.")
            }
            if summary.errors.contains(where: \.isInvalidUTF8) && options.encoding == .utf8 {
                Console.error(Self.encodingHint)
            }
            if summary.errorCount > 0 && !skipBad {
                Console.error(Speech.say("请改正上面这些行（或用 --skip-bad --rejects FILE 只导入正确的行），然后重新导入。",
                                          "Fix the rows above (or use --skip-bad --rejects FILE to import the good ones) and import again."))
                throw ExitCode(1)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export records as CSV or JSON, streamed; `export orders` writes what `import orders` reads.",
            discussion: """
                For Excel, --bom writes a UTF-8 byte-order mark and CRLF lines, and neutralises cells a spreadsheet would run as formulas: \
                a text cell starting with = + - @ tab CR LF or ' gets a leading '. Importing a file with a byte-order mark removes \
                exactly that ', so export --bom, import, export --bom gives the same file. \
                -o never writes over the database, its -wal/-shm/-journal files or any other SQLite file.
                """)

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: "\(KindNames.either(KindNames.importable)).") var kind: String
        @Option(help: "Only this year.") var year: String?
        @Option(help: "Only this vendor (orders, projects).") var vendor: String?
        @Option(help: "Only this project (orders, indicators).") var project: String?
        @Option(help: "Only this category (orders).") var category: String?
        @Option(help: "Only this unit.") var unit: String?
        @Option(help: "Only this status (orders).") var status: String?
        @Option(help: "csv (default) or json.") var format: String = "csv"
        @Flag(help: "For Excel: byte-order mark, CRLF, formula cells neutralised.") var bom = false
        @Option(name: .shortAndLong, help: "Write to this file (replaced when complete) instead of standard output.") var output: String?
        @Flag(help: "No progress line and no summary.") var quiet = false
        @Option(help: ArgumentHelp("CSV column names: zh (报修时间 …) or en (opened …); default: the language of messages. JSON keys are always English.",
                                   valueName: "zh|en"))
        var headers: String?

        func validate() throws {
            _ = try recordKind(kind)
            if Exporter.Format(rawValue: format) == nil { throw ValidationError("--format: use csv or json") }
            if let headers, Language(rawValue: headers) == nil { throw ValidationError("--headers: use zh or en") }
        }

        func run() throws {
            let kind = try recordKind(self.kind)
            let store = try root.global.openStore(readOnly: true)
            var filters: [String: String] = [:]
            for (name, value) in [("year", year), ("vendor", vendor), ("project", project), ("category", category),
                                  ("unit", unit), ("status", status)] {
                guard let value else { continue }
                guard kind.filters.contains(where: { $0.name == name }) else {
                    throw ValidationError("--\(name) does not apply to \(kind.plural)")
                }
                filters[name] = value
            }
            let sink = try output.map { try OutputSink(path: $0, database: store.path) } ?? OutputSink()
            let progress = ProgressLine(quiet: quiet || output == nil, verb: "Wrote")
            let started = Importer.now()
            let exporter = Exporter(store: store, kind: kind, filters: filters, format: Exporter.Format(rawValue: format) ?? .csv, forExcel: bom,
                                    headers: headers.flatMap(Language.init(rawValue:)) ?? Speech.language)
            let count = try exporter.run(to: sink, progress: progress.update)
            try sink.finish()
            progress.end()
            if !quiet {
                let time = String(Double(Int((Importer.now() - started) * 100)) / 100)
                Console.error("Exported \(count) \(kind.plural)\(output.map { " to \($0)" } ?? "") in \(time) s.")
            }
        }
    }
}
