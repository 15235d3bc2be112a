import DRCCore

/// Every case of the core's message types numbered, so the completeness test can see that its
/// samples hold one of each. The switches have no default: a case added to a type does not
/// compile until it is numbered here (and its count raised), and then the test fails until the
/// samples hold one of it.
enum CaseTags {
    static func tag(_ value: Reason) -> Int {
        switch value {
        case .required: return 0
        case .requiredNotCleared: return 1
        case .containsNUL: return 2
        case .notAWholeNumber: return 3
        case .negativeCount: return 4
        case .notAYear: return 5
        case .negativeAmount: return 6
        case .notYesOrNo: return 7
        case .notOneOf: return 8
        case .childRowsOnly: return 9
        case .notADecimal: return 10
        case .emptyReference: return 11
        case .emptyPath: return 12
        case .emptyAmount: return 13
        case .notAnAmount: return 14
        case .tooManyDecimals: return 15
        case .amountTooLarge: return 16
        case .notADate: return 17
        case .noSuchMonth: return 18
        case .noSuchDay: return 19
        case .timeNotHHMM: return 20
        case .impossibleTime: return 21
        case .timeHasSeconds: return 22
        case .creditCodeLength: return 23
        case .creditCodeCharacter: return 24
        case .creditCodeCheck: return 25
        case .yearNeeded: return 26
        case .outsideOrderYear: return 27
        case .beforeOrderEvent: return 28
        case .statusByCommandsOnly: return 29
        case .beforeFirstYear: return 30
        case .projectOrUnitRequired: return 31
        case .isThisLine: return 32
        case .parentElsewhere: return 33
        case .unitBelowItself: return 34
        case .tooManyChildValues: return 35
        case .notAFilter: return 36
        case .notAField: return 37
        case .referenceMissing: return 38
        case .breaksRule: return 39
        case .vendorInactive: return 40
        case .emptyFile: return 41
        case .emptySeedFile: return 42
        case .notUTF8: return 43
        case .onLine: return 44
        case .fieldCount: return 45
        case .tooManyColumns: return 46
        case .recordTooLong: return 47
        case .quoteInUnquotedField: return 48
        case .unclosedQuote: return 49
        case .textAfterClosingQuote: return 50
        case .missingColumn: return 51
        case .needsYearOrOpened: return 52
        case .unknownColumn: return 53
        case .repeatedColumn: return 54
        case .unknownParentKey: return 55
        case .unknownUnitKey: return 56
        case .isAFolder: return 57
        case .cannotOpenFile: return 58
        case .cannotBeRead: return 59
        case .cannotBeWritten: return 60
        case .encodingUnsupported: return 61
        case .cannotHoldText: return 62
        case .queryWrites: return 63
        case .queryNotAllowed: return 64
        case .sqlite: return 65
        case .readOnlyLocation: return 66
        case .permissionDenied: return 67
        case .cannotCreateFolder: return 68
        case .brokenReferences: return 69
        case .backupNotMoved: return 70
        case .backupFailed: return 71
        case .beforeStart: return 72
        case .isThisContract: return 73
        case .notOnReversal: return 74
        case .negatedOnReversal: return 75
        case .notWorkingHours: return 83
        case .notPositive: return 84
        case .samePolicyScope: return 85
        case .unknownColumns: return 76
        case .unnamedColumn: return 77
        case .valueInUnnamedColumn: return 78
        case .notAPair: return 79
        case .noSuchSheet: return 80
        case .notAWorkbook: return 81
        case .brokenWorkbook: return 82
        case .workbookPartTooLarge: return 86
        case .tooManyRowsForSheet: return 87
        case .encryptedWorkbook: return 88
        case .workbookUnpacksTooLarge: return 89
        case .workbookPackedTooTightly: return 90
        case .outOfRange: return 91
        case .givenTwice: return 92
        case .remoteFixArrived: return 93
        case .backupDamaged: return 94
        case .backupNotAFolder: return 95
        case .backupNotRemoved: return 96
        case .paymentNotPaid: return 97
        case .vendorDiffers: return 98
        case .parentIsASupplement: return 99
        case .workbookMergesTooLarge: return 100
        }
    }
    static let reasonCount = 101

