import ArgumentParser
import DRCCore

extension Drc {
    struct OrderCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "order", abstract: Speech.say("工单：供应商提供的服务及其状态。", "Work orders (工单): the services vendors give, and their status."),
                subcommands: [
                    AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self,
                    Transition<Assign>.self, Transition<Pend>.self, Transition<Solve>.self, Transition<Close>.self,
                    Transition<Cancel>.self, Transition<Reopen>.self,
                ])
        }
        static var kind: RecordKind { .order }
    }
}
