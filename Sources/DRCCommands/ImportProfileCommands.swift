import ArgumentParser
import DRCCore

extension Drc {
    /// `drc import profile save|list|show|edit|rm`: a vendor's file format kept under a name.
    struct ImportProfileCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "profile",
                abstract: Speech.say("导入配置：按名称保存一个供应商文件的读法（列对应、不导入的列、默认值、状态用语、编码、工作表），导入时用 --profile 名称。",
                                     "Import profiles: how one vendor's files are read (column map, ignored columns, defaults, status words, encoding, sheet), "
                                         + "saved under a name and applied with import --profile NAME."),
                subcommands: [ImportProfileSave.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .importProfile }
        static var commandPath: String { "import profile" }
    }

    /// `drc import profile save NAME [options]`: a new profile, or the named one's values replaced.
    struct ImportProfileSave: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "save",
                abstract: Speech.say("保存导入配置：名称已有时，用这次给出的选项替换它原来的全部设置（记入历史）。",
                                     "Save an import profile; saving a name again replaces all its settings by the ones given (with history)."),
                discussion: Speech.say("""
                    例如：drc import profile save 美音 --map '报修时间=opened,故障类别=category' --ignore 序号 --vendor 美音 \
                    --status-map '已完成=solved,处理中=assigned' --sheet 工单
                    然后：drc import orders 美音3月.xlsx --profile 美音
                    """, """
                    For example: drc import profile save 美音 --map '报修时间=opened,故障类别=category' --ignore 序号 --vendor 美音 \
                    --status-map '已完成=solved,处理中=assigned' --sheet 工单
                    Then: drc import orders 美音3月.xlsx --profile 美音
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Speech.say("配置名称，如 美音。", "The profile's name, e.g. 美音."), valueName: "name"))
        var name: String
        @OptionGroup var vendorFile: VendorFileOptions
        @Option(help: ArgumentHelp(Speech.say("备注。", "A note."), valueName: "note"))
        var note: String?

        func validate() throws {
            if name.trimmingSpaces().isEmpty {
                throw ValidationError(Speech.say("配置名称不能为空", "the profile's name cannot be empty"))
            }
        }

        func run() throws {
            let store = try root.global.openStore()
            let format = try vendorFile.format()
            let saved = try ImportProfiles.save(name: name, format: format, note: note, store: store, actor: root.global.actorName)
            switch saved {
            case .added(let id):
                Console.line(Speech.say("已保存导入配置 #\(id) \(name)。导入时用：--profile \(name)",
                                        "Saved import profile #\(id) \(name). Apply it with --profile \(name)"))
            case .replaced(let id):
                Console.line(Speech.say("已更新导入配置 #\(id) \(name)（原设置保留在历史记录中：drc history profile \(id)）。",
                                        "Updated import profile #\(id) \(name) (its settings before stay in the history: drc history profile \(id))."))
            case .unchanged(let id):
                Console.line(Speech.say("没有变化：导入配置 #\(id) \(name) 已是这些设置。", "No change: import profile #\(id) \(name) already has those settings."))
            }
        }
    }
}
