/// The migrations compiled into this binary, in order. `PackageResources` cannot be listed,
/// so each file in `migrations/` is named here; a test checks this list against the folder.
public enum MigrationRegistry {
    public static let all: [Migration] = [
        file("V0001__create_units_and_vendors.sql", PackageResources.V0001__create_units_and_vendors_sql),
        file("V0002__create_projects_and_budgets.sql", PackageResources.V0002__create_projects_and_budgets_sql),
        file("V0003__create_work_orders.sql", PackageResources.V0003__create_work_orders_sql),
        file("V0004__create_indicators_and_history.sql", PackageResources.V0004__create_indicators_and_history_sql),
        file("V0005__ids_never_reused.sql", PackageResources.V0005__ids_never_reused_sql),
        file("V0006__create_status_events.sql", PackageResources.V0006__create_status_events_sql),
        file("V0007__create_procurement_loop.sql", PackageResources.V0007__create_procurement_loop_sql),
        file("V0008__arrival_events.sql", PackageResources.V0008__arrival_events_sql),
        file("V0009__tickets_and_import_batches.sql", PackageResources.V0009__tickets_and_import_batches_sql),
        file("V0011__loop_rules_and_calendar.sql", PackageResources.V0011__loop_rules_and_calendar_sql),
        file("V0012__create_web_users.sql", PackageResources.V0012__create_web_users_sql),
        file("V0013__report_text_in_full.sql", PackageResources.V0013__report_text_in_full_sql),
        file("V0014__indicator_scoring.sql", PackageResources.V0014__indicator_scoring_sql),
        file("V0015__loop_indexes.sql", PackageResources.V0015__loop_indexes_sql),
        file("V0016__import_profiles.sql", PackageResources.V0016__import_profiles_sql),
        file("V0017__service_levels.sql", PackageResources.V0017__service_levels_sql),
        file("V0018__service_level_met_flags.sql", PackageResources.V0018__service_level_met_flags_sql),
        file("V0019__budget_three_figures.sql", PackageResources.V0019__budget_three_figures_sql),
        file("V0020__remote_fixes.sql", PackageResources.V0020__remote_fixes_sql),
        file("V0021__web_sessions.sql", PackageResources.V0021__web_sessions_sql),
        file("V0025__import_profile_header_and_defaults.sql", PackageResources.V0025__import_profile_header_and_defaults_sql),
        file("V0030__contract_lines_and_stage_dates.sql", PackageResources.V0030__contract_lines_and_stage_dates_sql),
        file("V0031__stage_condition_kinds.sql", PackageResources.V0031__stage_condition_kinds_sql),
        file("V0032__acceptance_publicity_and_bidders.sql", PackageResources.V0032__acceptance_publicity_and_bidders_sql),
        file("V0033__fixed_assets.sql", PackageResources.V0033__fixed_assets_sql),
        file("V0034__staff_register.sql", PackageResources.V0034__staff_register_sql),
    ]

    private static func file(_ name: String, _ contents: [UInt8]) -> Migration {
        guard let migration = Migration(fileName: name, contents: contents) else {
            preconditionFailure("migration file \(name) does not follow V<version>__<name>.sql")
        }
        return migration
    }
}
