import DRCCore
import DRCDocuments
import Dispatch
import Hummingbird

/// Accounts, for admins: the list, a new account, disabling one. Passwords are set here or by
/// `drc user passwd`; the page never shows a hash.
extension WebApp {
    func userList(_ request: Request, _ context: RoomContext<Accounts>) async throws -> Response {
        try await accountsPage(context.viewer, context.account)
    }

    func accountsPage(_ viewer: Viewer, _ signedIn: UserAccount, error: DRCError? = nil, form: FormData? = nil) async throws -> Response {
        let accounts = try await service.read { try UserAccounts(store: $0).list() }
        let rows = accounts.html { account -> HTML in
            let disable: HTML = account.active && account.id != signedIn.id
                ? "<form method=\"post\" action=\"/users/\(account.id)/disable\">\(viewer.csrfField)<button type=\"submit\">\(viewer.say("停用", "Disable"))</button></form>"
                : ""
            return """
                <tr><td>\(account.name)</td><td>\(viewer.word(account.role.term))</td>
                <td>\(account.active ? viewer.say("启用", "active") : viewer.say("已停用", "disabled"))</td><td>\(account.createdAt)</td><td>\(disable)</td></tr>
                """
        }
        let message: HTML = error.map { "<p class=\"message\" role=\"alert\">\(viewer.messages.error($0))</p>" } ?? ""
        let roles = UserRole.allCases.html { role -> HTML in
            "<option value=\"\(role.rawValue)\"\(form?["role"] == role.rawValue ? HTML(" selected") : "")>\(viewer.word(role.term))</option>"
        }
        let body: HTML = """
            <h1>\(viewer.say("账户", "Accounts"))</h1>\(message)
            <table><thead><tr><th>\(viewer.say("账户名", "name"))</th><th>\(viewer.say("角色", "role"))</th><th>\(viewer.say("状态", "state"))</th>
            <th>\(viewer.say("建立时间", "created"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(viewer.say("新账户", "New account"))</h2>
            <form method="post" action="/users" class="entry">\(viewer.csrfField)
            <label for="u-name">\(viewer.say("账户名", "Name"))</label><input id="u-name" name="name" value="\(form?["name"])" required>
            <label for="u-role">\(viewer.say("角色", "Role"))</label><select id="u-role" name="role">\(roles)</select>
            <label for="u-password">\(viewer.say("密码", "Password"))</label><input id="u-password" name="password" type="password" autocomplete="new-password" required>
            <div class="actions"><button type="submit">\(viewer.say("建立", "Add"))</button></div></form>
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("账户", "Accounts"), body: body),
                              status: error == nil ? .ok : .unprocessableContent)
    }

    func addUser(_ request: Request, _ context: FormContext<Accounts>) async throws -> Response {
        let form = context.form
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        do {
            guard let role = form["role"].flatMap(UserRole.init(rawValue:)) else {
                throw DRCError.invalid(field: "role", value: form["role"] ?? "", reason: .notOneOf(UserRole.allCases.map(\.term)))
            }
            try UserAccounts.checkName(name)
            try UserAccounts.checkPassword(password)
            let hash = await Self.hashOffLoop(password)
            try await service.write { store in _ = try UserAccounts(store: store).add(name: name, role: role, passwordHash: hash) }
        } catch let error as DRCError {
            return try await accountsPage(context.viewer, context.account, error: error, form: form)
        }
        return Responses.redirect("/users")
    }

    func disableUser(_ request: Request, _ context: FormContext<Accounts>) async throws -> Response {
        let id = try Self.recordID(context)
        try await service.write { store in
            let accounts = UserAccounts(store: store)
            guard let account = try accounts.account(id: id) else { throw DRCError.unknownUser(name: "#\(id)") }
            try accounts.disable(name: account.name)
        }
        return Responses.redirect("/users")
    }

    static func hashOffLoop(_ password: String) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Passwords.hash(password)) }
        }
    }
}
