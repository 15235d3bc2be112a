/// Every error the records core reports to a user: each says what was wrong, naming the
/// field, value or record, in words a clerk can act on. SQLite's own messages stay inside.
public enum DRCError: Error, Equatable, CustomStringConvertible, Sendable {
    // The database file
    case databaseMissing(path: String)
    case databaseExists(path: String)
    case notADatabase(path: String)
    case notDrcDatabase(path: String)
    case notARegularFile(path: String)
    case cannotOpen(path: String, reason: String)
    case pendingMigrations(count: Int)
    case databaseTooNew(databaseVersion: Int, supportedVersion: Int)
    case migrationEdited(version: Int, name: String)
    case migrationFailed(version: Int, name: String, reason: String)
    case storage(String)
    /// An output file (export, report, rejects, backup) that would overwrite something it must not.
    case unsafeOutput(path: String, problem: OutputProblem)

    // Records
    case invalid(field: String, value: String, reason: String)
    case notFound(kind: RecordKind.ID, reference: String)
    case ambiguous(kind: RecordKind.ID, reference: String, matches: [String])
    case duplicate(kind: RecordKind.ID, field: String, value: String)
    /// Records elsewhere still refer to this one: how many, by what they are.
    case deleteRefused(kind: RecordKind.ID, id: Int64, referredBy: [Referrers])
    /// The kind does not allow this (an append-only entry edited or deleted).
    case notAllowed(kind: RecordKind.ID, action: RecordAction)
    case reversalRefused(kind: RecordKind.ID, id: Int64, reason: ReversalRefusal)
    /// A record that may be linked to one owner only (a payment, to one booking) is linked already.
    case linkTaken(kind: RecordKind.ID, field: String, target: RecordKind.ID, targetID: Int64, owner: Int64)
    /// The year holds no budget lines, findings or indicators to write a report from.
    case nothingToReport(year: Int64)
    case illegalTransition(id: Int64, from: String, to: String, allowed: [String])
    case inactiveVendor(name: String)
    case nothingToChange
    case restoreRefused(kind: RecordKind.ID, id: Int64, reason: RestoreRefusal)
    /// A value taken from another field (an order's year, from its opened date).
    case followsAnotherField(field: String, source: String)
    /// An error about one value of a record's child row (`stages 2 vendor`).
    indirect case within(field: String, error: DRCError)

    // Sums, reports and queries
    /// A sum of money too large to hold (only possible with amounts above `Money.largestAmount`).
    case moneyOverflow(year: Int64?)
    case countOverflow(year: Int64?)
    /// A dimension named twice in one grouping (`kind,kind`).
    case repeatedDimension(name: String)
    /// A read-only query stopped at its time limit.
    case queryTimedOut(seconds: Double)
    /// A read-only query needed more memory (or a value longer) than it may use.
    case queryTooLarge(limitBytes: Int64)

    // Where the database is
    /// The environment variable naming the database is set but empty.
    case emptyDatabaseVariable(name: String)

