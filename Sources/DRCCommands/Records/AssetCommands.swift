import ArgumentParser
import DRCCore

extension Drc {
    struct AssetCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "asset", abstract: Speech.say("固定资产卡片：资产及其购置合同、验收、发票和入账凭证。", "Fixed-asset cards (固定资产卡片): assets and the contract, acceptance, invoice and booking that brought them."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .asset }
        typealias Amounts = WanOption
    }

    struct InventoryCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "inventory", abstract: Speech.say("盘点：某日逐件清点资产，是否找到、在何处。", "Inventories (盘点): the assets counted on a day, each found or not, and where."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .inventory }
    }
}
