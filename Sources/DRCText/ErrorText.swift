import DRCCore

extension Messages {
    /// The error in words: what was wrong, naming the field, value or record.
    public func error(_ error: DRCError) -> String {
        switch error {
        case .databaseMissing(let path):
            return say("数据库文件 \(path) 不存在", "there is no database at \(path)")
        case .databaseExists(let path):
            return say("\(path) 已有一个文件；它没有被改动", "a file already exists at \(path); it was left untouched")
        case .notADatabase(let path):
            return say("\(path) 不是 drc 数据库（它不是 SQLite 文件，或已经损坏）",
                       "\(path) is not a drc database (the file is not SQLite, or it is damaged)")
        case .notDrcDatabase(let path):
            return say("\(path) 是 SQLite 数据库，但不是 drc 的数据库；drc 不会改动它",
                       "\(path) is an SQLite database, but not a drc database; drc leaves it as it is")
        case .notARegularFile(let path):
            return say("\(path) 不是普通文件（是文件夹、设备、管道或套接字）；请指定数据库文件",
                       "\(path) is not a regular file (a folder, a device, a pipe or a socket); name a database file")
        case .cannotOpen(let path, let reason):
            return say("无法打开数据库 \(path)：\(self.reason(reason))", "cannot open the database at \(path): \(self.reason(reason))")
        case .pendingMigrations(let count):
            return say("数据库需要做 \(count) 次结构升级（迁移）", "the database needs \(count) schema migration\(count == 1 ? "" : "s")")
        case .databaseTooNew(let databaseVersion, let supportedVersion):
            return say("数据库的结构版本是 \(databaseVersion)，比这个 drc 支持的版本（\(supportedVersion)）新；请使用更新的 drc",
                       "the database is at schema version \(databaseVersion), newer than this drc supports "
                           + "(\(supportedVersion)); use a newer drc")
        case .migrationEdited(let version, let name):
            return say("迁移 \(version)（\(name)）在应用到这个数据库之后被改动过；请恢复原来的迁移文件",
                       "migration \(version) (\(name)) was changed after it was applied to this database; "
                           + "restore the original migration file")
        case .migrationFailed(let version, let name, let reason):
            return say("迁移 \(version)（\(name)）失败，已经回滚：\(self.reason(reason))",
                       "migration \(version) (\(name)) failed and was rolled back: \(self.reason(reason))")
        case .backup(let reason):
            return self.reason(reason)
        case .storage(let reason):
            return say("数据库未能完成这次修改：\(self.reason(reason))", "the database could not complete the change: \(self.reason(reason))")
        case .unsafeOutput(let path, let problem):
            return output(path, problem)
        case .undecodableText(let encoding, let byte?):
            return say("文件第 \(byte) 个字节起不是有效的 \(encoding) 文本", "file \"byte \(byte)\": is not valid \(encoding) text")
        case .undecodableText(let encoding, nil):
            return say("文件在一个 \(encoding) 字符的中间结束", "file \"end\": ends in the middle of a \(encoding) character")
        case .invalid(let field, let value, let reason):
            return invalid(field, value, reason)
        case .notFound(let kind, let reference):
            return say("\(noun(kind))\"\(reference)\"：找不到", "no \(noun(kind)) matches \"\(reference)\"")
        case .notFoundNearest(let kind, let reference, let nearest):
            let names = nearest.map { "\"\($0)\"" }
            return say("\(noun(kind))\"\(reference)\"：找不到；是不是 \(names.joined(separator: "、"))？",
                       "no \(noun(kind)) matches \"\(reference)\"; did you mean \(names.joined(separator: " or "))?")
        case .ambiguous(let kind, let reference, let matches):
            // A unit's name recurs under different parents; its parent's name tells them apart.
            let how = kind == .unit
                ? say("请给出编号，或按列表里的写法写出上级和名称（上级/名称）", "give the id, or the parent and the name as the list shows them (parent/name)")
                : say("请给出编号或完整的名称", "give the id or the exact name")
            return say("\"\(reference)\" 对应 \(matches.count) \(RecordKinds.noun(of: kind).measure)\(noun(kind))：\(matches.joined(separator: "；"))；" + how,
                       "\"\(reference)\" matches \(matches.count) \(noun(kind, count: 2)): "
                           + "\(matches.joined(separator: "; ")); " + how)
        case .duplicate(let kind, let field, let value):
            return say("已经有\(label(field))为\"\(value)\"的\(noun(kind))",
                       "\(Self.withArticle(noun(kind))) with \(field) \"\(value)\" already exists")
        case .deleteRefused(let kind, let id, let referrers):
            let counts = referrers.map { say("\($0.count) \($0.noun.measure)\($0.noun.zh)", "\($0.count) \($0.noun.text(in: .en, count: $0.count))") }
            return say("\(noun(kind)) \(id) 不能删除：仍有 " + counts.joined(separator: "、") + "引用它",
                       "\(kind) \(id) cannot be deleted: it has " + counts.joined(separator: " and "))
        case .notAllowed(let kind, let action):
            return notAllowed(kind, action)
        case .reversalRefused(let kind, let id, let refusal):
            return reversal(kind, id, refusal)
        case .linkTaken(let kind, let field, let target, let targetID, let owner):
            return say("\(label(field))：\(noun(target)) #\(targetID) 已经属于\(noun(kind)) #\(owner)；一\(RecordKinds.noun(of: target).measure)\(noun(target))只能属于一\(RecordKinds.noun(of: kind).measure)\(noun(kind))",
                       "\(field): \(noun(target)) #\(targetID) belongs to \(noun(kind)) #\(owner) already; "
                           + "a \(noun(target)) belongs to one \(noun(kind)) only")
        case .nothingToReport(let year):
            return say("\(year) 年没有预算行、评价发现或绩效指标，无法生成报告",
                       "there is no budget line, finding or indicator for \(year) to write a report from")
        case .nothingToScore(let year):
            return say("\(year) 年该项目（或单位）没有绩效指标，无法评分", "there are no indicators of that project (or unit) for \(year) to score")
        case .illegalTransition(let id, let from, let to, let allowed):
            return transition(id, from: from, to: to, allowed: allowed)
        case .inactiveVendor(let name):
            return say("供应商\"\(name)\"已停用，不再接受新工单", "vendor \"\(name)\" is inactive and takes no new work orders")
        case .nothingToChange:
            return say("没有要修改的内容：请至少给出一个要修改的字段", "nothing to change: give at least one field to edit")
        case .restoreRefused(let kind, let id, let refusal):
            return restore(kind, id, refusal)
        case .within(let field, let error):
            return say("\(label(field))：\(self.error(error))", "\(field): \(self.error(error))")
        case .followsAnotherField(let field, let source):
            return say("\(label(field))不能清空：它取自\(label(source))；请修改\(label(source))",
                       "\(field) cannot be cleared: it follows \(source) (taken from it); change \(source) instead")
        case .moneyOverflow(let year):
            return say("\(year.map { "\($0) 年的" } ?? "")金额加起来超出了 drc 能表示的范围；有一笔金额大得离谱"
                           + "（每笔最多 \(Money.yuan(Money.largestAmount)) 元）：请查找输错的那一笔",
                       "the amounts\(year.map { " of \($0)" } ?? "") add up to more than drc can hold; "
                           + "an amount is far too large (each may be at most \(Money.yuan(Money.largestAmount)) yuan): look for a mistyped one")
        case .countOverflow(let year):
            return say("\(year.map { "\($0) 年的" } ?? "")数量加起来超出了 drc 能表示的范围",
                       "the counts\(year.map { " of \($0)" } ?? "") add up to more than drc can hold")
        case .repeatedDimension(let name):
            return say("维度\"\(name)\"写了不止一次；每个维度只写一次",
                       "the dimension \"\(name)\" is given more than once; name each dimension once")
        case .queryTimedOut(let seconds):
            return say("查询在 \(Self.number(seconds)) 秒后被停止（到了时间上限）；请缩小查询范围（加 WHERE 或 LIMIT），或放宽时限",
                       "the query was stopped after \(Self.number(seconds))\(seconds == 1 ? " second" : " seconds") (its time limit); "
                           + "narrow it (add WHERE or LIMIT) or allow it longer")
        case .queryTooLarge(let limitBytes):
            return say("查询被停止：它需要超过 \(limitBytes / 1_048_576) MiB 的内存，或生成了比这更长的值；"
                           + "请缩小查询范围（加 WHERE 或 LIMIT，或避开特别大的二进制值和字符串）",
                       "the query was stopped: it needed more than \(limitBytes / 1_048_576) MiB of memory, "
                           + "or built a value longer than that; narrow it (add WHERE or LIMIT, or avoid huge blobs and strings)")
        case .unknownUser(let name):
            return say("没有名为\"\(name)\"的账户；用 drc user list 查看全部账户",
                       "there is no account named \"\(name)\"; drc user list shows them all")
        case .userExists(let name):
            return say("账户\"\(name)\"已存在；请换一个名字，或用 drc user passwd 重设其密码",
                       "the account \"\(name)\" exists already; choose another name, or reset its password with drc user passwd")
        case .weakPassword(let minimumLength):
            return say("密码太弱：至少 \(minimumLength) 个字符，且不能含控制字符",
                       "the password is too weak: it needs at least \(minimumLength) characters and no control characters")
        case .badUserName(let name):
            return say("账户名\"\(name)\"不可用：不能为空、首尾不能有空格、最多 \(UserAccounts.maximumNameLength) 个字符，且不能含控制字符或文字方向控制符",
                       "the account name \"\(name)\" cannot be used: it must not be empty, start or end with a space, "
                           + "be longer than \(UserAccounts.maximumNameLength) characters, or hold control or text-direction characters")
        case .signInFailed:
            return say("账户名或密码不对（或账户已停用）", "wrong account name or password (or the account is disabled)")
        case .signInThrottled(let seconds):
            return say("登录失败次数太多；请 \(seconds) 秒后再试", "too many failed sign-ins; try again in \(seconds)\(seconds == 1 ? " second" : " seconds")")
        case .notPermitted(let role):
            let term = UserRole(rawValue: role)?.term.text(in: language) ?? role
            return say("\(term)角色不能做这件事；请找有权限的同事，或请管理员调整角色",
                       "the \(term) role may not do this; ask a colleague who may, or an admin to change your role")
        case .formExpired:
            return say("表单已过期或不是从本站提交的；请刷新页面后重新提交",
                       "the form has expired or was not sent from this site; reload the page and send it again")
        case .uploadTooLarge(let limitBytes):
            return say("上传的文件太大（最多 \(limitBytes / 1_048_576) MiB）；请分成几个文件",
                       "the uploaded file is too large (at most \(limitBytes / 1_048_576) MiB); split it into several files")
        case .reportOverErrors(let year, let errors):
            return say("\(year) 年度的数据核对有 \(errors) 项错误，报告未生成", "the \(year) figures have \(errors) \(errors == 1 ? "error" : "errors") in their check; no report was written")
        case .currentPasswordWrong: return say("当前密码不对", "the current password is not right")
        case .passwordsDiffer: return say("两次输入的新密码不一样", "the new password and its repetition differ")
        case .formTooLarge(let limitBytes):
            return say("表单太大（最多 \(limitBytes / 1024) KiB）；请缩短所填内容", "the form is too large (at most \(limitBytes / 1024) KiB); shorten what was typed")
        case .malformedRequest:
            return say("浏览器发来的请求格式不对，无法读取；请重新打开页面再试", "the browser's request is malformed and cannot be read; open the page again and retry")
        case .alreadyImported, .ticketConflict, .recordConflict, .noSuchBatch, .undoRefused:
            return batch(error) ?? ""
        case .emptyDatabaseVariable(let name):
            return say("环境变量 \(name) 已设置但为空；请在其中写上数据库文件，或取消这个变量以使用本用户的数据库",
                       "the environment variable \(name) is set but empty; put the database file in it, "
                           + "or unset it to use the per-user database")
        }
    }

