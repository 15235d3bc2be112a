import ArgumentParser
import DRCCore

/// The root command: lists the command groups; each lives in its own file.
public struct Drc: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "drc",
        abstract: Speech.say("区数据资源中心的记录：单位、预算、项目、供应商和工单。",
                             "Records of a district government data resource centre: units, budgets, projects, vendors and work orders."),
        discussion: Speech.say("""
            每个命令都可用 --db <文件> 指定数据库（写在命令名前后均可）。不指定时，drc 使用 \
            $DRC_DB，再不然使用本用户的默认数据库：
              \(DatabaseLocation.defaultPath())

            先用 `drc demo` 建一个带示例数据的数据库，或用 `drc init` 建一个空数据库。
            输出语言：--lang zh|en，不指定时按区域设置（LANG=zh_CN.UTF-8 为中文）。
            """, """
            Every command takes --db PATH (before or after the command name). Without it, drc uses \
            $DRC_DB, else the per-user default database:
              \(DatabaseLocation.defaultPath())

            Start with `drc demo` for a seeded example, or `drc init` for an empty database.
            """),
        version: "0.1.0",
        subcommands: [
            Demo.self, Init.self, Migrate.self, Seed.self,
            UnitCommands.self, VendorCommands.self, ProjectCommands.self, CategoryCommands.self,
            BudgetCommands.self, OrderCommands.self, IndicatorCommands.self, FindingCommands.self,
            ProcurementCommands.self, ContractCommands.self, AcceptanceCommands.self, InvoiceCommands.self,
            PaymentCommands.self, BookingCommands.self, AssetCommands.self, InventoryCommands.self, StaffCommands.self, RuleSettingCommands.self, CalendarDayCommands.self, ServicePolicyCommands.self,
            Totals.self, Sla.self, Loop.self, Check.self, Score.self, Report.self, Import.self, Export.self, History.self, Restore.self, SQL.self, Backup.self,
            UserCommands.self, Serve.self,
        ]
        )
    }

    @OptionGroup var global: GlobalOptions

    public init() {}
}
