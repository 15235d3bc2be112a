import ArgumentParser
import DRCCore

/// What a record group (`drc vendor …`) supplies to the shared add, list, show, edit and rm.
protocol RecordGroup {
    associatedtype Fields: FieldOptions
    associatedtype Filters: FieldOptions
    static var kind: RecordKind { get }
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
    @OptionGroup var fields: Group.Fields

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.add(fields.values)
        print("Added \(Group.kind.name) #\(id)\(RecordText.title(of: id, in: repository)).")
    }
}

struct EditRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "edit", abstract: "Change fields of \(Group.kind.withArticle); only the ones given change.")
    }

    @ParentCommand var root: Drc
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String
    @OptionGroup var fields: Group.Fields
    @Option(name: .customLong("clear"), help: ArgumentHelp("Set a field to unknown (repeatable).", valueName: "field"))
    var clearing: [String] = []

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        if try repository.edit(id, set: fields.values, clearing: clearing) {
            print("Updated \(Group.kind.name) #\(id)\(RecordText.title(of: id, in: repository)).")
        } else {
            print("No change: \(Group.kind.name) #\(id) already has those values.")
        }
    }
}

struct ListRecords<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List \(Group.kind.plural).")
    }

    @ParentCommand var root: Drc
    @OptionGroup var filters: Group.Filters
    @OptionGroup var output: OutputOptions
    @Flag(help: "Show amounts in 万元 instead of yuan.") var wan = false
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
        var table = try repository.list(filters: filters.values, amountsInWan: wan, limit: cap)
        let cut = limit == nil && output.format == .table && table.rows.count > Self.tableRows
        if cut { table.rows.removeLast(table.rows.count - Self.tableRows) }
        output.print(table)
        if output.format == .table {
            let noun = table.rows.count == 1 ? Group.kind.singular : Group.kind.plural
            print(cut ? "The first \(Self.tableRows) \(noun); there are more: narrow the filters, or use --limit N or --format csv."
                      : "\(table.rows.count) \(noun)")
        }
    }
}

struct ShowRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: "Show one \(Group.kind.singular) with every field.")
    }

    @ParentCommand var root: Drc
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String
    @OptionGroup var output: OutputOptions
    @Flag(help: "Show amounts in 万元 instead of yuan.") var wan = false

    func run() throws {
        let store = try root.global.openStore(readOnly: true)
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let table = try repository.show(try repository.resolve(reference), amountsInWan: wan)
        output.printRecord(table)
    }
}

struct RemoveRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "rm", abstract: "Delete \(Group.kind.withArticle); refused while other records refer to it.")
    }

    @ParentCommand var root: Drc
    @Argument(help: "The \(Group.kind.singular): its id, or its name or code.") var reference: String

    func run() throws {
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let title = RecordText.title(of: id, in: repository)
        try repository.delete(id)
        print("Deleted \(Group.kind.name) #\(id)\(title). Its values stay in the history: drc history \(Group.kind.name) \(id)")
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
