/// What a signed-in person may do. The rules live here, in the core, so every face (the web
/// routes today) asks the same question: `role.may(.enterRecords)`.
public enum UserRole: String, CaseIterable, Sendable, Codable {
    case admin, clerk, manager, auditor

    public var term: Term {
        switch self {
        case .admin: return Term(zh: "管理员", en: "admin")
        case .clerk: return Term(zh: "录入员", en: "clerk")
        case .manager: return Term(zh: "主管", en: "manager")
        case .auditor: return Term(zh: "审计员", en: "auditor")
        }
    }

    /// The things a role may be allowed; each route names the one it needs.
    public enum Permission: String, CaseIterable, Sendable {
        /// Lists, records, the dashboard's charts.
        case readRecords
        /// Add orders, move them through their lifecycle, import files.
        case enterRecords
        /// Totals, the report, exports.
        case runReports
        /// Who changed what and when (every record's history).
        case readHistory
        /// Add, disable and reset accounts.
        case manageUsers
    }

    /// Clerks enter and correct records; managers read everything and run totals, reports and
    /// exports; auditors read everything including history; admins manage accounts only.
    public func may(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (.clerk, .readRecords), (.clerk, .enterRecords): return true
        case (.manager, .readRecords), (.manager, .runReports): return true
        case (.auditor, .readRecords), (.auditor, .runReports), (.auditor, .readHistory): return true
        case (.admin, .manageUsers): return true
        default: return false
        }
    }
}
