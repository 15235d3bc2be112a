import CSQLite

extension Connection {
    /// Lets this connection run only queries that read: SELECT, reading tables, functions,
    /// and the PRAGMAs that only report. ATTACH, DETACH, writes, schema changes and setting
    /// PRAGMAs are refused while SQL is compiled, whatever the SQL says.
    public func allowOnlyReading() {
        sqlite3_set_authorizer(handle, { _, action, first, _, _, _ in
            switch action {
            case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_PRAGMA:
                // A PRAGMA with an argument (`PRAGMA query_only = OFF`) would change something.
                guard let first else { return SQLITE_DENY }
                let name = String(cString: first).lowercased()
                return readingPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
            default:
                return SQLITE_DENY
            }
        }, nil)
    }
}

/// PRAGMAs that only report, allowed to read-only SQL (table_info and the like).
private let readingPragmas: Set<String> = [
    "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "table_list", "collation_list", "function_list", "database_list",
]
