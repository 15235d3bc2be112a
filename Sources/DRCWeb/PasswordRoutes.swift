import DRCCore
import DRCDocuments
import Hummingbird

/// A signed-in user's own password: the current one, the new one twice. Changing it ends every
/// other session of the account and starts this browser on a new one; an account an administrator
/// has reset is sent here before any other page.
extension WebApp {
    func passwordPage(_ request: Request, _ context: RoomContext<Lobby>) async throws -> Response {
        try await passwordPage(request, context.viewer, context.account)
    }

    func passwordPage(_ request: Request, _ viewer: Viewer, _ account: UserAccount, error: DRCError? = nil) async throws -> Response {
        let message: HTML = error.map { "<p class=\"message\" role=\"alert\">\(viewer.messages.error($0))</p>" } ?? ""
        let changed: HTML = request.uri.queryParameters.get("changed") == "1" && error == nil
            ? "<p class=\"notice\" role=\"status\">\(viewer.say("密码已更改", "The password is changed"))</p>" : ""
        let reset: HTML = account.mustChangePassword
            ? "<p class=\"notice\" role=\"status\">\(viewer.say("管理员重设了您的密码；请先设一个自己的新密码。", "An administrator reset your password; choose a new one of your own first."))</p>"
            : ""
        let body: HTML = """
            <h1>\(viewer.say("修改密码", "Change the password"))</h1>\(changed)\(reset)\(message)
            <form method="post" action="/password" class="entry">\(viewer.csrfField)
            <label for="p-current">\(viewer.say("当前密码", "Current password"))</label>
            <input id="p-current" name="current" type="password" autocomplete="current-password" required>
            <label for="p-new">\(viewer.say("新密码", "New password"))</label>
            <input id="p-new" name="new" type="password" autocomplete="new-password" required>
            <label for="p-again">\(viewer.say("再输一次新密码", "New password again"))</label>
            <input id="p-again" name="again" type="password" autocomplete="new-password" required>
            <div class="actions"><button type="submit">\(viewer.say("修改", "Change"))</button></div></form>
            """
        return Responses.page(Layout.page(viewer, title: viewer.say("修改密码", "Password"), body: body),
                              status: error == nil ? .ok : .unprocessableContent)
    }

    func changePassword(_ request: Request, _ context: FormContext<Lobby>) async throws -> Response {
        let viewer = context.viewer
        let form = context.form
        let account = context.account
        let new = form["new"] ?? ""
        do {
            let stored = try await service.read { try UserAccounts(store: $0).find(account.name) }
            guard let stored, await Passwords.verifyOffLoop(form["current"] ?? "", hash: stored.passwordHash) else {
                throw DRCError.currentPasswordWrong
            }
            guard new == form["again"] ?? "" else { throw DRCError.passwordsDiffer }
            try UserAccounts.checkPassword(new)
            let hash = await Self.hashOffLoop(new)
            let renewed = try await service.write { store -> UserAccount? in
                let accounts = UserAccounts(store: store)
                try accounts.setPassword(name: account.name, passwordHash: hash)
                return try accounts.account(id: account.id)
            }
            if let renewed { try await startSession(request, context.sessions, for: renewed) }
        } catch let error as DRCError {
            return try await passwordPage(request, context.viewer, context.account, error: error)
        }
        return Responses.redirect("/password?changed=1")
    }
}
