import ArgumentParser
import DRCCore
import DRCText

/// What a record group (`drc vendor …`) supplies to the shared add, list, show, edit and rm:
/// its kind. The options come from the kind's fields and filters (`FieldOption`).
protocol RecordGroup {
    /// `--wan` for kinds with amounts (`WanOption`); nothing for the others.
    associatedtype Amounts: AmountOptions = NoAmounts
    static var kind: RecordKind { get }
    /// The words before the subcommand in a usage line: `vendor`, `import profile`.
    static var commandPath: String { get }
}

/// How list and show print amounts.
protocol AmountOptions: ParsableArguments {
    var inWan: Bool { get }
}

/// For kinds with money columns: `--wan`.
struct WanOption: AmountOptions {
    @Flag(name: .customLong("wan"), help: ArgumentHelp(Speech.say("金额以万元显示（默认为元）。", "Show amounts in 万元 instead of yuan.")))
    var inWan = false
}

/// For kinds without amounts: no option to offer.
struct NoAmounts: AmountOptions {
    var inWan: Bool { false }
}

extension RecordGroup {
    static var commandPath: String { kind.name }

    /// The noun in the run's language: 供应商 / vendor.
    static var noun: String { kind.noun.text(in: Speech.language) }
    static var referenceHelp: ArgumentHelp {
        ArgumentHelp(Speech.say("\(noun)：编号，或名称、编码。", "The \(kind.noun.en): its id, or its name or code."))
    }

    /// A command's configuration whose help lists the kind's options for it.
    static func configuration(_ name: String, abstract: String, options: [FieldOption], usage: String) -> CommandConfiguration {
        CommandConfiguration(
            commandName: name, abstract: abstract,
            usage: "drc \(commandPath) \(name) \(usage)",
            discussion: Speech.showsHelp ? FieldOption.helpSection(options, title: Speech.say("字段选项：", "FIELD OPTIONS:")) : "")
    }
}

struct AddRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        Group.configuration("add", abstract: Speech.say("添加\(Group.noun)。", "Add \(EnglishNoun.withArticle(Group.kind))."),
                            options: FieldOption.adding(Group.kind), usage: "[--<field> <value> ...] [--db <path>] [--as <name>]")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: FieldWords

    /// Checked while parsing, so a mistyped option is a usage error of this command.
    func validate() throws { _ = try fields.values(for: FieldOption.adding(Group.kind), noun: Group.kind.noun) }

    func run() throws {
        let values = try fields.values(for: FieldOption.adding(Group.kind), noun: Group.kind.noun)
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let added = try repository.adding(values)
        let id = added.value
        let title = RecordText.title(of: id, in: repository)
        Console.line(Speech.say("已添加\(Group.noun) #\(id)\(title)。", "Added \(Group.kind.name) #\(id)\(title)."))
        WarningOutput.print(added.warnings + (try LikelyDuplicates.warnings(db: store.db, kind: Group.kind, id: id)))
    }
}

struct EditRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        Group.configuration("edit", abstract: Speech.say("修改\(Group.noun)的字段；只改给出的字段。",
                                                         "Change fields of \(EnglishNoun.withArticle(Group.kind)); only the ones given change."),
                            options: FieldOption.editing(Group.kind),
                            usage: "<reference> [--<field> <value> ...] [--clear <field> ...] [--db <path>] [--as <name>]")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: Group.referenceHelp) var reference: String
    @Option(name: .customLong("clear"), help: ArgumentHelp(Speech.say("把字段设为未知（可重复）。", "Set a field to unknown (repeatable)."),
                                                           valueName: "field"))
    var clearing: [String] = []
    @OptionGroup var fields: FieldWords

    func validate() throws { _ = try fields.values(for: FieldOption.editing(Group.kind), noun: Group.kind.noun) }

    func run() throws {
        let values = try fields.values(for: FieldOption.editing(Group.kind), noun: Group.kind.noun)
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let edited = try repository.editing(id, set: values, clearing: clearing)
        let title = RecordText.title(of: id, in: repository)
        if edited.value {
            Console.line(Speech.say("已修改\(Group.noun) #\(id)\(title)。", "Updated \(Group.kind.name) #\(id)\(title)."))
        } else {
            Console.line(Speech.say("没有变化：\(Group.noun) #\(id) 已是这些值。", "No change: \(Group.kind.name) #\(id) already has those values."))
        }
        WarningOutput.print(edited.warnings)
    }
}

