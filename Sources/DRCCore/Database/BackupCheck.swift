import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// What a backup holds, read back from the copy itself: whether SQLite finds it whole, how
/// many records of each kind it has, and the last entry of its history (the newest change it
/// kept), so an operator can see that a copy is sound and how recent it is.
public struct BackupReport: Sendable, Equatable {
    public struct KindCount: Sendable, Equatable {
        public let noun: Term
        public let count: Int64
    }

    public struct LastEntry: Sendable, Equatable {
        public let id: Int64
        public let at: String
        public let actor: String
        public let action: String
        public let kind: String
        public let recordID: Int64?
    }

    public let path: String
    /// What `PRAGMA integrity_check` found; empty when it says "ok".
    public let problems: [String]
    public let schemaVersion: Int64?
    /// Per kind of record whose table the copy has; empty for a damaged copy.
    public let counts: [KindCount]
    public let historyCount: Int64?
    public let lastEntry: LastEntry?

    public var isSound: Bool { problems.isEmpty }
}

public enum BackupCheck {
    /// Checks the copy at `path` without changing it. A file that is not there, not a database
    /// or not drc's is an error; a drc database SQLite finds damaged is a report with problems.
    public static func verify(_ path: String) throws -> BackupReport {
        var info = stat()
        guard stat(path, &info) == 0 else { throw DRCError.databaseMissing(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw DRCError.notARegularFile(path: path) }
        let db: Connection
        do {
            db = try Connection(path: path, mode: .readOnly)
        } catch let error as SQLiteError {
            throw Store.openError(error, path: path)
        }
        do {
            try Store.checkBelongsToDrc(db, path: path)
        } catch let error as SQLiteError {
            throw Store.openError(error, path: path)
        }
        func damaged(_ problems: [String]) -> BackupReport {
            BackupReport(path: path, problems: problems, schemaVersion: nil, counts: [], historyCount: nil, lastEntry: nil)
        }
        do {
            let found = try db.rows("PRAGMA integrity_check").compactMap { $0[0].string }
            if found != ["ok"] { return damaged(found.isEmpty ? ["?"] : found) }
            let tables = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].string })
            var counts: [BackupReport.KindCount] = []
            var seen = Set<String>()
            for kind in RecordKinds.all where tables.contains(kind.table) && seen.insert(kind.table).inserted {
                counts.append(.init(noun: kind.noun, count: try db.scalar("SELECT count(*) FROM \"\(kind.table)\"")?.int64 ?? 0))
            }
            let version = tables.contains("schema_migrations")
                ? try db.scalar("SELECT max(version) FROM schema_migrations")?.int64 : nil
            var historyCount: Int64?
            var last: BackupReport.LastEntry?
            if tables.contains("history") {
                historyCount = try db.scalar("SELECT count(*) FROM history")?.int64
                if let row = try db.rows("SELECT id, at, actor, action, kind, record_id FROM history ORDER BY id DESC LIMIT 1").first {
                    last = .init(id: row[0].int64 ?? 0, at: row[1].string ?? "", actor: row[2].string ?? "",
                                 action: row[3].string ?? "", kind: row[4].string ?? "", recordID: row[5].int64)
                }
            }
            return BackupReport(path: path, problems: [], schemaVersion: version, counts: counts,
                                historyCount: historyCount, lastEntry: last)
        } catch let error as SQLiteError {
            // A page too damaged to read stops the check itself: that too is a damaged copy.
            return damaged([error.message])
        }
    }
}

/// Dated backups in a folder, the newest `keep` of them kept.
public enum BackupFolder {
    /// `drc-20261203-153000.sqlite`: the store's local time, so names sort as the copies were
    /// made and an operator reads the date off the name; `-2`, `-3` for a second in the same second.
    public static func name(stamp digits: String, attempt: Int) -> String {
        let date = digits.prefix(8), time = digits.dropFirst(8).prefix(6)
        return "drc-\(date)-\(time)" + (attempt > 1 ? "-\(attempt)" : "") + ".sqlite"
    }

    /// The order of a dated backup's name (stamp, then attempt); nil for any other name, which
    /// is never removed.
    static func order(of name: String) -> (String, Int)? {
        guard name.hasPrefix("drc-"), name.hasSuffix(".sqlite") else { return nil }
        let parts = name.dropFirst(4).dropLast(7).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 8, parts[1].count == 6,
              parts.prefix(2).allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        var attempt = 1
        if parts.count == 3 {
            guard let number = Int(parts[2]), number > 1, String(number) == parts[2] else { return nil }
            attempt = number
        }
        return (String(parts[0] + parts[1]), attempt)
    }

    public struct Outcome: Sendable {
        public let report: BackupReport
        /// The older backups removed to keep `keep`, oldest first.
        public let removed: [String]
    }

    /// Backs up into `folder` under a dated name, verifies the copy (a damaged one is removed
    /// and is an error), then removes the oldest dated backups beyond `keep`. Only names this
    /// makes are ever removed, and only after the new copy is known sound.
    public static func backup(_ store: Store, into folder: String, keep: Int?) throws -> Outcome {
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DRCError.backup(.backupNotAFolder(path: folder))
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        // Each run has a new name, so a killed run's partial is cleared here, not by its name.
        MaintenanceTasks.removeStalePartials(in: folder) { order(of: $0) != nil }
        let stamp = store.clock.now().digits
        var attempt = 1
        while Store.entryExists(base + name(stamp: stamp, attempt: attempt)) { attempt += 1 }
        let path = base + name(stamp: stamp, attempt: attempt)
        try MaintenanceTasks.backup(store, to: path)
        let report = try verified(path)
        var removed: [String] = []
        if let keep {
            let dated = (MaintenanceTasks.directoryEntries(folder) ?? [])
                .compactMap { entry in order(of: entry).map { (entry, $0) } }
                .sorted { $0.1 < $1.1 }
            for (entry, _) in dated.dropLast(keep) {
                guard unlink(base + entry) == 0 else {
                    throw DRCError.backup(.backupNotRemoved(path: base + entry, errno: errno))
                }
                for suffix in ["-wal", "-shm", "-journal"] { unlink(base + entry + suffix) }
                removed.append(base + entry)
            }
        }
        return Outcome(report: report, removed: removed)
    }

    /// The report of a copy just made; a copy that fails its check is removed and is an error.
    public static func verified(_ path: String) throws -> BackupReport {
        let report = try BackupCheck.verify(path)
        guard report.isSound else {
            MaintenanceTasks.removeBackup(path)
            throw DRCError.backup(.backupDamaged(path: path, problem: report.problems.first ?? ""))
        }
        return report
    }
}
