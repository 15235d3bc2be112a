import ArgumentParser
import DRCCore

extension Drc {
    struct IndicatorCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "indicator", abstract: Speech.say("项目和单位的绩效指标。", "Performance indicators (绩效指标) of projects and of the unit."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .indicator }
    }
}
