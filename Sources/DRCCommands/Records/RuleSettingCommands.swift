import ArgumentParser
import DRCCore

extension Drc {
    struct RuleSettingCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "rule",
                abstract: Speech.say("疑点核查的设置：公开招标数额、期限（天、工作日）、补充合同比例；有默认值，可修改。",
                                     "Settings of the 疑点 checks: the tender threshold, day limits, the supplement share; defaults given, editable."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .ruleSetting }
    }

    struct CalendarDayCommands: ParsableCommand, RecordGroup {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "calendar",
                abstract: Speech.say("工作日历的例外：节假日和调休上班日（可用 drc import calendars 文件 导入）。",
                                     "The working-day calendar's exceptions: holidays and weekend days worked (import with drc import calendars FILE)."),
                subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        }
        static var kind: RecordKind { .calendarDay }
    }
}
