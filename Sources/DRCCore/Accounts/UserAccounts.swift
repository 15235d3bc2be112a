import SQLiteDB

/// One account of the web interface, as listed (never its password hash).
public struct UserAccount: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: UserRole
    public let active: Bool
    public let createdAt: String
    /// Rises whenever the account's sessions must end (a password changed or reset, disabled).
    public let sessionEpoch: Int64
    /// Set by an administrator's reset: the next sign-in leads to the password form first.
    public let mustChangePassword: Bool
}

/// The accounts in `web_user`. Passwords arrive here already hashed (bcrypt lives with the web
/// server, which verifies them); the rules about names and passwords are checked here, so the
/// command line and the web refuse the same things.
public struct UserAccounts {
    let db: Connection
    let clock: Clock

    public init(store: Store) {
        db = store.db
        clock = store.clock
    }

    /// Passwords shorter than this are refused.
    public static let minimumPasswordLength = 8
    /// Names longer than this are refused (a name is shown in every page's header).
    public static let maximumNameLength = 64

    /// Refuses a name that is empty, too long or has control or bidi-override characters:
    /// a name is shown in pages and history, and must read as it is.
    public static func checkName(_ name: String) throws {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed == name, name.count <= maximumNameLength,
              !name.unicodeScalars.contains(where: isHidden) else { throw DRCError.badUserName(name: name) }
    }

    /// Refuses a password that is too short or holds control characters (a pasted newline).
    public static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength,
              !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DRCError.weakPassword(minimumLength: minimumPasswordLength)
        }
    }

    /// Control characters and the format characters that reorder or hide text (U+202E …).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    @discardableResult
    public func add(name: String, role: UserRole, passwordHash: String) throws -> Int64 {
        try Self.checkName(name)
        return try db.transaction {
            guard try find(name) == nil else { throw DRCError.userExists(name: name) }
            try db.run("INSERT INTO web_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                       [.text(name), .text(role.rawValue), .text(passwordHash), .text(clock.now().stamp)])
            return db.lastInsertRowID
        }
    }

    public func list() throws -> [UserAccount] {
        try db.rows("SELECT \(Self.columns) FROM web_user ORDER BY id").compactMap(account)
    }

    /// The account and its hash, for signing in; nil for an unknown name.
    public func find(_ name: String) throws -> (account: UserAccount, passwordHash: String)? {
        guard let row = try db.rows("SELECT \(Self.columns), password_hash FROM web_user WHERE name = ?", name).first,
              let account = account(row), let hash = row.string("password_hash") else { return nil }
        return (account, hash)
    }

    public func account(id: Int64) throws -> UserAccount? {
        try db.rows("SELECT \(Self.columns) FROM web_user WHERE id = ?", id).first.flatMap(account)
    }

    /// Sets a new password and ends every session of the account. `mustChange` marks an
    /// administrator's reset: the account must choose its own password at its next sign-in.
    public func setPassword(name: String, passwordHash: String, mustChange: Bool = false) throws {
        try db.transaction {
            guard try find(name) != nil else { throw DRCError.unknownUser(name: name) }
            try db.run("""
                UPDATE web_user SET password_hash = ?, must_change_password = ?, session_epoch = session_epoch + 1 WHERE name = ?
                """, [.text(passwordHash), .integer(mustChange ? 1 : 0), .text(name)])
        }
    }

    /// Disables an account: it can no longer sign in, and every session it has ends.
    public func disable(name: String) throws {
        try db.transaction {
            guard try find(name) != nil else { throw DRCError.unknownUser(name: name) }
            try db.run("UPDATE web_user SET active = 0, session_epoch = session_epoch + 1 WHERE name = ?", name)
        }
    }

    /// Enables a disabled account again (with the password it had).
    public func enable(name: String) throws {
        try db.transaction {
            guard try find(name) != nil else { throw DRCError.unknownUser(name: name) }
            try db.run("UPDATE web_user SET active = 1 WHERE name = ?", name)
        }
    }

    private static let columns = "id, name, role, active, created_at, session_epoch, must_change_password"

    private func account(_ row: Row) -> UserAccount? {
        guard let id = row["id"].int64, let name = row.string("name"),
              let role = row.string("role").flatMap(UserRole.init(rawValue:)) else { return nil }
        return UserAccount(id: id, name: name, role: role, active: row["active"].int64 == 1,
                           createdAt: row.string("created_at") ?? "", sessionEpoch: row["session_epoch"].int64 ?? 0,
                           mustChangePassword: row["must_change_password"].int64 == 1)
    }
}
