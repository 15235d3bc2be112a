import ArgumentParser
import DRCCore

extension Drc {
    struct AcceptanceCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "acceptance", abstract: Speech.say("验收：合同的验收，含验收人员和验收项目。", "Acceptances (验收) of contracts, with their members and items."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .acceptance }
    }
}
