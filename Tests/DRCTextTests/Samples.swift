import DRCCore
import SQLiteDB

/// One or more samples of every case of the core's message types, with values like a clerk's.
enum Samples {
    static let reasons: [Reason] = [
        .required, .requiredNotCleared, .containsNUL, .notAWholeNumber, .negativeCount, .notAYear, .outOfRange(lowest: 1, highest: 1_000_000), .givenTwice, .negativeAmount,
        .notYesOrNo, .notOneOf([Term(zh: "新建", en: "new"), Term(zh: "已关闭", en: "closed")]), .childRowsOnly, .notADecimal,
        .emptyReference, .emptyPath,
        .emptyAmount, .notAnAmount, .tooManyDecimals(inWan: false), .tooManyDecimals(inWan: true), .amountTooLarge,
        .notADate, .noSuchMonth(13), .noSuchDay(year: 2021, month: 2, days: 28), .timeNotHHMM, .impossibleTime("25:00"),
        .timeHasSeconds, .creditCodeLength(17), .creditCodeCharacter("O", position: 7),
        .creditCodeCheck(expected: "3", found: "4"),
        .yearNeeded, .outsideOrderYear(2020), .beforeOrderEvent(field: "opened", at: "2020-03-02"), .remoteFixArrived, .statusByCommandsOnly,
        .beforeFirstYear(2019), .projectOrUnitRequired, .isThisLine, .parentElsewhere(year: "2020", kind: "basic"),
        .unitBelowItself, .tooManyChildValues(count: 4, fields: ["stage", "amount", "due"]), .notAFilter(kind: .order),
        .notAField(kind: .order, fields: ["year", "vendor"]), .referenceMissing, .breaksRule("CHECK constraint failed: amount"),
        .vendorInactive,
        .emptyFile, .emptySeedFile, .notUTF8, .onLine(3, .fieldCount(found: 4, header: 12)), .fieldCount(found: 4, header: 12),
        .tooManyColumns(10_000), .recordTooLong(megabytes: 64), .quoteInUnquotedField, .unclosedQuote,
        .textAfterClosingQuote(tabs: false), .textAfterClosingQuote(tabs: true), .missingColumn("vendor"), .needsYearOrOpened,
        .unknownColumn(index: 2, kind: .vendor, columns: ["name", "active"]), .repeatedColumn(index: 3, field: "vendor"),
        .unknownParentKey("u9"), .unknownUnitKey("u9"),
        .unknownColumns(["报修人", "联系电话"], kind: .order, columns: ["vendor", "category"]), .unnamedColumn(index: 2),
        .valueInUnnamedColumn(index: 7), .notAPair, .noSuchSheet(sheets: ["三月", "四月"]), .notAWorkbook(oldExcel: true),
        .notAWorkbook(oldExcel: false), .brokenWorkbook(part: "xl/worksheets/sheet1.xml", line: 2, problem: "Premature end of data"),
        .brokenWorkbook(part: "xl/sharedStrings.xml", line: nil, problem: "invalid distance"), .noSuchSheet(sheets: []),
        .workbookPartTooLarge(part: "xl/worksheets/sheet1.xml", megabytes: 512), .workbookUnpacksTooLarge(megabytes: 512),
        .workbookPackedTooTightly(part: "xl/worksheets/sheet1.xml", ratio: 200), .encryptedWorkbook, .workbookPartTooLarge(part: "", megabytes: 256),
        .tooManyRowsForSheet(limit: 1_048_576), .workbookMergesTooLarge(part: "xl/worksheets/sheet1.xml", megabytes: 32),
        .isAFolder, .cannotOpenFile(errno: 2), .cannotOpenFile(errno: 13), .cannotBeRead(errno: 5), .cannotBeWritten(errno: 28),
        .encodingUnsupported, .cannotHoldText, .queryWrites, .queryNotAllowed, .sqlite("no such table: vendors"),
        .readOnlyLocation, .permissionDenied, .cannotCreateFolder("/data/drc"),
        .brokenReferences(count: 2, table: "work_order", row: "3"), .backupNotMoved(destination: "b.sqlite", errno: 18),
        .backupFailed(destination: "b.sqlite", message: "disk I/O error"),
        .backupDamaged(path: "backups/drc-20261203-153000.sqlite", problem: "Page 7: btreeInitPage() returns error code 11"),
        .backupNotAFolder(path: "backups"), .backupNotRemoved(path: "backups/drc-20261201-020000.sqlite", errno: 13),
        .beforeStart("2020-01-01"), .isThisContract, .parentIsASupplement(original: "HT-2021-001"), .paymentNotPaid, .vendorDiffers(invoiceVendor: "长沙某科技有限公司", contractVendor: "湖南美音网络技术有限公司"), .notOnReversal, .negatedOnReversal,
        .notWorkingHours, .notPositive, .samePolicyScope("默认-紧急"),
    ]

