import SQLiteDB

/// The web's signed-in sessions in `web_session`: each a key, its value (JSON the web server
/// writes and reads; the core does not look inside) and when it lapses, in Unix seconds. A
/// lapsed row is never returned and is removed when sessions are next tidied.
public struct SessionRecords {
    let db: Connection

    public init(store: Store) {
        db = store.db
    }

    /// Adds a session; false when the key is taken (nothing written).
    public func create(key: String, value: String, expiresAt: Int64?, now: Int64) throws -> Bool {
        try db.transaction {
            try removeLapsed(now: now)
            guard try db.scalar("SELECT count(*) FROM web_session WHERE key = ?", key)?.int64 == 0 else { return false }
            try db.run("INSERT INTO web_session (key, value, expires_at) VALUES (?, ?, ?)",
                       [.text(key), .text(value), expiresAt.map(SQLiteValue.integer) ?? .null])
            return true
        }
    }

    /// Adds or replaces a session.
    public func set(key: String, value: String, expiresAt: Int64?) throws {
        try db.run("""
            INSERT INTO web_session (key, value, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
            """, [.text(key), .text(value), expiresAt.map(SQLiteValue.integer) ?? .null])
    }

    /// The session's value and when it lapses; nil when there is none or it has lapsed.
    public func get(key: String, now: Int64) throws -> (value: String, expiresAt: Int64?)? {
        guard let row = try db.rows("SELECT value, expires_at FROM web_session WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)",
                                    [.text(key), .integer(now)]).first,
              let value = row.string("value") else { return nil }
        return (value, row["expires_at"].int64)
    }

    public func remove(key: String) throws {
        try db.run("DELETE FROM web_session WHERE key = ?", key)
    }

    public func removeLapsed(now: Int64) throws {
        try db.run("DELETE FROM web_session WHERE expires_at <= ?", [.integer(now)])
    }

    /// How many sessions are stored (lapsed ones not yet tidied included).
    public func count() throws -> Int64 {
        try db.scalar("SELECT count(*) FROM web_session")?.int64 ?? 0
    }
}
