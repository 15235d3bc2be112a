import ArgumentParser
import DRCCore
import DRCWeb
#if canImport(Glibc)
import Glibc
#endif

extension Drc {
    struct UserCommands: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "user",
                abstract: Speech.say("网页界面的账户：建立、列出、改密码、停用、启用。", "Accounts of the web interface: add, list, change a password, disable, enable."),
                subcommands: [Add.self, List.self, Passwd.self, Disable.self, Enable.self])
        }

        struct Add: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(
                    abstract: Speech.say("建立账户；密码从提示输入（或从标准输入读一行），从不写在命令行上。",
                                         "Add an account; the password is typed at a prompt (or read as one line from standard input), never given as an argument."))
            }
            @ParentCommand var root: Drc
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(Speech.say("账户名。", "The account name."))) var name: String
            @Option(help: ArgumentHelp(Speech.say("角色：admin（管理员）、clerk（录入员）、manager（主管）或 auditor（审计员）。",
                                                  "The role: admin, clerk, manager or auditor."), valueName: "role"))
            var role: String

            func run() throws {
                guard let role = UserRole(rawValue: role.lowercased()) ?? UserRole.allCases.first(where: { $0.term.zh == role }) else {
                    throw DRCError.invalid(field: "role", value: role, reason: .notOneOf(UserRole.allCases.map(\.term)))
                }
                try UserAccounts.checkName(name)
                let password = try PasswordPrompt.read(confirm: true)
                let store = try root.global.openStore()
                try UserAccounts(store: store).add(name: name, role: role, passwordHash: Passwords.hash(password))
                Console.line(Speech.say("已建立账户 \(name)（\(role.term.zh)）。", "Added the account \(name) (\(role.rawValue))."))
            }
        }

        struct List: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: Speech.say("列出账户（不显示密码）。", "List the accounts (never their passwords)."))
            }
            @ParentCommand var root: Drc
            @OptionGroup var global: GlobalOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let store = try root.global.openStore(readOnly: true)
                var table = ResultTable(columns: ["id", "name", "role", "active", "created"],
                                        headings: [nil, Term(zh: "账户名", en: "name"), Term(zh: "角色", en: "role"),
                                                   Term(zh: "启用", en: "active"), Term(zh: "建立时间", en: "created")])
                for account in try UserAccounts(store: store).list() {
                    table.rows.append([.init(account.id), .text(account.name), .word(key: account.role.rawValue, account.role.term),
                                       account.active ? .word(key: "yes", TableWords.yes) : .word(key: "no", TableWords.no),
                                       .text(account.createdAt)])
                }
                output.print(table)
            }
        }

        struct Passwd: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: Speech.say("重设账户的密码（从提示或标准输入读取）；账户已登录的会话全部失效。",
                                                          "Set an account's password (read at a prompt or from standard input); every session of the account ends."))
            }
            @ParentCommand var root: Drc
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(Speech.say("账户名。", "The account name."))) var name: String
            @Flag(help: ArgumentHelp(Speech.say("管理员重设：账户下次登录时必须先改成自己的新密码。",
                                                "An administrator's reset: the account must choose a new password of its own at its next sign-in.")))
            var reset = false

            func run() throws {
                let store = try root.global.openStore()
                guard try UserAccounts(store: store).find(name) != nil else { throw DRCError.unknownUser(name: name) }
                let password = try PasswordPrompt.read(confirm: true)
                try UserAccounts(store: store).setPassword(name: name, passwordHash: Passwords.hash(password), mustChange: reset)
                Console.line(reset
                    ? Speech.say("已重设 \(name) 的密码；下次登录时须改为自己的新密码。", "Reset the password of \(name); a new one must be chosen at the next sign-in.")
                    : Speech.say("已重设 \(name) 的密码。", "Set the password of \(name)."))
            }
        }

        struct Disable: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: Speech.say("停用账户：不能再登录，已登录的会话随即失效。", "Disable an account: it cannot sign in, and its sessions end."))
            }
            @ParentCommand var root: Drc
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(Speech.say("账户名。", "The account name."))) var name: String

            func run() throws {
                let store = try root.global.openStore()
                try UserAccounts(store: store).disable(name: name)
                Console.line(Speech.say("已停用账户 \(name)。", "Disabled the account \(name)."))
            }
        }

        struct Enable: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: Speech.say("启用已停用的账户（密码不变）。", "Enable a disabled account again (its password unchanged)."))
            }
            @ParentCommand var root: Drc
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(Speech.say("账户名。", "The account name."))) var name: String

            func run() throws {
                let store = try root.global.openStore()
                try UserAccounts(store: store).enable(name: name)
                Console.line(Speech.say("已启用账户 \(name)。", "Enabled the account \(name)."))
            }
        }
    }
}

/// Reads a password: at a terminal, typed twice without echo; otherwise one line from
/// standard input (a script: `printf '%s\n' "$PW" | drc user add …`). Never an argument,
/// which other users could read in the process list.
enum PasswordPrompt {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            let password = readLine(strippingNewline: true) ?? ""
            try UserAccounts.checkPassword(password)
            return password
        }
        let first = prompt(Speech.say("密码：", "Password: "))
        try UserAccounts.checkPassword(first)
        if confirm {
            let second = prompt(Speech.say("再输入一次：", "Again: "))
            guard first == second else {
                throw ValidationError(Speech.say("两次输入的密码不一致", "the two passwords differ"))
            }
        }
        return first
    }

    private static func prompt(_ text: String) -> String {
        Console.text(text)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            Console.text("\n")
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