    static let outputProblems: [OutputProblem] = [
        .isTheDatabase(database: "drc.sqlite"), .isADatabaseCompanion(database: "drc.sqlite"), .isAnotherDatabase, .isTheInput,
        .isAFolder, .folderMissing, .notARegularFile, .cannotBeChecked(errno: 13),
    ]
    static let restoreRefusals: [RestoreRefusal] = [
        .exists, .neverDeleted, .missingReference(field: "vendor", kind: .vendor, id: 2),
        .duplicate(field: "name", value: "长沙宜泽网络科技有限公司"),
    ]
    static let undoRefusals: [UndoRefusal] = [
        .alreadyUndone(at: "2026-11-25 10:05:00+08:00"), .changedLater(kind: .order, id: 12, at: "2026-11-25 11:00:00+08:00", actor: "王芳"),
        .referenced(kind: .contract, id: 3, by: [Referrers(noun: Term(zh: "工单", en: "work order"), count: 2)]),
    ]
    static let reversalRefusals: [ReversalRefusal] = [.isAReversal, .reversedBy(9), .notStanding]
    static let actions: [RecordAction] = [.edit, .delete, .importRecords, .reverse]

    static let errors: [DRCError] = [
        .databaseMissing(path: "/tmp/x.sqlite"), .databaseExists(path: "x.sqlite"), .notADatabase(path: "x.sqlite"),
        .notDrcDatabase(path: "x.sqlite"), .notARegularFile(path: "/dev/null"),
        .backup(.backupDamaged(path: "backups/drc-20261203-153000.sqlite", problem: "database disk image is malformed")),
        .cannotOpen(path: "x.sqlite", reason: .permissionDenied), .pendingMigrations(count: 2),
        .databaseTooNew(databaseVersion: 9, supportedVersion: 6), .migrationEdited(version: 3, name: "budget"),
        .migrationFailed(version: 5, name: "events", reason: .brokenReferences(count: 1, table: "work_order", row: "3")),
        .storage(.backupFailed(destination: "b.sqlite", message: "disk I/O error")),
        .undecodableText(encoding: "GB18030", byte: 12), .undecodableText(encoding: "UTF-16", byte: nil),
        .invalid(field: "opened", value: "2021-02-30", reason: .noSuchDay(year: 2021, month: 2, days: 28)),
        .invalid(field: "year", value: "", reason: .yearNeeded), .invalid(field: "output", value: "-", reason: .cannotBeWritten(errno: 32)),
        .notFound(kind: .vendor, reference: "不存在的公司"),
        .ambiguous(kind: .vendor, reference: "美音", matches: ["#1 湖南美音", "#2 长沙美音"]),
        .ambiguous(kind: .unit, reference: "办公室", matches: ["#4 数据中心/办公室", "#5 财政局/办公室"]),
        .duplicate(kind: .vendor, field: "name", value: "美音"),
        .deleteRefused(kind: .vendor, id: 1, referredBy: [Referrers(noun: Term(zh: "工单", en: "work order"), count: 12),
                                                          Referrers(noun: Term(zh: "项目", en: "project"), count: 1)]),
        .nothingToReport(year: 2031),
        .nothingToScore(year: 2031),
        .illegalTransition(id: 1, from: "closed", to: "close", allowed: ["reopen"]),
        .illegalTransition(id: 2, from: "new", to: "reopen", allowed: []),
        .inactiveVendor(name: "美音"), .nothingToChange, .followsAnotherField(field: "year", source: "opened"),
        .within(field: "stages 2 vendor", error: .notFound(kind: .vendor, reference: "无此公司")),
        .moneyOverflow(year: 2020), .moneyOverflow(year: nil), .countOverflow(year: 2020), .countOverflow(year: nil),
        .repeatedDimension(name: "kind"), .queryTimedOut(seconds: 5), .queryTimedOut(seconds: 0.5),
        .queryTooLarge(limitBytes: 64 << 20), .emptyDatabaseVariable(name: "DRC_DB"),
        .linkTaken(kind: .booking, field: "payments", target: .payment, targetID: 4, owner: 2),
        .unknownUser(name: "王丽"), .userExists(name: "王丽"), .weakPassword(minimumLength: 8),
        .badUserName(name: "evil\u{202E}gnp.exe"), .signInFailed, .signInThrottled(retryAfterSeconds: 30),
        .signInThrottled(retryAfterSeconds: 1), .notPermitted(role: "clerk"), .formExpired,
        .uploadTooLarge(limitBytes: 20 << 20), .formTooLarge(limitBytes: 256 << 10), .malformedRequest, .currentPasswordWrong, .passwordsDiffer,
        .reportOverErrors(year: 2021, errors: 1), .reportOverErrors(year: 2021, errors: 3),
        .notFoundNearest(kind: .vendor, reference: "美音公司", nearest: ["湖南美音网络技术有限公司"]),
        .notFoundNearest(kind: .unit, reference: "芙蓉区财政居", nearest: ["芙蓉区财政局", "芙蓉区审计局"]),
        .alreadyImported(fileName: "美音3月.csv", at: "2026-11-25 10:05:00+08:00", batch: 4, rejected: 0),
        .alreadyImported(fileName: "美音3月.csv", at: "2026-11-25 10:05:00+08:00", batch: 4, rejected: 2),
        .ticketConflict(ticket: "MY-0301", id: 17, differences: [
            FieldDifference(field: "summary", stored: "网络中断", incoming: "网络中断，已恢复"),
            FieldDifference(field: "phone", stored: nil, incoming: "0731-1234567")]),
        .noSuchBatch(reference: "99"),
        .recordConflict(kind: .order, id: 17, differences: [FieldDifference(field: "vendor", stored: "湖南美音", incoming: "长沙仕贤")]),
    ] + reasons.map { .invalid(field: "vendor", value: "x", reason: $0) }
        + outputProblems.map { .unsafeOutput(path: "out.csv", problem: $0) }
        + restoreRefusals.map { .restoreRefused(kind: .vendor, id: 7, reason: $0) }
        + reversalRefusals.map { .reversalRefused(kind: .order, id: 3, reason: $0) }
        + actions.map { .notAllowed(kind: .order, action: $0) }
        + undoRefusals.map { .undoRefused(batch: 4, reason: $0) }

