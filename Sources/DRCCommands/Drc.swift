import ArgumentParser
import DRCCore

/// The root command: lists the command groups; each lives in its own file.
public struct Drc: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "drc",
        abstract: "Records of a district government data resource centre: units, budgets, projects, vendors and work orders.",
        discussion: """
            Every command takes --db PATH (before or after the command name). Without it, drc uses \
            $DRC_DB, else the per-user default database:
              \(DatabaseLocation.defaultPath())

            Start with `drc demo` for a seeded example, or `drc init` for an empty database.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self, Init.self, Migrate.self, Seed.self,
            UnitCommands.self, VendorCommands.self, ProjectCommands.self, CategoryCommands.self,
            BudgetCommands.self, OrderCommands.self, IndicatorCommands.self, FindingCommands.self,
            ProcurementCommands.self, ContractCommands.self, AcceptanceCommands.self, InvoiceCommands.self,
            PaymentCommands.self, BookingCommands.self,
            Totals.self, Check.self, Report.self, Import.self, Export.self, History.self, Restore.self, SQL.self, Backup.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    public init() {}
}
