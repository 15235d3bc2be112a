import ArgumentParser
import DRCCore

extension Drc {
    struct UnitCommands: ParsableCommand, RecordGroup {
        static let configuration = CommandConfiguration(
            commandName: "unit", abstract: "Units (单位): the centre, its offices and the units it serves.",
            subcommands: [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, RemoveRecord<Self>.self])
        static var kind: RecordKind { .unit }

        struct Fields: FieldOptions {
            @Option(help: "Full name, e.g. 长沙市芙蓉区数据资源中心.") var name: String?
            @Option(name: .customLong("short-name"), help: "Short name, e.g. 区数据资源中心.") var shortName: String?
            @Option(help: "The unit above this one (id, name or short name).") var parent: String?
            @Option(help: "What the unit is, e.g. 区政府直属公益一类事业单位.") var description: String?
            @Option(help: "Authorised posts (核定编制).") var posts: String?
            @Option(help: "Staff in post (实际在职人员).") var staff: String?

            var values: [String: String] {
                Self.collect([("name", name), ("short-name", shortName), ("parent", parent), ("description", description),
                              ("posts", posts), ("staff", staff)])
            }
        }

        struct Filters: FieldOptions {
            @Option(help: "Only units directly below this one.") var parent: String?
            var values: [String: String] { Self.collect([("parent", parent)]) }
        }
    }
}
