import Foundation
import SQLiteDB
import Testing

@Suite struct ValueTests {
    @Test func everyStorageClassRoundTrips() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (v ANY)")
            let values: [SQLiteValue] = [
                .null, .integer(Int64.max), .integer(Int64.min), .integer(0), .real(0.1 + 0.2),
                .text("长沙市芙蓉区数据资源中心"), .text(""), .text("emoji 👩‍💻 and \"quotes\""),
                .blob([0, 1, 2, 255]), .blob([]),
            ]
            for value in values { try db.run("INSERT INTO t (v) VALUES (?)", [value]) }
            let back = try db.rows("SELECT v FROM t ORDER BY rowid").map { $0[0] }
            #expect(back == values)
        }
    }

    @Test func emptyTextIsNotNull() throws {
        try withTemporaryDatabase { _, db throws in
            #expect(try db.scalar("SELECT ? IS NULL", "") == .integer(0))
            #expect(try db.scalar("SELECT typeof(?)", "") == .text("text"))
        }
    }

    @Test func rowsReadByName() throws {
        try withTemporaryDatabase { _, db throws in
            let rows = try db.rows("SELECT 1 AS a, 'x' AS b, NULL AS c")
            #expect(rows.count == 1)
            #expect(rows[0].int64("a") == 1)
            #expect(rows[0].string("b") == "x")
            #expect(rows[0]["c"] == .null)
            #expect(rows[0]["missing"] == .null)
        }
    }

    @Test func wrongParameterCountIsAnError() throws {
        try withTemporaryDatabase { _, db throws in
            #expect(throws: SQLiteError.self) { try db.run("SELECT ?, ?", [.integer(1)]) }
        }
    }
}

@Suite struct StatementTests {
    @Test func trailingSQLIsRefused() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x)")
            let error = #expect(throws: SQLiteError.self) {
                _ = try db.prepare("SELECT 1; DROP TABLE t")
            }
            #expect(error?.primaryCode == SQLiteCode.misuse)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 't'") == .integer(1))
            // A trailing semicolon and spaces are not a second statement.
            _ = try db.prepare("SELECT 1;  \n")
        }
    }

    @Test func syntaxErrorCarriesTheSQL() throws {
        try withTemporaryDatabase { _, db throws in
            let error = #expect(throws: SQLiteError.self) { _ = try db.prepare("SELEC 1") }
            #expect(error?.primaryCode == SQLiteCode.error)
            #expect(error?.sql == "SELEC 1")
        }
    }

    @Test func scriptErrorNamesTheFailingStatement() throws {
        try withTemporaryDatabase { _, db throws in
            let error = #expect(throws: SQLiteError.self) {
                try db.execute("CREATE TABLE a (x); INSERT INTO nowhere VALUES (1); CREATE TABLE b (y);")
            }
            #expect(error?.sql == "INSERT INTO nowhere VALUES (1);")
        }
    }

    @Test func constraintViolationCarriesTheExtendedCode() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("""
                CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER CHECK (n >= 0));
                CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));
                """)
            try db.run("INSERT INTO p (name, n) VALUES (?, ?)", "美音", 1)
            let unique = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO p (name, n) VALUES (?, ?)", "美音", 2) }
            #expect(unique?.extendedCode == SQLiteCode.constraintUnique)
            #expect(unique?.primaryCode == SQLiteCode.constraint)
            let check = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO p (name, n) VALUES (?, ?)", "x", -1) }
            #expect(check?.extendedCode == SQLiteCode.constraintCheck)
            let notNull = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO p (name) VALUES (NULL)") }
            #expect(notNull?.extendedCode == SQLiteCode.constraintNotNull)
            let foreignKey = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO c (p_id) VALUES (99)") }
            #expect(foreignKey?.extendedCode == SQLiteCode.constraintForeignKey)
        }
    }

    @Test func cachedStatementsAreReused() throws {
        try withTemporaryDatabase { _, db throws in
            let first = try db.cached("SELECT 1")
            let second = try db.cached("SELECT 1")
            #expect(first === second)
        }
    }
}

