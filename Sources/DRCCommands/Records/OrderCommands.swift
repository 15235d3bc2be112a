import ArgumentParser
import DRCCore

extension Drc {
    struct OrderCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "order", abstract: "Work orders (工单): the services vendors give, and their status.",
            subcommands: [
                AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self,
                Transition<Assign>.self, Transition<Pend>.self, Transition<Solve>.self, Transition<Close>.self,
                Transition<Cancel>.self, Transition<Reopen>.self,
            ])
        static var kind: RecordKind { .order }

        /// `order add`: every field, the starting status among them.
        struct Fields: FieldOptions {
            @OptionGroup var details: EditFields
            @Option(help: "Status when adding: new (default) … closed; afterwards use the status commands.") var status: String?

            var values: [String: String] {
                details.values.merging(Self.collect([("status", status)])) { $1 }
            }
        }

        /// `order edit`: every field but the status, which changes only through the status commands.
        struct EditFields: FieldOptions {
            @Option(help: "The year (taken from --opened when not given).") var year: String?
            @Option(help: "The vendor (id, name, part of the name, or credit code).") var vendor: String?
            @Option(help: "The project.") var project: String?
            @Option(help: "The category.") var category: String?
            @Option(help: "The unit that asked for it.") var unit: String?
            @Option(help: "Opened: 2020-03-02 14:05, 2020/3/2 or 2020年3月2日.") var opened: String?
            @Option(help: "Solved, same forms.") var solved: String?
            @Option(help: "Closed, same forms.") var closed: String?
            @Option(help: "What was asked.") var summary: String?
            @Option(help: "What was done.") var solution: String?
            @Option(help: "Where the record came from (default: entered).") var source: String?

            var values: [String: String] {
                Self.collect([("year", year), ("vendor", vendor), ("project", project), ("category", category),
                              ("unit", unit), ("opened", opened), ("solved", solved),
                              ("closed", closed), ("summary", summary), ("solution", solution), ("source", source)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only this year.") var year: String?
            @Option(help: "Only this vendor.") var vendor: String?
            @Option(help: "Only this project.") var project: String?
            @Option(help: "Only this category.") var category: String?
            @Option(help: "Only this unit.") var unit: String?
            @Option(help: "Only this status.") var status: String?
            @Option(help: "Opened on or after this date.") var from: String?
            @Option(help: "Opened on or before this date.") var to: String?
            @Option(help: "Only records from this source (entered, 2020 report, a file name).") var source: String?

            var values: [String: String] {
                Self.collect([("year", year), ("vendor", vendor), ("project", project), ("category", category),
                              ("unit", unit), ("status", status), ("from", from), ("to", to), ("source", source)])
            }
        }
    }
}