struct ListRecords<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        Group.configuration("list", abstract: Speech.say("列出\(Group.noun)。", "List \(Group.kind.noun.enPlural)."),
                            options: FieldOption.filtering(Group.kind),
                            usage: "[--<filter> <value> ...] [--format <format>] [--limit <limit>] [--db <path>]")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var amounts: Group.Amounts
    @Option(help: ArgumentHelp(Speech.say("最多显示这么多条（表格默认显示 1000 条）。", "Show at most this many (a table shows 1000 unless told otherwise).")))
    var limit: Int?
    @OptionGroup var filters: FieldWords

    /// A table is for reading: past this many rows it stops and says how to get the rest.
    static var tableRows: Int { 1000 }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError(Speech.say("--limit 不能为负数", "--limit must be zero or more")) }
        _ = try filters.values(for: FieldOption.filtering(Group.kind), noun: Group.kind.noun)
    }

    func run() throws {
        let given = try filters.values(for: FieldOption.filtering(Group.kind), noun: Group.kind.noun)
        let store = try root.global.openStore(readOnly: true)
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let cap = limit ?? (output.format == .table ? Self.tableRows + 1 : nil)
        var table = try repository.list(filters: given, amountsInWan: amounts.inWan, limit: cap)
        let cut = limit == nil && output.format == .table && table.rows.count > Self.tableRows
        if cut { table.rows.removeLast(table.rows.count - Self.tableRows) }
        output.print(table)
        if output.format == .table {
            // A limit that stopped the list: say how many there are in all, counted with the same filters.
            let all = limit.map { table.rows.count >= $0 } == true ? try repository.count(filters: given) : Int64(table.rows.count)
            let noun = Group.kind.noun.text(in: .en, count: all)
            let shown = table.rows.count
            if cut {
                Console.line(Speech.say("只显示前 \(Self.tableRows) \(Group.kind.noun.measure)\(Group.noun)；还有更多：请缩小筛选范围，或用 --limit N 或 --format csv。",
                                        "The first \(Self.tableRows) \(noun); there are more: narrow the filters, or use --limit N or --format csv."))
            } else if all > shown {
                Console.line(Speech.say("共 \(all) \(Group.kind.noun.measure)\(Group.noun)，显示 \(shown) \(Group.kind.noun.measure)", "\(shown) of \(all) \(noun)"))
            } else {
                Console.line(Speech.say("共 \(shown) \(Group.kind.noun.measure)\(Group.noun)", "\(shown) \(noun)"))
            }
        }
    }
}

struct ShowRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Speech.say("显示一条\(Group.noun)的全部字段。", "Show one \(Group.kind.noun.en) with every field."))
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: Group.referenceHelp) var reference: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var amounts: Group.Amounts

    func run() throws {
        let store = try root.global.openStore(readOnly: true)
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let table = try repository.show(try repository.resolve(reference), amountsInWan: amounts.inWan)
        output.printRecord(table)
    }
}

struct RemoveRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rm", abstract: Speech.say("删除\(Group.noun)；仍有其他记录引用它时拒绝删除。",
                                                                     "Delete \(EnglishNoun.withArticle(Group.kind)); refused while other records refer to it."))
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: Group.referenceHelp) var reference: String

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let title = RecordText.title(of: id, in: repository)
        try repository.delete(id)
        Console.line(Speech.say("已删除\(Group.noun) #\(id)\(title)。其原值保留在历史记录中：drc history \(Group.kind.name) \(id)",
                                "Deleted \(Group.kind.name) #\(id)\(title). Its values stay in the history: drc history \(Group.kind.name) \(id)"))
    }
}

enum RecordText {
    /// " 湖南美音网络技术有限公司", or nothing for kinds without a title.
    static func title(of id: Int64, in repository: RecordRepository) -> String {
        guard let column = repository.kind.titleColumn,
              let title = try? repository.row(id)[column].displayText, !title.isEmpty else { return "" }
        return " " + title
    }
}
