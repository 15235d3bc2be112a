import DRCCore
import Foundation
import SQLiteDB
import Testing

/// Kinds defined here for the tests only (fictional): a plan with child rows (its stages), and
/// an append-only ledger corrected by reversing entries. Their tables are made by `makeTables`.
enum TestKinds {
    static let plan = RecordKind(
        id: RecordKind.ID(rawValue: "plan"), noun: Term(zh: "计划", en: "plan"), table: "plan",
        fields: [
            Field("name", .text, required: true, zh: "名称", help: Wording(zh: "测试用。", en: "The plan's name.")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: Wording(zh: "测试用。", en: "Who carries it out.")),
        ],
        lookupColumns: ["name"], titleColumn: "name", from: "plan AS r",
        columns: [RecordKind.Column("id", "r.id", .number), RecordKind.Column("name", "r.name")],
        filters: [],
        childSets: [RecordKind.ChildSet(
            field: "stages", label: Term(zh: "阶段", en: "stage"), help: Wording(zh: "测试用。", en: "One stage per line: name | amount | due | vendor."),
            table: "plan_stage", ownerColumn: "plan_id",
            fields: [
                Field("name", .text, required: true, zh: "阶段", help: Wording(zh: "测试用。", en: "The stage.")),
                Field("amount", column: "amount_fen", .money, zh: "金额", help: Wording(zh: "测试用。", en: "Its amount.")),
                Field("due", .timestamp, zh: "到期", help: Wording(zh: "测试用。", en: "When it is due.")),
                Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: Wording(zh: "测试用。", en: "Who is paid.")),
            ])])

    static let ledger = RecordKind(
        id: RecordKind.ID(rawValue: "entry"), noun: Term(zh: "分录", en: "ledger entry", enPlural: "ledger entries"),
        table: "ledger_entry",
        fields: [
            Field("amount", column: "amount_fen", .money, required: true, zh: "金额", help: Wording(zh: "测试用。", en: "The amount.")),
            Field("memo", .text, zh: "摘要", help: Wording(zh: "测试用。", en: "What it was for.")),
        ],
        lookupColumns: [], titleColumn: nil, from: "ledger_entry AS r",
        columns: [RecordKind.Column("id", "r.id", .number), RecordKind.Column("amount", "r.amount_fen", .money)],
        filters: [], capabilities: .appendOnly, reversal: RecordKind.Reversal(column: "reverses_id"))

    static func makeTables(_ db: Connection) throws {
        try db.execute("""
            CREATE TABLE plan (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,
                               vendor_id INTEGER REFERENCES vendor(id));
            CREATE TABLE plan_stage (id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id INTEGER NOT NULL REFERENCES plan(id),
                                     position INTEGER NOT NULL, name TEXT NOT NULL, amount_fen INTEGER, due TEXT,
                                     vendor_id INTEGER REFERENCES vendor(id));
            CREATE TABLE ledger_entry (id INTEGER PRIMARY KEY AUTOINCREMENT, amount_fen INTEGER NOT NULL, memo TEXT,
                                       reverses_id INTEGER UNIQUE REFERENCES ledger_entry(id));
            """)
    }
}

@Suite struct RecordKindTests {
    @Test func kindsAreFoundByEveryNameAPersonOrAFileUses() {
        for name in ["order", "orders", "work order", "work orders", "工单", "work_order"] {
            #expect(RecordKinds.named(name)?.id == .order, "\(name)")
        }
        #expect(RecordKinds.named("categories")?.id == .category)
        #expect(RecordKinds.named("budget line")?.id == .budget)
        #expect(RecordKinds.named("plans") == nil)
        #expect(RecordKinds.kind(.budget).noun == Term(zh: "预算科目", en: "budget line", measure: "条"))
    }

