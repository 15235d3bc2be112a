import DRCCore
import Foundation
import Testing

/// The record commands' options are the kinds' own declarations: every field is an option of
/// `add`, every editable one of `edit`, every filter of `list`, in the help of either language.
@Suite struct FieldOptionTests {
    static let groups: [String: RecordKind] = [
        "unit": .unit, "vendor": .vendor, "project": .project, "category": .category,
        "budget": .budget, "order": .order, "indicator": .indicator, "finding": .finding,
        "procurement": .procurement, "contract": .contract, "acceptance": .acceptance, "invoice": .invoice,
        "payment": .payment, "booking": .booking, "asset": .asset, "inventory": .inventory, "staff": .staff, "rule": .ruleSetting, "calendar": .calendarDay,
        "sla-policy": .servicePolicy,
    ]
    /// Groups under another command, whose records are made by a command of their own
    /// (`drc import profile save NAME …`, tested in ImportProfileTests): their edit and list are
    /// the shared ones.
    static let nestedGroups: [String: RecordKind] = ["import profile": .importProfile]

    @Test func everyDeclaredFieldAndFilterIsAnOptionInTheHelp() throws {
        try withTemporaryFolder { folder throws in
            #expect(Set((Array(Self.groups.values) + Array(Self.nestedGroups.values)).map(\.id)) == Set(RecordKinds.all.map(\.id)),
                    "a kind without a command group")
            for (group, kind) in Self.nestedGroups {
                let path = group.split(separator: " ").map(String.init)
                let edit = try drc(path + ["edit", "--help"], in: folder)
                let chinese = try drc(path + ["edit", "--help"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
                for field in kind.fields {
                    #expect(edit.stdout.contains("--\(field.name) <\(field.name)>"), "\(group) edit --\(field.name)")
                    #expect(chinese.stdout.contains("--\(field.name) <\(field.label.zh)>"), "\(group) edit --\(field.name) in Chinese")
                }
                #expect(edit.stdout.contains("drc \(group) edit"), "\(group) edit's usage names its path")
            }
            for (group, kind) in Self.groups {
                let add = try drc([group, "add", "--help"], in: folder)
                let edit = try drc([group, "edit", "--help"], in: folder)
                let list = try drc([group, "list", "--help"], in: folder)
                let chinese = try drc([group, "add", "--help"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
                for field in kind.fields {
                    #expect(add.stdout.contains("--\(field.name) <\(field.name)>"), "\(group) add --\(field.name)")
                    #expect(edit.stdout.contains("--\(field.name) <") == field.isEditable, "\(group) edit --\(field.name)")
                    #expect(chinese.stdout.contains("--\(field.name) <\(field.label.zh)>"), "\(group) add --\(field.name) in Chinese")
                    #expect(add.stdout.contains(String(field.help.en.prefix(12))), "\(group) add --\(field.name) help")
                }
                for filter in kind.filters {
                    #expect(list.stdout.contains("--\(filter.name) <\(filter.name)>"), "\(group) list --\(filter.name)")
                }
                #expect(chinese.stdout.contains("字段选项："))
            }
        }
    }

    @Test func optionsAreReadInEveryFormAndAMistypedOneIsAUsageError() throws {
        try withTemporaryFolder { folder throws in
            let db = folder + "/drc.sqlite"
            _ = try drc(["init", "--db", db], in: folder)
            let added = try drc(["vendor", "add", "--name=长沙某某科技有限公司", "--note", "--不是选项", "--db", db], in: folder)
            #expect(added.status == 0, "\(added.stderr)")
            let shown = try drc(["vendor", "show", "1", "--format", "json", "--db", db], in: folder)
            #expect(shown.stdout.contains(#""note":"--不是选项""#))
            let mistyped = try drc(["vendor", "add", "--nam", "甲", "--db", db], in: folder)
            #expect(mistyped.status == 64)
            #expect(mistyped.stderr.contains("unknown option --nam; the options for vendors are: --name, --credit-code, --active, --note"))
            #expect(mistyped.stderr.contains("drc vendor add"))
            let stray = try drc(["vendor", "add", "--name", "甲", "乙", "--db", db], in: folder)
            #expect(stray.status == 64 && stray.stderr.contains("unexpected argument \"乙\""))
            let missing = try drc(["vendor", "add", "--db", db, "--name"], in: folder)
            #expect(missing.status == 64 && missing.stderr.contains("missing value for --name"))
            // A status changes only through the status commands: `edit` does not offer it.
            let status = try drc(["order", "edit", "1", "--status", "closed", "--db", db], in: folder)
            #expect(status.status == 64 && status.stderr.contains("unknown option --status"))
            let chinese = try drc(["vendor", "list", "--activ", "yes", "--db", db], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(chinese.status == 64 && chinese.stderr.contains("未知选项 --activ；供应商可用的选项：--active"))
            #expect(try drc(["vendor", "list", "--db", db], in: folder).stdout.hasSuffix("1 vendor\n"))
        }
    }
}
