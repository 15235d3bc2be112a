import ArgumentParser
import DRCCore

extension Drc {
    struct StaffCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "staff", abstract: Speech.say("人员：中心工作人员的姓名、岗位和科室，不相容岗位检查（R12）据此认人。",
                                                          "Staff (人员): the centre's people by name, post and office; R12 (不相容岗位) tells people apart by this register."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .staff }
    }
}