    @Test func everyFieldOfEveryKindHasAChineseLabelAndHelp() {
        for kind in RecordKinds.all {
            var labels: Set<String> = []
            for field in kind.fields {
                #expect(!field.label.zh.isEmpty && !field.label.zh.allSatisfy(\.isASCII), "\(kind.name).\(field.name)")
                #expect(!field.help.en.isEmpty && field.help.zh.contains { !$0.isASCII }, "\(kind.name).\(field.name)")
                // A Chinese CSV header names one field.
                #expect(labels.insert(field.label.zh).inserted, "\(kind.name): \(field.label.zh) twice")
            }
        }
    }

    @Test func everyColumnOfEveryKindHasAChineseHeadingAndChoicesTheirWords() throws {
        for kind in RecordKinds.all {
            for column in kind.columns {
                #expect(column.label?.zh.contains { !$0.isASCII } == true, "\(kind.name) column \(column.header)")
            }
        }
        try withStore { store throws in
            _ = try RecordRepository(store: store, kind: .vendor, actor: "test").add(["name": "美音"])
            _ = try RecordRepository(store: store, kind: .category, actor: "test").add(["name": "网络"])
            let orders = RecordRepository(store: store, kind: .order, actor: "test")
            _ = try orders.add(["vendor": "美音", "category": "网络", "year": "2021", "status": "已关闭"])
            let table = try orders.list()
            let status = try #require(table.columns.firstIndex(of: "status"))
            #expect(table.rows[0][status] == .word(key: "closed", Term(zh: "已关闭", en: "closed", enPlural: "closed")))
            #expect(table.heading(status, in: .zh) == "状态" && table.heading(status, in: .en) == "status")
            let vendors = try RecordRepository(store: store, kind: .vendor, actor: "test").list()
            #expect(vendors.rows[0][try #require(vendors.columns.firstIndex(of: "active"))].text(in: .zh) == "是")
        }
    }

    @Test func theUnitsParentAndNameFormIsTheUnitKindsOwn() throws {
        try withStore { store throws in
            let units = RecordRepository(store: store, kind: .unit, actor: "test")
            let centre = try units.add(["name": "数据资源中心"])
            let office = try units.add(["name": "办公室", "parent": "数据资源中心"])
            _ = try units.add(["name": "办公室"])
            #expect(try units.resolve("数据资源中心/办公室") == office)
            #expect(try units.resolve(String(centre)) == centre)
            // Other kinds have no such form: a slash is part of a vendor's name.
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "test")
            let slashed = try vendors.add(["name": "甲/乙公司"])
            #expect(try vendors.resolve("甲/乙公司") == slashed)
        }
    }

    @Test func aDeleteRefusalCountsWhatRefersToTheRecordByKind() throws {
        try withStore { store throws in
            let vendors = RecordRepository(store: store, kind: .vendor, actor: "test")
            let vendor = try vendors.add(["name": "美音"])
            _ = try RecordRepository(store: store, kind: .project, actor: "test").add(["name": "网络运维", "vendors": "美音"])
            #expect(throws: DRCError.deleteRefused(kind: .vendor, id: vendor, referredBy: [
                Referrers(noun: Term(zh: "服务的项目", en: "project served", enPlural: "projects served"), count: 1),
            ])) { try vendors.delete(vendor) }
        }
    }
}

@Suite struct ChildRowTests {
    func withPlanStore(_ body: (Store, RecordRepository) throws -> Void) throws {
        try withStore { store throws in
            try TestKinds.makeTables(store.db)
            _ = try RecordRepository(store: store, kind: .vendor, actor: "test").add(["name": "湖南美音网络技术有限公司"])
            _ = try RecordRepository(store: store, kind: .vendor, actor: "test").add(["name": "长沙某某科技有限公司"])
            try body(store, RecordRepository(store: store, kind: TestKinds.plan, actor: "王丽"))
        }
    }

    static let stages = "预付款 | 30000 | 2021-03-01 | 美音\n尾款 | 70000.5 |  | 某某\n\n  验收 "

