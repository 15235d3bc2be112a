import DRCCore

/// A part of the site and who may enter it. Every route is registered in one room (`SiteMap`),
/// and its handler is given a context that exists only once the room's door has let the viewer
/// in, so no handler can forget to check.
protocol Room: Sendable {
    /// What the room's routes need; nil lets in every signed-in account.
    static var permission: UserRole.Permission? { get }
}

/// The start page and one's own password: every signed-in account.
enum Lobby: Room { static var permission: UserRole.Permission? { nil } }
/// Lists and records.
enum Records: Room { static var permission: UserRole.Permission? { .readRecords } }
/// Entering orders, their status changes, imports.
enum Entry: Room { static var permission: UserRole.Permission? { .enterRecords } }
/// Totals, the report, the loop, the check, exports.
enum Reports: Room { static var permission: UserRole.Permission? { .runReports } }
/// Accounts.
enum Accounts: Room { static var permission: UserRole.Permission? { .manageUsers } }
