/// Every error the records core reports to a user: each names what was wrong (the field, value
/// or record) and why, typed, so DRCText can say it in Chinese or English. The core builds no
/// sentences: there is no `description`, and a debugger shows the case and its values.
public enum DRCError: Error, Equatable, Sendable {
    // The database file
    case databaseMissing(path: String)
    case databaseExists(path: String)
    case notADatabase(path: String)
    case notDrcDatabase(path: String)
    case notARegularFile(path: String)
    case cannotOpen(path: String, reason: Reason)
    case pendingMigrations(count: Int)
    case databaseTooNew(databaseVersion: Int, supportedVersion: Int)
    case migrationEdited(version: Int, name: String)
    case migrationFailed(version: Int, name: String, reason: Reason)
    case storage(Reason)
    /// A backup that is damaged, or cannot be made or kept where it was asked: the reason alone,
    /// since no change to the database was attempted.
    case backup(Reason)
    /// An output file (export, report, rejects, backup) that would overwrite something it must not.
    case unsafeOutput(path: String, problem: OutputProblem)
    /// Input that is not text in its encoding: at byte `byte` (from 1), or cut off at the end (nil).
    case undecodableText(encoding: String, byte: Int?)

    // Records
    case invalid(field: String, value: String, reason: Reason)
    case notFound(kind: RecordKind.ID, reference: String)
    /// Nothing matches the reference, but these names are near it (美音公司 → 湖南美音网络技术有限公司).
    case notFoundNearest(kind: RecordKind.ID, reference: String, nearest: [String])
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
    /// The year has no indicators of the set asked for to score.
    case nothingToScore(year: Int64)
    case illegalTransition(id: Int64, from: String, to: String, allowed: [String])
    case inactiveVendor(name: String)
    case nothingToChange
    case restoreRefused(kind: RecordKind.ID, id: Int64, reason: RestoreRefusal)
    /// A value taken from another field (an order's year, from its opened date).
    case followsAnotherField(field: String, source: String)
    /// An error about one value of a record's child row (`stages 2 vendor`).
    indirect case within(field: String, error: DRCError)

    // Import batches
    /// A file whose content (its fingerprint) an earlier batch imported, under `fileName`;
    /// `rejected` of its rows were rejected then, so it was imported only in part.
    case alreadyImported(fileName: String, at: String, batch: Int64, rejected: Int64)
    /// A row whose vendor and ticket name a stored work order with other values.
    case ticketConflict(ticket: String, id: Int64, differences: [FieldDifference])
    /// A row whose id names a stored record with other values.
    case recordConflict(kind: RecordKind.ID, id: Int64, differences: [FieldDifference])
    /// No import batch has this number.
    case noSuchBatch(reference: String)
    case undoRefused(batch: Int64, reason: UndoRefusal)

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

    // Accounts of the web interface
    case unknownUser(name: String)
    case userExists(name: String)
    /// A password shorter than the minimum, or with a control character in it.
    case weakPassword(minimumLength: Int)
    /// A name that is empty, too long or holds control characters.
    case badUserName(name: String)
    /// Signing in failed: the same error for an unknown name, a wrong password and a disabled
    /// account, so the answer tells an attacker nothing.
    case signInFailed
    /// Too many failed sign-ins for this name or address: wait this many seconds.
    case signInThrottled(retryAfterSeconds: Int)
    /// The signed-in user's role does not allow this.
    case notPermitted(role: String)
    /// A form arrived without its anti-forgery token, or with another session's.
    case formExpired
    /// An uploaded file larger than allowed.
    case uploadTooLarge(limitBytes: Int)
    /// The password given as the current one is not the account's.
    case currentPasswordWrong
    /// The new password and its repetition differ.
    case passwordsDiffer
    /// `report --strict` for a year whose figures `check` finds errors in.
    case reportOverErrors(year: Int64, errors: Int)
    /// A form (not an upload) larger than a form can be.
    case formTooLarge(limitBytes: Int)
    /// A request the server could not read as HTTP (a broken chunked body, a bad header).
    case malformedRequest

    // Where the database is
    /// The environment variable naming the database is set but empty.
    case emptyDatabaseVariable(name: String)
}