    @Test func childRowsAreAddedWithTheirRecordInTheirOrderAndShownWithIt() throws {
        try withPlanStore { store, plans throws in
            let id = try plans.add(["name": "网络运维", "vendor": "美音", "stages": Self.stages])
            let rows = try store.db.rows("SELECT position, name, amount_fen, due, vendor_id FROM plan_stage WHERE plan_id = ? ORDER BY position", id)
            #expect(rows.map { $0.string("name") } == ["预付款", "尾款", "验收"])
            #expect(rows.map { $0.int64("amount_fen") } == [3_000_000, 7_000_050, nil])
            #expect(rows.map { $0.string("due") } == ["2021-03-01", nil, nil])
            #expect(rows.map { $0.int64("vendor_id") } == [1, 2, nil])
            let shown = try plans.show(id)
            let cell = shown.rows[0][shown.columns.firstIndex(of: "stages")!]
            #expect(cell.text == "预付款 | 30000.00 | 2021-03-01 | 湖南美音网络技术有限公司\n尾款 | 70000.50 |  | 长沙某某科技有限公司\n验收")
        }
    }

    @Test func aBadChildRowNamesItsLineAndFieldAndWritesNothing() throws {
        try withPlanStore { store, plans throws in
            expectInvalid("stages 2 amount", value: "七万", reason: .notAnAmount) { try plans.add(["name": "甲", "stages": "预付款 | 1\n尾款 | 七万"]) }
            #expect(throws: DRCError.within(field: "stages 1 vendor", error: .notFound(kind: .vendor, reference: "不存在"))) {
                try plans.add(["name": "甲", "stages": "预付款 | 1 | | 不存在"])
            }
            expectInvalid("stages 1 name", value: "", reason: .required) { try plans.add(["name": "甲", "stages": " | 1"]) }
            expectInvalid("stages 1", reason: .tooManyChildValues(count: 5, fields: ["name", "amount", "due", "vendor"])) { try plans.add(["name": "甲", "stages": "a | 1 | 2021-01-01 | 美音 | extra"]) }
            #expect(try store.db.scalar("SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM plan_stage)")?.int64 == 0)
            #expect(try HistoryLog.entries(store.db, kind: "plan").isEmpty)
        }
    }

    @Test func childRowsRoundTripThroughExportAndImport() throws {
        try withPlanStore { store, plans throws in
            _ = try plans.add(["name": "网络运维", "vendor": "美音", "stages": Self.stages])
            _ = try plans.add(["name": "无阶段"])
            let csv = MemorySink()
            try Exporter(store: store, kind: TestKinds.plan).run(to: csv)
            let json = MemorySink()
            try Exporter(store: store, kind: TestKinds.plan, format: .json).run(to: json)
            #expect(json.text.contains(#""stages":"预付款 | 30000.00 | 2021-03-01 | 湖南美音网络技术有限公司\n尾款"#))
            try withPlanStore { copy, _ throws in
                let summary = try Importer(store: copy, kind: TestKinds.plan, actor: "test", options: ImportOptions(sourceName: "plans.csv"))
                    .run(MemorySource(Array(csv.text.utf8)))
                #expect(summary.committed && summary.written == 2)
                let again = MemorySink()
                try Exporter(store: copy, kind: TestKinds.plan).run(to: again)
                #expect(again.text == csv.text)
            }
        }
    }

    @Test func historyKeepsTheChildrenSoEditsShowAndARestoreBringsThemBack() throws {
        try withPlanStore { store, plans throws in
            let id = try plans.add(["name": "网络运维", "stages": Self.stages])
            #expect(try plans.edit(id, set: ["stages": "唯一阶段 | 100"]))
            #expect(try !plans.edit(id, set: ["stages": "唯一阶段 | 100.00"]))
            let entries = try HistoryLog.entries(store.db, kind: "plan", id: id)
            #expect(entries.map(\.action) == ["insert", "update"])
            #expect(entries[1].newValues?.contains(#""stages":[{"name":"唯一阶段","amount_fen":10000,"due":null,"vendor_id":null}]"#) == true)
            try plans.delete(id)
            #expect(try store.db.scalar("SELECT count(*) FROM plan_stage")?.int64 == 0)
            try plans.restore(id)
            let stage = try store.db.rows("SELECT name, amount_fen FROM plan_stage WHERE plan_id = ?", id)
            #expect(stage.map { $0.string("name") } == ["唯一阶段"] && stage.first?.int64("amount_fen") == 10000)
            // Clearing the field removes every child, and history shows it.
            #expect(try plans.edit(id, set: [:], clearing: ["stages"]))
            #expect(try store.db.scalar("SELECT count(*) FROM plan_stage")?.int64 == 0)
        }
    }

    @Test func aRestoreIsRefusedWhenAChildsReferenceIsGone() throws {
        try withPlanStore { store, plans throws in
            let id = try plans.add(["name": "网络运维", "stages": "预付款 | 1 | | 某某"])
            try plans.delete(id)
            try RecordRepository(store: store, kind: .vendor, actor: "test").delete(2)
            #expect(throws: DRCError.restoreRefused(kind: TestKinds.plan.id, id: id,
                                                    reason: .missingReference(field: "stages vendor", kind: .vendor, id: 2))) {
                try plans.restore(id)
            }
        }
    }
}

