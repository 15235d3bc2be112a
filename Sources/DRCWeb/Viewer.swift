import DRCCore
import DRCDocuments
import DRCText

/// Who is looking at a page, in which language, and the token their forms carry.
struct Viewer: Sendable {
    /// Nil on the sign-in page.
    let account: UserAccount?
    let language: Language
    let csrfToken: String
    /// The path of the page, for the language switch to come back to.
    let path: String

    var messages: Messages { Messages(language) }

    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func word(_ term: Term, count: Int64 = 1) -> String { term.text(in: language, count: count) }

    func may(_ permission: UserRole.Permission) -> Bool { account?.role.may(permission) ?? false }

    /// The hidden field every form carries.
    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">" }
}