    /// `vendor "x": is not …` / `供应商"x"：…`; an empty value is left out in Chinese.
    private func invalid(_ field: String, _ value: String, _ reason: Reason) -> String {
        // An output that is standard output has no path to show.
        let shown = field == "output" && value == "-" ? say("标准输出", "standard output") : value
        return say("\(label(field))\(shown.isEmpty ? "" : "\"\(shown)\"")：\(self.reason(reason))",
                   "\(field) \"\(shown)\": \(self.reason(reason))")
    }

    private func notAllowed(_ kind: RecordKind.ID, _ action: RecordAction) -> String {
        let verb: (zh: String, en: String)
        switch action {
        case .edit: verb = ("修改", "edited")
        case .delete: verb = ("删除", "deleted")
        case .importRecords: verb = ("导入", "imported")
        case .reverse: verb = ("冲销", "reversed")
        }
        let correct = action == .edit || action == .delete
        return say("\(noun(kind))不能\(verb.zh)" + (correct ? "；请用一笔冲销记录来更正" : ""),
                   "\(noun(kind, count: 2)) cannot be \(verb.en)" + (correct ? "; correct one with a reversing entry" : ""))
    }

    private func transition(_ id: Int64, from: String, to: String, allowed: [String]) -> String {
        let next = allowed.isEmpty ? say("无", "nothing") : say(list(allowed.map(actionName)), allowed.joined(separator: ", "))
        return say("工单 \(id) 当前是\(statusName(from))，现在不能\(actionName(to))；从\(statusName(from))可以：\(next)",
                   "work order \(id) is \(from), so it cannot \(to) now; from \(from) it can: \(next)")
    }

    /// A work order's status in Chinese: 已关闭 (the stored value when it is not one).
    private func statusName(_ status: String) -> String {
        "“" + (WorkOrderStatus(rawValue: status)?.label ?? status) + "”"
    }

    /// A status action in Chinese, with the command that does it: 关闭（close）.
    private func actionName(_ action: String) -> String {
        let name: String
        switch WorkOrderStatus.Action(rawValue: action) {
        case .assign: name = "分配"
        case .pend: name = "挂起"
        case .solve: name = "解决"
        case .close: name = "关闭"
        case .cancel: name = "取消"
        case .reopen: name = "重新打开"
        case nil: return action
        }
        return "\(name)（\(action)）"
    }

    /// The field's name for this language (its Chinese label, see `FieldNames`).
    func label(_ field: String) -> String {
        FieldNames.label(field, in: language)
    }

    /// The indefinite article goes by sound: "an indicator", but "a unit" (said "you-nit").
    static func withArticle(_ noun: String) -> String {
        EnglishNoun.withArticle(noun)
    }

    /// A number of seconds as typed: `5`, `0.5`.
    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int64(value)) : String(value)
    }
}