    static let warnings: [DRCWarning] = [
        .futureYear(kind: .budget, year: 2031, currentYear: 2025), .closedOrderEdited(id: 4),
        .longSolveTime(id: 5, opened: "2020-01-02", solved: "2021-03-04"),
        .likelyDuplicate(id: 13, of: 12, ticket: "MY-0401", opened: "2021-04-01 09:00", minutesApart: 20),
        .likelyDuplicate(id: 13, of: 12, ticket: nil, opened: "2021-04-01 09:00", minutesApart: 0),
    ]

    static let rowErrors: [RowError] = [
        RowError(line: 3, column: "opened", value: "2021-02-30", reason: .noSuchDay(year: 2021, month: 2, days: 28)),
        RowError(line: 4, column: nil, value: nil, reason: .fieldCount(found: 4, header: 12)),
        RowError(line: 5, column: "vendor", value: "不存在的公司", problem: .failed(.notFound(kind: .vendor, reference: "不存在的公司"))),
        RowError(line: 6, column: "summary", value: String(repeating: "长", count: 80), reason: .containsNUL),
        RowError(line: 5, sheet: SheetPlace(sheet: "3月", column: 2), column: "opened", value: "2021-02-30",
                 reason: .noSuchDay(year: 2021, month: 2, days: 28)),
        RowError(line: 7, sheet: SheetPlace(sheet: "3月", column: nil), column: nil, value: nil,
                 problem: .failed(.notFound(kind: .vendor, reference: "无此公司"))),
    ]

    /// One SQLite failure for each way `Messages.storage` words them.
    static let sqliteErrors: [SQLiteError] = [
        SQLiteCode.full, SQLiteCode.ioError, SQLiteCode.readOnly, SQLiteCode.corrupt, SQLiteCode.notADatabase,
        SQLiteCode.busy, SQLiteCode.locked, SQLiteCode.constraint,
    ].map { SQLiteError(extendedCode: $0, message: "the engine's own words") }
}
