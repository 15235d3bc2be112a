import SQLiteDB

/// Applies versioned migrations in order, each in its own transaction together with its
/// tracking row, and refuses databases it cannot trust: one whose applied migrations were
/// edited since, or one migrated by a newer binary.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = MigrationRegistry.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public struct Applied: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let checksum: String
        public let appliedAt: String
    }

    public struct Status: Sendable {
        public let applied: [Applied]
        public let pending: [Migration]
        public var currentVersion: Int { applied.last?.version ?? 0 }
        public var latestVersion: Int { pending.last?.version ?? currentVersion }
    }

    static let trackingTable = "schema_migrations"

    /// What has been applied and what is pending; throws when the database cannot be trusted.
    public func status(of db: Connection) throws -> Status {
        let applied = try appliedMigrations(db)
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for row in applied {
            guard let migration = known[row.version] else {
                throw DRCError.databaseTooNew(
                    databaseVersion: applied.map(\.version).max() ?? row.version,
                    supportedVersion: migrations.last?.version ?? 0)
            }
            if migration.checksum != row.checksum {
                throw DRCError.migrationEdited(version: row.version, name: row.name)
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return Status(applied: applied, pending: migrations.filter { !appliedVersions.contains($0.version) })
    }

    /// Applies every pending migration and returns those applied.
    ///
    /// Each runs with foreign keys off, so it may rebuild a table other tables refer to
    /// (create, copy, drop, rename), and `PRAGMA foreign_key_check` must find nothing broken
    /// before its commit (as GRDB's migrations do). The tracking table is made inside the
    /// first migration's transaction: a migration that fails leaves the file as it was.
    @discardableResult
    public func migrate(_ db: Connection, now: String = Clock.system.now().stamp) throws -> [Migration] {
        let pending = try status(of: db).pending
        guard !pending.isEmpty else { return [] }
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        for migration in pending {
            do {
                try db.transaction {
                    try ensureTrackingTable(db)
                    try db.execute(migration.sql)
                    let broken = try db.rows("PRAGMA foreign_key_check")
                    if let first = broken.first {
                        throw DRCError.migrationFailed(
                            version: migration.version, name: migration.name,
                            reason: .brokenReferences(count: broken.count, table: first[0].displayText, row: first[1].displayText))
                    }
                    try db.run(
                        "INSERT INTO \(Self.trackingTable) (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                        migration.version, migration.name, migration.checksum, now)
                }
            } catch let error as SQLiteError {
                throw DRCError.migrationFailed(version: migration.version, name: migration.name, reason: .sqlite(error.description))
            }
        }
        return pending
    }

    private func ensureTrackingTable(_ db: Connection) throws {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS \(Self.trackingTable) (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                checksum   TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }

    private func appliedMigrations(_ db: Connection) throws -> [Applied] {
        let exists = try db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", Self.trackingTable)
        guard exists?.int64 == 1 else { return [] }
        return try db.rows("SELECT version, name, checksum, applied_at FROM \(Self.trackingTable) ORDER BY version")
            .map {
                Applied(version: $0.int("version") ?? 0, name: $0.string("name") ?? "",
                        checksum: $0.string("checksum") ?? "", appliedAt: $0.string("applied_at") ?? "")
            }
    }
}
