#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes a path unsafe to write an output to.
public enum OutputProblem: Equatable, Sendable {
    /// The database file itself (by device and inode, or by name after resolving links).
    case isTheDatabase(database: String)
    /// The database's -wal, -shm or -journal file, existing or not yet.
    case isADatabaseCompanion(database: String)
    /// Some other SQLite file: another drc database, a backup.
    case isAnotherDatabase
    /// The file the command is reading.
    case isTheInput
    case isAFolder
    case folderMissing
    /// A device, pipe or socket: replacing it by rename would remove it.
    case notARegularFile
    /// The existing file cannot be read, so it cannot be shown not to be a database.
    case cannotBeChecked(errno: Int32)
}

/// The one place that decides whether a path is a safe output for a store: every output file
/// (export -o, report -o, --rejects, backup) goes through `check` before anything is written.
/// An output never replaces the database, its companion files, any other SQLite file, or the
/// input being read, whether named directly, spelled differently, or reached through a link.
public enum OutputPath {
    static let companionSuffixes = ["", "-wal", "-shm", "-journal"]

    /// Throws `DRCError.unsafeOutput` when writing `path` could damage `database` (or `inputs`).
    public static func check(_ path: String, database: String, inputs: [String] = []) throws {
        func refuse(_ problem: OutputProblem) -> DRCError { .unsafeOutput(path: path, problem: problem) }
        guard let (folder, name) = split(path) else { throw refuse(.isAFolder) }
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else { throw refuse(.folderMissing) }

        // By name: the same spelling after resolving links, which also catches a companion
        // that does not exist yet (writing it would plant a file SQLite reads as its own).
        let candidates = names(of: path, folder: folder, name: name)
        let resolvedDatabase = resolve(database)
        for suffix in companionSuffixes {
            // SQLite names the companions after the resolved database path when it is a link.
            var databaseNames = names(of: database + suffix)
            if let resolvedDatabase { databaseNames.formUnion(names(of: resolvedDatabase + suffix)) }
            if !candidates.isDisjoint(with: databaseNames) {
                throw refuse(suffix.isEmpty ? .isTheDatabase(database: database) : .isADatabaseCompanion(database: database))
            }
        }

        var info = stat()
        guard stat(path, &info) == 0 else { return }  // Nothing there yet (or a dangling link): safe.
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw refuse(.isAFolder)
        case S_IFREG: break
        default: throw refuse(.notARegularFile)
        }
        // By identity: a hard link or any other name for the same file.
        for suffix in companionSuffixes {
            if let other = identity(database + suffix), other == (info.st_dev, info.st_ino) {
                throw refuse(suffix.isEmpty ? .isTheDatabase(database: database) : .isADatabaseCompanion(database: database))
            }
        }
        for input in inputs {
            if let other = identity(input), other == (info.st_dev, info.st_ino) { throw refuse(.isTheInput) }
        }
        // By content: any SQLite file, such as another drc database.
        switch header(of: path) {
        case .failure(let code): throw refuse(.cannotBeChecked(errno: code))
        case .success(let bytes): if bytes == sqliteHeader { throw refuse(.isAnotherDatabase) }
        }
    }

    /// The 16 bytes every SQLite database file begins with.
    static let sqliteHeader: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Whether the file at `path` is a SQLite database (by its header).
    public static func isSQLiteFile(_ path: String) -> Bool {
        if case .success(let bytes) = header(of: path) { return bytes == sqliteHeader }
        return false
    }

    enum HeaderRead { case success([UInt8]), failure(Int32) }

    private static func header(of path: String) -> HeaderRead {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(errno) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 16)
        var filled = 0
        while filled < 16 {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, 16 - filled) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failure(errno) }
            if count == 0 { break }
            filled += count
        }
        return .success(Array(bytes.prefix(filled)))
    }

    /// The folder and file name of `path`; nil when it names no file (ends in / or is . or ..).
    static func split(_ path: String) -> (folder: String, name: String)? {
        guard let slash = path.lastIndex(of: "/") else {
            return path.isEmpty || path == "." || path == ".." ? nil : (".", path)
        }
        let name = String(path[path.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, name)
    }

    /// Every absolute spelling of `path` worth comparing: its folder resolved with the name
    /// kept (what rename would replace), and the whole path resolved (where a link leads).
    static func names(of path: String, folder: String? = nil, name: String? = nil) -> Set<String> {
        var result = Set<String>()
        if let parts = folder.flatMap({ folder in name.map { (folder, $0) } }) ?? split(path),
           let resolvedFolder = resolve(parts.folder) {
            result.insert((resolvedFolder == "/" ? "" : resolvedFolder) + "/" + parts.name)
        }
        if let resolved = resolve(path) { result.insert(resolved) }
        return result
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func identity(_ path: String) -> (dev_t, ino_t)? {
        var info = stat()
        return stat(path, &info) == 0 ? (info.st_dev, info.st_ino) : nil
    }
}
