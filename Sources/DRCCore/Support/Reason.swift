/// Why a value, a line of a file or an operation was refused: typed, with the facts a message
/// needs (counts, limits, the other field), and no words. DRCText renders each case in Chinese
/// or English after the field's name and value (`vendor "x": …`).
public indirect enum Reason: Error, Equatable, Sendable {
    // A value's form
    case required
    case requiredNotCleared
    case containsNUL
    case notAWholeNumber
    case negativeCount
    case notAYear
    /// A whole number outside the range its use allows (a page number, a year in an address).
    case outOfRange(lowest: Int64, highest: Int64)
    /// A parameter that may be given once, given more than once.
    case givenTwice
    case negativeAmount
    case notYesOrNo
    /// The allowed values, each with its Chinese name where it has one.
    case notOneOf([Term])
    /// A field of child rows given as one value.
    case childRowsOnly
    case notADecimal
    case emptyReference
    /// The database path given as an empty string.
    case emptyPath

    // Amounts (`Money.parse`)
    case emptyAmount
    case notAnAmount
    /// More decimals than the unit allows: two in yuan, six in 万元.
    case tooManyDecimals(inWan: Bool)
    /// Above `Money.largestAmount`.
    case amountTooLarge

    // Dates and times (`DateText.parse`)
    case notADate
    case noSuchMonth(Int)
    case noSuchDay(year: Int, month: Int, days: Int)
    case timeNotHHMM
    case impossibleTime(String)
    case timeHasSeconds

    // Unified social credit codes (`CreditCode.validate`)
    case creditCodeLength(Int)
    case creditCodeCharacter(String, position: Int)
    case creditCodeCheck(expected: String, found: String)

    // Rules of the records
    /// An order's year, needed unless its opened date gives it.
    case yearNeeded
    case outsideOrderYear(Int64)
    /// A timestamp before the order's earlier one (`field`: opened or solved, `at`: its value).
    case beforeOrderEvent(field: String, at: String)
    /// An order fixed remotely (远程处理) given an arrival time: one of the two is wrong.
    case remoteFixArrived
    case statusByCommandsOnly
    case beforeFirstYear(Int64)
    case projectOrUnitRequired
    case isThisLine
    /// A budget line's parent of another year, unit or kind (its year and kind shown).
    case parentElsewhere(year: String, kind: String)
    case unitBelowItself
    /// A contract's end before its start (the start shown).
    case beforeStart(String)
    /// A supplementary contract's parent that is the contract itself.
    case isThisContract
    /// A supplementary contract's parent that is itself a supplement (its original shown): the
    /// additions of 法第49条 are measured against the original contract.
    case parentIsASupplement(original: String)
    /// A payment booked (入账) before it is paid: only money paid can be booked.
    case paymentNotPaid
    /// An invoice of one vendor (`invoiceVendor`) set against a contract (or paid under a
    /// contract) of another (`contractVendor`): an invoice bills its own vendor's contract.
    case vendorDiffers(invoiceVendor: String, contractVendor: String)
    /// A field a reversing entry takes from the original, given anyway.
    case notOnReversal
    /// An amount a reversing entry takes from the original, negated, given anyway.
    case negatedOnReversal
    /// Working hours not written `HH:MM-HH:MM` with the start before the end.
    case notWorkingHours
    /// A number that must be more than zero (a service-level limit).
    case notPositive
    /// Another service-level policy (named) has the same priority, contract, vendor and category.
    case samePolicyScope(String)
    /// A child line with more values than its fields.
    case tooManyChildValues(count: Int, fields: [String])
    case notAFilter(kind: RecordKind.ID)
    case notAField(kind: RecordKind.ID, fields: [String])
    case referenceMissing
    /// A constraint of the schema, with SQLite's words for it.
    case breaksRule(String)
    case vendorInactive

    // Files and their lines
    case emptyFile
    case emptySeedFile
    case notUTF8
    /// A reason about one line of a file (`line 3 has …`).
    case onLine(Int, Reason)
    case fieldCount(found: Int, header: Int)
    case tooManyColumns(Int)
    case recordTooLong(megabytes: Int)
    case quoteInUnquotedField
    case unclosedQuote
    /// Text after a closing quote; `tabs` when the file is tab-separated.
    case textAfterClosingQuote(tabs: Bool)
    case missingColumn(String)
    case needsYearOrOpened
    /// Column `index` (from 0) of a header names no field of the kind.
    case unknownColumn(index: Int, kind: RecordKind.ID, columns: [String])
    case repeatedColumn(index: Int, field: String)
    /// Header cells that name no field of the kind, all of them (a vendor's file).
    case unknownColumns([String], kind: RecordKind.ID, columns: [String])
    /// An empty header cell before a named one (column `index`, from 0).
    case unnamedColumn(index: Int)
    /// A cell with a value in a column whose header is empty (column `index`, from 0).
    case valueInUnnamedColumn(index: Int)
    /// A `name=value` list with an item that is not one.
    case notAPair
    /// A sheet a workbook does not have (its sheets listed; none: the workbook has no worksheet).
    case noSuchSheet(sheets: [String])
    /// A file that is not the workbook its name says: an old binary .xls, or not a workbook at all.
    case notAWorkbook(oldExcel: Bool)
    /// A workbook part that cannot be read (what is wrong, in the XML parser's own words, and
    /// the part's line when known).
    case brokenWorkbook(part: String, line: Int?, problem: String)
    /// A workbook part (or a workbook held in memory, `part` empty) larger than drc reads.
    case workbookPartTooLarge(part: String, megabytes: Int)
    /// A workbook whose parts together unpack to more than drc reads from one workbook.
    case workbookUnpacksTooLarge(megabytes: Int)
    /// A workbook part packed more than `ratio` to 1, which no honest sheet is: a zip bomb.
    case workbookPackedTooTightly(part: String, ratio: Int)
    /// A sheet whose merged ranges, their value given to every cell they cover, would take more
    /// than drc keeps for them (`InflationLimits.mergedBytes`).
    case workbookMergesTooLarge(part: String, megabytes: Int)
    /// A workbook saved with a password (an encrypted package, which only its password opens).
    case encryptedWorkbook
    /// More records than one worksheet holds (`limit` rows, the header included).
    case tooManyRowsForSheet(limit: Int)
    case unknownParentKey(String)
    case unknownUnitKey(String)
    case isAFolder
    /// The system refused to open a file (`errno`).
    case cannotOpenFile(errno: Int32)
    case cannotBeRead(errno: Int32)
    case cannotBeWritten(errno: Int32)
    case encodingUnsupported
    case cannotHoldText

    // Queries, the database file, migrations and backups
    case queryWrites
    case queryNotAllowed
    /// SQLite's own message, passed on as it is.
    case sqlite(String)
    case readOnlyLocation
    case permissionDenied
    case cannotCreateFolder(String)
    case brokenReferences(count: Int, table: String, row: String)
    case backupNotMoved(destination: String, errno: Int32)
    case backupFailed(destination: String, message: String)
    /// A copy SQLite finds damaged (`PRAGMA integrity_check`): its first problem.
    case backupDamaged(path: String, problem: String)
    /// `backup --keep` names a folder; this is not one.
    case backupNotAFolder(path: String)
    /// An old backup that `--keep` could not remove.
    case backupNotRemoved(path: String, errno: Int32)
}