    static func tag(_ value: DRCError) -> Int {
        switch value {
        case .databaseMissing: return 0
        case .databaseExists: return 1
        case .notADatabase: return 2
        case .notDrcDatabase: return 3
        case .notARegularFile: return 4
        case .cannotOpen: return 5
        case .pendingMigrations: return 6
        case .databaseTooNew: return 7
        case .migrationEdited: return 8
        case .migrationFailed: return 9
        case .storage: return 10
        case .unsafeOutput: return 11
        case .undecodableText: return 12
        case .invalid: return 13
        case .notFound: return 14
        case .ambiguous: return 15
        case .duplicate: return 16
        case .deleteRefused: return 17
        case .notAllowed: return 18
        case .reversalRefused: return 19
        case .nothingToReport: return 20
        case .illegalTransition: return 21
        case .inactiveVendor: return 22
        case .nothingToChange: return 23
        case .restoreRefused: return 24
        case .followsAnotherField: return 25
        case .within: return 26
        case .moneyOverflow: return 27
        case .countOverflow: return 28
        case .repeatedDimension: return 29
        case .queryTimedOut: return 30
        case .queryTooLarge: return 31
        case .emptyDatabaseVariable: return 32
        case .linkTaken: return 33
        case .unknownUser: return 34
        case .userExists: return 35
        case .weakPassword: return 36
        case .badUserName: return 37
        case .signInFailed: return 38
        case .signInThrottled: return 39
        case .notPermitted: return 40
        case .formExpired: return 41
        case .uploadTooLarge: return 42
        case .nothingToScore: return 43
        case .alreadyImported: return 44
        case .ticketConflict: return 45
        case .noSuchBatch: return 46
        case .undoRefused: return 47
        case .recordConflict: return 48
        case .formTooLarge: return 49
        case .malformedRequest: return 50
        case .currentPasswordWrong: return 51
        case .passwordsDiffer: return 52
        case .reportOverErrors: return 54
        case .notFoundNearest: return 55
        case .backup: return 53
        }
    }
    static let errorCount = 56

    static func tag(_ value: UndoRefusal) -> Int {
        switch value {
        case .alreadyUndone: return 0
        case .changedLater: return 1
        case .referenced: return 2
        }
    }
    static let undoCount = 3

    static func tag(_ value: OutputProblem) -> Int {
        switch value {
        case .isTheDatabase: return 0
        case .isADatabaseCompanion: return 1
        case .isAnotherDatabase: return 2
        case .isTheInput: return 3
        case .isAFolder: return 4
        case .folderMissing: return 5
        case .notARegularFile: return 6
        case .cannotBeChecked: return 7
        }
    }
    static let outputCount = 8

    static func tag(_ value: RestoreRefusal) -> Int {
        switch value {
        case .exists: return 0
        case .neverDeleted: return 1
        case .missingReference: return 2
        case .duplicate: return 3
        }
    }
    static let restoreCount = 4

    static func tag(_ value: ReversalRefusal) -> Int {
        switch value {
        case .isAReversal: return 0
        case .reversedBy: return 1
        case .notStanding: return 2
        }
    }
    static let reversalCount = 3

    static func tag(_ value: RecordAction) -> Int {
        switch value {
        case .edit: return 0
        case .delete: return 1
        case .importRecords: return 2
        case .reverse: return 3
        }
    }
    static let actionCount = 4

    static func tag(_ value: DRCWarning) -> Int {
        switch value {
        case .futureYear: return 0
        case .closedOrderEdited: return 1
        case .longSolveTime: return 2
        case .likelyDuplicate: return 3
        }
    }
    static let warningCount = 4

    static func tag(_ value: RowError.Problem) -> Int {
        switch value {
        case .invalid: return 0
        case .failed: return 1
        }
    }
    static let problemCount = 2
}
