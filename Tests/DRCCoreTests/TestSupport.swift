import DRCCore
import Foundation
import SQLiteDB
import Testing

/// A temporary folder for one test, removed afterwards.
func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-core-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.path)
}

/// A fresh, fully migrated records database for one test.
func withStore(_ body: (Store) throws -> Void) throws {
    try withTemporaryFolder { folder throws in
        let store = try Store(path: folder + "/drc.sqlite", access: .create)
        try body(store)
    }
}

/// The project's top folder, found from this file's place in Tests/.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Expects `body` to throw `DRCError.invalid` about `field` (and `value`, when given) for the
/// typed `reason`: the case, the field and why, while the reason's words stay free to improve.
func expectInvalid(_ field: String, value: String? = nil, reason: Reason, sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> Void) {
    let error = #expect(throws: DRCError.self, sourceLocation: sourceLocation) { try body() }
    guard case .invalid(let actualField, let actualValue, let actualReason)? = error, actualField == field,
          value == nil || actualValue == value, actualReason == reason else {
        Issue.record("expected DRCError.invalid about \(field)\(value.map { " \"\($0)\"" } ?? "") for \(reason), got \(String(describing: error))",
                     sourceLocation: sourceLocation)
        return
    }
}

/// The versions a database at `version - 1` is migrated through: every later one in the registry.
func migrationVersions(from version: Int) -> [Int] {
    MigrationRegistry.all.map(\.version).filter { $0 >= version }
}
