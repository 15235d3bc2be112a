import ArgumentParser
import DRCCore
import DRCText

/// `drc payment reverse ID`: corrects an entry that stands by a reversing entry, which names it
/// and carries its amounts negated; its own date and voucher may be given.
struct ReverseRecord<Group: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        Group.configuration("reverse", abstract: Speech.say("冲销一笔已生效的\(Group.noun)：新增一笔金额相反、注明所冲销记录的\(Group.noun)。",
                                                            "Reverse \(EnglishNoun.withArticle(Group.kind)) that stands: add one with its amounts negated that names it."),
                            options: FieldOption.reversing(Group.kind),
                            usage: "<reference> [--<field> <value> ...] [--db <path>] [--as <name>]")
    }

    @ParentCommand var root: Drc
    @OptionGroup var global: GlobalOptions
    @Argument(help: Group.referenceHelp) var reference: String
    @OptionGroup var fields: FieldWords

    func validate() throws { _ = try fields.values(for: FieldOption.reversing(Group.kind), noun: Group.kind.noun) }

    func run() throws {
        let values = try fields.values(for: FieldOption.reversing(Group.kind), noun: Group.kind.noun)
        let store = try root.global.openStore()
        let repository = RecordRepository(store: store, kind: Group.kind, actor: root.global.actorName)
        let id = try repository.resolve(reference)
        let reversing = try repository.reverse(id, changing: values)
        Console.line(Speech.say("已冲销\(Group.noun) #\(id)：冲销记录为 #\(reversing)。", "Reversed \(Group.kind.name) #\(id) by #\(reversing)."))
    }
}
