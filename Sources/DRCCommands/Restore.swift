import ArgumentParser
import DRCCore

extension Drc {
    struct Restore: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("从历史中恢复已删除的记录，编号和关联不变（`drc restore vendor 4`）。",
                                     "Bring a deleted record back from its history, with its id and links (`drc restore vendor 4`)."),
                discussion: Speech.say("以下情况会拒绝并说明原因：记录仍在、从未删除、引用的记录已不存在，或其名称、编码已被其他记录占用。",
                                       "Refused, with the reason, when the record exists, was never deleted, refers to a record that is gone, or another record has taken its unique name or code."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("记录类型：\(KindNames.either(KindNames.all))。", "The kind of record: \(KindNames.either(KindNames.all))."))) var kind: String
        @Argument(help: ArgumentHelp(Speech.say("已删除记录的编号。", "The deleted record's id."))) var id: Int64

        func validate() throws {
            _ = try KindNames.kind(kind)
        }

        func run() throws {
            let kind = try KindNames.kind(kind)
            let store = try root.global.openStore()
            let repository = RecordRepository(store: store, kind: kind, actor: root.global.actorName)
            try repository.restore(id)
            Console.line(Speech.say("已恢复\(kind.noun.zh) #\(id)\(RecordText.title(of: id, in: repository))。",
                                    "Restored \(kind.name) #\(id)\(RecordText.title(of: id, in: repository))."))
        }
    }
}
