import Foundation
import SQLiteDB

/// A fresh database file in its own temporary folder, removed when the test is done.
func withTemporaryDatabase(_ body: (String, Connection) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("sqlitedb-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("test.sqlite").path
    let db = try Connection(path: path, mode: .create)
    try body(path, db)
}
