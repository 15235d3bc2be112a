import ArgumentParser
import DRCCore

extension Drc {
    struct ServicePolicyCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "sla-policy",
                abstract: Speech.say("服务级别策略：按优先级（及合同、供应商、服务类别）的响应、到场、修复时限（分钟）、服务时间和每次超时扣分；有默认值，可修改。",
                                     "Service-level policies: response, arrival and fix limits (minutes) by priority (and contract, vendor, category), working hours, points per breach; defaults given, editable."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .servicePolicy }
    }
}