    public var description: String {
        switch self {
        case .databaseMissing(let path):
            return "there is no database at \(path)"
        case .databaseExists(let path):
            return "a file already exists at \(path); it was left untouched"
        case .notADatabase(let path):
            return "\(path) is not a drc database (the file is not SQLite, or it is damaged)"
        case .notDrcDatabase(let path):
            return "\(path) is an SQLite database, but not a drc database; drc leaves it as it is"
        case .notARegularFile(let path):
            return "\(path) is not a regular file (a folder, a device, a pipe or a socket); name a database file"
        case .cannotOpen(let path, let reason):
            return "cannot open the database at \(path): \(reason)"
        case .pendingMigrations(let count):
            return "the database needs \(count) schema migration\(count == 1 ? "" : "s")"
        case .databaseTooNew(let databaseVersion, let supportedVersion):
            return "the database is at schema version \(databaseVersion), newer than this drc supports "
                + "(\(supportedVersion)); use a newer drc"
        case .migrationEdited(let version, let name):
            return "migration \(version) (\(name)) was changed after it was applied to this database; "
                + "restore the original migration file"
        case .migrationFailed(let version, let name, let reason):
            return "migration \(version) (\(name)) failed and was rolled back: \(reason)"
        case .storage(let reason):
            return "the database could not complete the change: \(reason)"
        case .unsafeOutput(let path, let problem):
            switch problem {
            case .isTheDatabase(let database):
                return "\(path) is the database \(database) itself; nothing was written. Name another file for the output"
            case .isADatabaseCompanion(let database):
                return "\(path) is one of the database's own files (beside \(database)); nothing was written. Name another file for the output"
            case .isAnotherDatabase:
                return "\(path) is a SQLite database; drc never writes an output over a database, so nothing was written. Name another file"
            case .isTheInput:
                return "\(path) is the file being imported; nothing was written. Name another file for the output"
            case .isAFolder:
                return "\(path) is a folder; name a file for the output (nothing was written)"
            case .folderMissing:
                return "the folder of \(path) does not exist; nothing was written"
            case .notARegularFile:
                return "\(path) is not a regular file (a device, pipe or socket); nothing was written. Name a file"
            case .cannotBeChecked(let reason):
                return "\(path) cannot be checked before it is replaced (\(reason)); nothing was written"
            }
        case .invalid(let field, let value, let reason):
            return "\(field) \"\(value)\": \(reason)"
        case .notFound(let kind, let reference):
            return "no \(RecordKinds.noun(of: kind).en) matches \"\(reference)\""
        case .ambiguous(let kind, let reference, let matches):
            // A unit's name recurs under different parents; its parent's name tells them apart.
            let how = kind == .unit ? "give the id, or the parent and the name as the list shows them (parent/name)"
                                     : "give the id or the exact name"
            return "\"\(reference)\" matches \(matches.count) \(RecordKinds.noun(of: kind).enPlural): \(matches.joined(separator: "; ")); " + how
        case .duplicate(let kind, let field, let value):
            return "\(RecordKind.withArticle(RecordKinds.noun(of: kind).en)) with \(field) \"\(value)\" already exists"
        case .deleteRefused(let kind, let id, let referrers):
            let counts = referrers.map { "\($0.count) \($0.count == 1 ? $0.noun.en : $0.noun.enPlural)" }
            return "\(kind) \(id) cannot be deleted: it has " + counts.joined(separator: " and ")
        case .notAllowed(let kind, let action):
            let verb: String
            switch action {
            case .edit: verb = "edited"
            case .delete: verb = "deleted"
            case .importRecords: verb = "imported"
            case .reverse: verb = "reversed"
            }
            return "\(RecordKinds.noun(of: kind).enPlural) cannot be \(verb)"
                + (action == .edit || action == .delete ? "; correct one with a reversing entry" : "")
        case .reversalRefused(let kind, let id, let reason):
            let noun = RecordKinds.noun(of: kind).en
            switch reason {
            case .isAReversal: return "\(noun) \(id) is itself a reversal; enter the right \(noun) anew instead"
            case .reversedBy(let other): return "\(noun) \(id) was reversed already, by \(noun) \(other)"
            case .notStanding: return "\(noun) \(id) is not final yet; change or delete it instead of reversing it"
            }
        case .linkTaken(let kind, let field, let target, let targetID, let owner):
            let owners = RecordKinds.noun(of: kind).en
            return "\(field): \(RecordKinds.noun(of: target).en) #\(targetID) belongs to \(owners) #\(owner) already; "
                + "a \(RecordKinds.noun(of: target).en) belongs to one \(owners) only"
        case .nothingToReport(let year):
            return "there is no budget line, finding or indicator for \(year) to write a report from"
        case .illegalTransition(let id, let from, let to, let allowed):
            let next = allowed.isEmpty ? "nothing" : allowed.joined(separator: ", ")
            return "work order \(id) is \(from), so it cannot \(to) now; from \(from) it can: \(next)"
        case .inactiveVendor(let name):
            return "vendor \"\(name)\" is inactive and takes no new work orders"
        case .nothingToChange:
            return "nothing to change: give at least one field to edit"
        case .restoreRefused(let kind, let id, let reason):
            let why: String
            switch reason {
            case .exists: why = "it exists; only a deleted record can be restored"
            case .neverDeleted: why = "the history holds no deletion of it"
            case .missingReference(let field, let target, let targetID):
                let noun = RecordKinds.noun(of: target).en
                why = "its \(field) was \(noun) #\(targetID), which is gone; restore that \(noun) first"
            case .duplicate(let field, let value): why = "another \(kind) has the \(field) \"\(value)\" now"
            }
            return "\(kind) #\(id) cannot be restored: \(why)"
        case .within(let field, let error):
            return "\(field): \(error.description)"
        case .followsAnotherField(let field, let source):
            return "\(field) cannot be cleared: it follows \(source) (taken from it); change \(source) instead"
        case .moneyOverflow(let year):
            return "the amounts\(year.map { " of \($0)" } ?? "") add up to more than drc can hold; "
                + "an amount is far too large (each may be at most \(Money.yuan(Money.largestAmount)) yuan): look for a mistyped one"
        case .countOverflow(let year):
            return "the counts\(year.map { " of \($0)" } ?? "") add up to more than drc can hold"
        case .repeatedDimension(let name):
            return "the dimension \"\(name)\" is given more than once; name each dimension once"
        case .queryTimedOut(let seconds):
            return "the query was stopped after \(Self.seconds(seconds)) (its time limit); "
                + "narrow it (add WHERE or LIMIT) or allow it longer"
        case .queryTooLarge(let limitBytes):
            return "the query was stopped: it needed more than \(limitBytes / 1_048_576) MiB of memory, "
                + "or built a value longer than that; narrow it (add WHERE or LIMIT, or avoid huge blobs and strings)"
        case .emptyDatabaseVariable(let name):
            return "the environment variable \(name) is set but empty; put the database file in it, "
                + "or unset it to use the per-user database"
        }
    }

    private static func seconds(_ value: Double) -> String {
        let whole = value.rounded() == value
        return (whole ? String(Int64(value)) : String(value)) + (value == 1 ? " second" : " seconds")
    }
}
