@testable import DRCCore
import SQLiteDB
import Testing

/// The staff register (人员) and R12 (不相容岗位) read through it. The names are fictional.
@Suite struct StaffRegisterTests {
    /// A contract's handler sits on its acceptance: one person, whatever spaces the typed name
    /// carried (a stored "王丽　" with the ideographic space a Chinese input method types, as an
    /// older version or a raw import could keep it). Near miss: another person, 王丽华.
    @Test func r12TellsAPersonByTheRegisterNotByTheSpacesTyped() throws {
        try LoopBook.with { book throws in
            try book.add(.staff, ["name": "王丽", "post": "合同经办", "office": "综合科"])
            try book.contract("HT-1", amount: "10万", ["handler": "王丽"])
            try book.add(.acceptance, ["contract": "HT-1", "accepted-on": "2021-04-01", "conclusion": "passed", "document": "YS-1",
                                       "members": "王丽华 | purchaser | yes", "items": "可用率 | 99.9% | 99.95% | yes"])
            #expect(try book.doubts(.dutiesCombined, on: "2021-04-02").isEmpty)
            try book.db.execute("UPDATE acceptance_member SET person = '王丽　' WHERE person = '王丽华'")
            #expect(try book.doubts(.dutiesCombined, on: "2021-04-02") == [.dutiesCombined(person: "王丽", duty: .contractHandler, acceptance: "YS-1")])
        }
    }

    /// A payment's applicant approved it: one person though the approver was stored with a
    /// trailing ideographic space; near miss: applicant and approver are two people.
    @Test func r12ASelfApprovalIsOnePersonWhateverTheSpaces() throws {
        try LoopBook.with { book throws in
            try book.add(.staff, ["name": "李明"])
            try book.contract("HT-1", amount: "10万")
            let paid = try book.pay("HT-1", "1万", on: "2021-04-01", voucher: "ZF-1", ["applicant": "李明", "approver": "张主任"])
            #expect(try book.doubts(.selfApproved, on: "2021-04-02").isEmpty)
            try book.db.run("UPDATE payment SET approver = '李明　' WHERE id = ?", [.integer(paid)])
            #expect(try book.doubts(.selfApproved, on: "2021-04-02") == [.selfApproved(person: "李明")])
        }
    }

    /// Migration 34 fills the register from the names already stored, each person once with the
    /// spaces around the name trimmed, in the order they first appear; blanks make no one, and
    /// the typed text in the records stays as it was.
    @Test func migration34FillsTheRegisterFromTheNamesStored() throws {
        try withTemporaryFolder { folder throws in
            let path = folder + "/v33.sqlite"
            do {
                let db = try Connection(path: path, mode: .create)
                try Migrator(migrations: MigrationRegistry.all.filter { $0.version <= 33 }).migrate(db)
                try db.execute("""
                    INSERT INTO vendor (id, name) VALUES (1, '某公司');
                    INSERT INTO procurement (id, name, year, method, handler) VALUES (1, '示例采购', 2021, 'inquiry', '赵某');
                    INSERT INTO contract (id, number, vendor_id, amount_fen, signed_on, handler) VALUES (1, 'HT-1', 1, 100000, '2021-03-01', ' 王丽');
                    INSERT INTO acceptance (id, contract_id, document) VALUES (1, 1, 'YS-1');
                    INSERT INTO acceptance_member (acceptance_id, position, person) VALUES (1, 0, '王丽　'), (1, 1, '钱某'), (1, 2, '  ');
                    INSERT INTO payment (contract_id, amount_fen, applicant, approver) VALUES (1, 10000, '钱某 ', '孙某');
                    """)
            }
            let store = try Store(path: path, access: .anyVersion)
            #expect(try Migrator().migrate(store.db).map(\.version) == migrationVersions(from: 34))
            let names = try store.db.rows("SELECT name, active FROM staff ORDER BY id").map { "\($0.string("name") ?? "")/\($0.int64("active") ?? -1)" }
            #expect(names == ["赵某/1", "王丽/1", "钱某/1", "孙某/1"])
            #expect(try store.db.rows("SELECT handler FROM contract").first?.string("handler") == " 王丽")
        }
    }
}