@Suite struct TransactionTests {
    @Test func aThrowingTransactionLeavesNothingBehind() throws {
        struct Boom: Error {}
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x)")
            #expect(throws: Boom.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (1)")
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
            #expect(!db.isInTransaction)
        }
    }

    @Test func theFirstErrorWins() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x UNIQUE)")
            let error = #expect(throws: SQLiteError.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (1)")
                    try db.run("INSERT INTO t VALUES (1)")
                }
            }
            #expect(error?.extendedCode == SQLiteCode.constraintUnique)
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
        }
    }

    @Test func nestedSavepointsRollBackOnlyTheirPart() throws {
        struct Boom: Error {}
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x)")
            try db.transaction {
                try db.run("INSERT INTO t VALUES ('outer')")
                try db.savepoint {
                    try db.run("INSERT INTO t VALUES ('kept')")
                    try? db.savepoint {
                        try db.run("INSERT INTO t VALUES ('dropped')")
                        throw Boom()
                    }
                }
            }
            let values = try db.rows("SELECT x FROM t ORDER BY rowid").map { $0[0] }
            #expect(values == [.text("outer"), .text("kept")])
        }
    }

    @Test func committedWorkSurvivesReopening() throws {
        try withTemporaryDatabase { path, db throws in
            try db.execute("CREATE TABLE t (x)")
            try db.transaction { try db.run("INSERT INTO t VALUES (42)") }
            let again = try Connection(path: path)
            #expect(try again.scalar("SELECT x FROM t") == .integer(42))
        }
    }
}

@Suite struct OpeningTests {
    @Test func aFileThatIsNotADatabaseFailsAtOpen() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { _ = try Connection(path: path) }
        #expect(error?.primaryCode == SQLiteCode.notADatabase)
    }

    @Test func aMissingFileIsNotCreatedWithoutCreateMode() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID()).sqlite").path
        let error = #expect(throws: SQLiteError.self) { _ = try Connection(path: path) }
        #expect(error?.primaryCode == SQLiteCode.cantOpen)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyConnectionsCannotWrite() throws {
        try withTemporaryDatabase { path, db throws in
            try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            let reader = try Connection(path: path, mode: .readOnly)
            #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
            let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (2)") }
            #expect(error?.primaryCode == SQLiteCode.readOnly)
            #expect(throws: SQLiteError.self) { try reader.execute("DROP TABLE t") }
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(1))
        }
    }

    @Test func foreignKeysAndWALAreOn() throws {
        try withTemporaryDatabase { _, db throws in
            #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
            #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        }
    }

    @Test func backupCopiesEverything() throws {
        try withTemporaryDatabase { path, db throws in
            try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES ('一'), ('二');")
            let copyPath = path + ".copy"
            let copy = try Connection(path: copyPath, mode: .create)
            try db.backup(to: copy)
            #expect(try copy.rows("SELECT x FROM t ORDER BY rowid").map { $0[0] } == [.text("一"), .text("二")])
        }
    }
}

@Suite struct NestedTransactionTests {
    struct Boom: Error {}

    @Test func anInnerTransactionThatThrowsUndoesOnlyItsOwnWork() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x)")
            try db.transaction {
                try db.run("INSERT INTO t VALUES ('outer')")
                try db.transaction { try db.run("INSERT INTO t VALUES ('kept')") }
                try? db.transaction {
                    try db.run("INSERT INTO t VALUES ('inner')")
                    throw Boom()
                }
                #expect(db.isInTransaction)
            }
            let values = try db.rows("SELECT x FROM t ORDER BY rowid").map { $0[0] }
            #expect(values == [.text("outer"), .text("kept")])
        }
    }

    @Test func anInnerTransactionIsUndoneWhenTheOuterOneFails() throws {
        try withTemporaryDatabase { _, db throws in
            try db.execute("CREATE TABLE t (x)")
            #expect(throws: Boom.self) {
                try db.transaction {
                    try db.transaction { try db.run("INSERT INTO t VALUES ('inner, committed alone')") }
                    try db.transaction { try db.run("INSERT INTO t VALUES ('second inner')") }
                    throw Boom()
                }
            }
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
            #expect(!db.isInTransaction)
        }
    }
}