@Suite struct CapabilityTests {
    @Test func anAppendOnlyEntryIsNeverEditedOrDeletedButReversed() throws {
        try withStore { store throws in
            try TestKinds.makeTables(store.db)
            let ledger = RecordRepository(store: store, kind: TestKinds.ledger, actor: "王丽")
            let entry = try ledger.add(["amount": "1200.50", "memo": "首付款"])
            #expect(throws: DRCError.notAllowed(kind: TestKinds.ledger.id, action: .edit)) { try ledger.edit(entry, set: ["memo": "改"]) }
            #expect(throws: DRCError.notAllowed(kind: TestKinds.ledger.id, action: .delete)) { try ledger.delete(entry) }
            let reversal = try ledger.reverse(entry)
            let row = try ledger.row(reversal)
            #expect(row.int64("amount_fen") == -120_050 && row.int64("reverses_id") == entry && row.string("memo") == "首付款")
            #expect(try store.db.scalar("SELECT sum(amount_fen) FROM ledger_entry")?.int64 == 0)
            #expect(throws: DRCError.reversalRefused(kind: TestKinds.ledger.id, id: entry, reason: .reversedBy(reversal))) {
                try ledger.reverse(entry)
            }
            #expect(throws: DRCError.reversalRefused(kind: TestKinds.ledger.id, id: reversal, reason: .isAReversal)) {
                try ledger.reverse(reversal)
            }
            #expect(try HistoryLog.entries(store.db, kind: "entry").map { $0.note.map(HistoryNote.init(stored:)) } == [nil, .reversal(of: entry)])
        }
    }

    @Test func aKindThatIsNotReversedOrImportedSaysSo() throws {
        try withStore { store throws in
            #expect(throws: DRCError.notAllowed(kind: .vendor, action: .reverse)) {
                try RecordRepository(store: store, kind: .vendor, actor: "test").reverse(1)
            }
            let notImported = RecordKind(
                id: RecordKind.ID(rawValue: "note"), noun: Term(zh: "便笺", en: "note"), table: "vendor",
                fields: [Field("name", .text, zh: "名称", help: Wording(zh: "测试用。", en: "A name."))], lookupColumns: [], titleColumn: nil,
                from: "vendor AS r", columns: [], filters: [], capabilities: [.editable])
            #expect(throws: DRCError.notAllowed(kind: notImported.id, action: .importRecords)) {
                _ = try Importer(store: store, kind: notImported, actor: "test", options: ImportOptions(sourceName: "x.csv"))
                    .run(MemorySource(Array("name\n甲\n".utf8)))
            }
        }
    }
}
