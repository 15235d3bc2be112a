import ArgumentParser
import DRCCore

extension Drc {
    /// `drc import`: a file into records (the default: `drc import orders f.csv`), and the
    /// batches imports leave (list, undo).
    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("导入文件（drc import 记录类型 文件，CSV 或 .xlsx），列出导入批次，撤销一个批次，保存导入配置。",
                                     "Import a file (drc import KIND FILE, CSV or .xlsx), list the import batches, undo one, keep import profiles."),
                subcommands: subcommands,
                defaultSubcommand: ImportFile.self)
        }

        /// One line per subcommand, so that each one added merges on its own line.
        static let subcommands: [ParsableCommand.Type] = [
            ImportFile.self,
            ImportList.self,
            ImportUndo.self,
            ImportProfileCommands.self,
        ]
    }

    /// `drc import list`: every batch, oldest first.
    struct ImportList: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list",
                abstract: Speech.say("列出导入批次：文件名、指纹、时间、操作人、新增/未变/更新/拒收的数量，以及是否已撤销。",
                                     "List the import batches: file name, fingerprint, when, who, how many added, unchanged, updated and rejected, and whether undone."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            output.print(try ImportBatches(db: store.db).table())
        }
    }

    /// `drc import undo BATCH`: what the batch added removed, what it updated put back.
    struct ImportUndo: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "undo",
                abstract: Speech.say("撤销一个导入批次：删除它新增的记录，把它更新过的记录改回原样，都记入历史。",
                                     "Undo an import batch: remove the records it added and put back those it updated, with history."),
                discussion: Speech.say("之后被修改过、或已被其他记录引用的记录会使撤销被拒绝，并说明原因；什么都不会改动。撤销后，同一个文件可以再导入。",
                                       "If a record it wrote was changed afterwards, or is referred to by another record, the undo is refused with the reason and nothing changes. Once undone, the same file may be imported again."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("批次号（见 drc import list）。", "The batch number (see drc import list)."), valueName: "batch"))
        var batch: String

        func run() throws {
            let store = try root.global.openStore()
            let undone = try ImportBatches(db: store.db).undo(batch, actor: root.global.actorName, clock: store.clock)
            let noun = RecordKinds.noun(of: undone.kind)
            Console.line(Speech.say(
                "已撤销导入批次 \(undone.batch)：删除 \(undone.removed) \(noun.measure)\(noun.zh)，恢复 \(undone.reverted) \(noun.measure)\(noun.zh)的原值。",
                "Undid import batch \(undone.batch): \(undone.removed) \(noun.text(in: .en, count: undone.removed)) removed, "
                    + "\(undone.reverted) put back as they were."))
        }
    }
}
