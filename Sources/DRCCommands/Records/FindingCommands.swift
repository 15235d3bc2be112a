import ArgumentParser
import DRCCore

extension Drc {
    struct FindingCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "finding", abstract: Speech.say("按部分记录的评价内容：职责、组织实施、资产管理、问题、建议、数据说明。", "The evaluation's words by section: duties, organisation, assets, problems, recommendations, data notes."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .finding }
    }
}
