import ArgumentParser
import DRCCore

/// What a record group (`drc vendor …`) supplies to the shared add, list, show, edit and rm.
protocol RecordGroup {
    associatedtype Fields: FieldOptions
    /// What `edit` offers: the fields, less any that change only another way (an order's status).
    associatedtype EditFields: FieldOptions = Fields
    associatedtype Filters: FieldOptions
    /// `--wan` for kinds with amounts (`WanOption`); nothing for the others.
    associatedtype Amounts: AmountOptions = NoAmounts
    static var kind: RecordKind { get }
}

/// How list and show print amounts.
protocol AmountOptions: ParsableArguments {
    var inWan: Bool { get }
}

/// For kinds with money columns: `--wan`.
struct WanOption: AmountOptions {
    @Flag(name: .customLong("wan"), help: "Show amounts in 万元 instead of yuan.") var inWan = false
}

/// For kinds without amounts: no option to offer.
struct NoAmounts: AmountOptions {
    var inWan: Bool { false }
}

/// Options that carry field values: only the ones given appear in `values` (name → text).
protocol FieldOptions: ParsableArguments {
    var values: [String: String] { get }
}

extension FieldOptions {
    /// Collects the given options, skipping the ones left out.
    static func collect(_ pairs: [(String, String?)]) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in pairs { if let value { values[name] = value } }
        return values
    }
}

/// A kind with nothing to filter by but the year or nothing at all.
struct NoFilters: FieldOptions {
    var values: [String: String] { [:] }
}

struct AddRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: "Add \(Group.kind.withArticle).")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: Group.Fields

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let added = try repository.adding(fields.values)
        let id = added.value
        Console.line("Added \(Group.kind.name) #\(id)\(RecordText.title(of: id, in: repository)).")
        WarningOutput.print(added.warnings)
    }
}

struct EditRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "edit", abstract: "Change fields of \(Group.kind.withArticle); only the ones given change.")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String
    @OptionGroup var fields: Group.EditFields
    @Option(name: .customLong("clear"), help: ArgumentHelp("Set a field to unknown (repeatable).", valueName: "field"))
    var clearing: [String] = []

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let edited = try repository.editing(id, set: fields.values, clearing: clearing)
        if edited.value {
            Console.line("Updated \(Group.kind.name) #\(id)\(RecordText.title(of: id, in: repository)).")
        } else {
            Console.line("No change: \(Group.kind.name) #\(id) already has those values.")
        }
        WarningOutput.print(edited.warnings)
    }
}

struct ListRecords<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List \(Group.kind.plural).")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: Group.Filters
    @OptionGroup var output: OutputOptions
    @OptionGroup var amounts: Group.Amounts
    @Option(help: "Show at most this many (a table shows 1000 unless told otherwise).") var limit: Int?

    /// A table is for reading: past this many rows it stops and says how to get the rest.
    static var tableRows: Int { 1000 }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let store = try root.global.openStore(readOnly: true)
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let cap = limit ?? (output.format == .table ? Self.tableRows + 1 : nil)
        var table = try repository.list(filters: filters.values, amountsInWan: amounts.inWan, limit: cap)
        let cut = limit == nil && output.format == .table && table.rows.count > Self.tableRows
        if cut { table.rows.removeLast(table.rows.count - Self.tableRows) }
        output.print(table)
        if output.format == .table {
            // A limit that stopped the list: say how many there are in all, counted with the same filters.
            let all = limit.map { table.rows.count >= $0 } == true ? try repository.count(filters: filters.values) : Int64(table.rows.count)
            let noun = all == 1 ? Group.kind.singular : Group.kind.plural
            Console.line(cut ? "The first \(Self.tableRows) \(noun); there are more: narrow the filters, or use --limit N or --format csv."
                      : all > table.rows.count ? "\(table.rows.count) of \(all) \(noun)" : "\(table.rows.count) \(noun)")
        }
    }
}

struct ShowRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: "Show one \(Group.kind.singular) with every field.")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String
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
        CommandConfiguration(commandName: "rm", abstract: "Delete \(Group.kind.withArticle); refused while other records refer to it.")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let title = RecordText.title(of: id, in: repository)
        try repository.delete(id)
        Console.line("Deleted \(Group.kind.name) #\(id)\(title). Its values stay in the history: drc history \(Group.kind.name) \(id)")
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
