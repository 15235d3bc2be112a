import DRCCore
import DRCWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLiteDB
import Testing

/// The web takes vendors' files as the command line does (issue 26, items 6, 8 and 9): a
/// vendor, sheet, header row and defaults given on the form or by a profile; the file kept
/// after a dry run for the real import; a file refused whole said on the import page; the
/// summary naming the sheet, the header below a title and the merged cells.
@Suite struct VendorFileUploadTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../EndToEndTests/Fixtures/workbooks").standardized

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// A multipart form of `fields`, and a file when given.
    static func post(_ browser: Browser, _ fields: [(String, String)], file: (name: String, bytes: [UInt8])?) async throws -> TestResponse {
        let boundary = "----drcVendorFileBoundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                             + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await browser.send("/import", method: .post, headers: headers, body: body)
    }

    /// The token of the file the page keeps.
    static func kept(_ page: String) -> String? {
        guard let range = page.range(of: "name=\"upload\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    func prepared(_ fixture: WebFixture) async throws {
        try await fixture.service.write { store in
            for (kind, name) in [(RecordKind.category, "网络"), (.category, "维修工单"), (.unit, "芙蓉区财政局"), (.unit, "芙蓉区审计局")]
            where try store.db.scalar("SELECT count(*) FROM \(kind.table) WHERE name = ?", name)?.int64 == 0 {
                _ = try RecordRepository(store: store, kind: kind, actor: "test").add(["name": name])
            }
        }
    }

    @Test func aVendorsWorkbookIsTriedThenImportedWithoutChoosingItAgain() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await prepared(fixture)
        let april = try Self.fixture("vendor-april.xlsx")
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let dry = try await Self.post(clerk, [("_csrf", token), ("vendor", "美音"), ("mode", "dry-run")], file: ("美音4月.xlsx", april))
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(dry.text.contains("试导入：读取 4 行，将新增 3 条工单"), "\(dry.text)")
            #expect(dry.text.contains("表头在工作表“4月”的第 2 行"), "\(dry.text)")
            #expect(dry.text.contains("合并单元格 B3:B4、A6:B6"), "\(dry.text)")
            #expect(dry.text.contains("合计行（工作表“4月”第 6 行）已跳过"), "\(dry.text)")
            #expect(dry.text.contains("已保留刚才试导入的文件 美音4月.xlsx"), "\(dry.text)")
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE ticket LIKE 'MY-04%'") == 0)
            let upload = try #require(Self.kept(dry.text))
            // Another clerk cannot import it by its token.
            let other = Browser(client)
            let otherToken = try await other.signIn("spare")
            let stolen = try await Self.post(other, [("_csrf", otherToken), ("upload", upload), ("vendor", "美音"), ("mode", "import")], file: nil)
            #expect(stolen.status == .unprocessableContent)
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE ticket LIKE 'MY-04%'") == 0)
            // The real import: no file chosen, the kept one taken.
            let done = try await Self.post(clerk, [("_csrf", token), ("upload", upload), ("vendor", "美音"), ("mode", "import")], file: nil)
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.text.contains("已导入 3 条工单"), "\(done.text)")
            #expect(Self.kept(done.text) == nil)
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE unit_id = (SELECT id FROM unit WHERE name = '芙蓉区财政局')") == 2)
            // Once imported, the token names nothing.
            let again = try await Self.post(clerk, [("_csrf", token), ("upload", upload), ("vendor", "美音"), ("mode", "import")], file: nil)
            #expect(again.status == .unprocessableContent)
        }
    }

    @Test func defaultsAndProfilesOnTheFormAndRefusalsOnTheImportPage() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await prepared(fixture)
        let shixian = try Self.fixture("vendor-shixian.xlsx")
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            // No category column: refused on the import page, the file kept, the form as given.
            let refused = try await Self.post(clerk, [("_csrf", token), ("vendor", "仕贤"), ("mode", "dry-run")], file: ("仕贤.xlsx", shixian))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("action=\"/import\""), "\(refused.text)")
            #expect(refused.text.contains("class=\"message\""))
            #expect(refused.text.contains("category") || refused.text.contains("服务类别"), "\(refused.text)")
            #expect(refused.text.contains("value=\"仕贤\""))
            let upload = try #require(Self.kept(refused.text))
            // A default that matches nothing is refused by name, with the nearest names.
            let unknown = try await Self.post(clerk, [("_csrf", token), ("upload", upload), ("vendor", "仕贤"), ("set", "服务类别=维修单"),
                                                      ("mode", "dry-run")], file: nil)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("维修工单"), "\(unknown.text)")
            // The kept file stays kept under its token through another try.
            #expect(Self.kept(unknown.text) == upload)
            let imported = try await Self.post(clerk, [("_csrf", token), ("upload", upload), ("vendor", "仕贤"), ("set", "服务类别=维修工单"),
                                                       ("mode", "import")], file: nil)
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(imported.text.contains("已导入 2 条工单"), "\(imported.text)")
            // A profile chosen on the form reads the file as saved.
            try await fixture.service.write { store in
                var format = VendorFormat()
                format.defaults["vendor"] = "长沙仕贤计算机有限公司"
                try format.set("category=维修工单", kind: .order)
                _ = try ImportProfiles.save(name: "仕贤", format: format, note: nil, store: store, actor: "test")
            }
            let page = try await clerk.get("/import").text
            #expect(page.contains("<option value=\"仕贤\">仕贤</option>"), "\(page)")
            let undone = try await fixture.service.write { store in
                let batch = try store.db.scalar("SELECT max(id) FROM import_batch")?.int64 ?? 0
                return try ImportBatches(db: store.db).undo(String(batch), actor: "test", clock: store.clock)
            }
            #expect(undone.removed == 2)
            let byProfile = try await Self.post(clerk, [("_csrf", token), ("profile", "仕贤"), ("mode", "import")], file: ("仕贤.xlsx", shixian))
            #expect(byProfile.status == .ok, "\(byProfile.text)")
            #expect(try await fixture.count("SELECT count(*) FROM work_order WHERE ticket LIKE 'SX-04%' AND category_id = (SELECT id FROM category WHERE name = '维修工单')") == 2)
        }
    }
}
