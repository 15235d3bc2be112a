import DRCCore

extension Messages {
    /// Why an output file was refused, `path` first; in every case nothing was written.
    public func output(_ path: String, _ problem: OutputProblem) -> String {
        switch problem {
        case .isTheDatabase(let database):
            return say("\(path) 就是数据库 \(database) 本身；没有写入任何内容。请另选一个输出文件",
                       "\(path) is the database \(database) itself; nothing was written. Name another file for the output")
        case .isADatabaseCompanion(let database):
            return say("\(path) 是数据库自己的文件（在 \(database) 旁边）；没有写入任何内容。请另选一个输出文件",
                       "\(path) is one of the database's own files (beside \(database)); nothing was written. Name another file for the output")
        case .isAnotherDatabase:
            return say("\(path) 是一个 SQLite 数据库；drc 从不把输出写在数据库上，所以没有写入任何内容。请另选一个文件",
                       "\(path) is a SQLite database; drc never writes an output over a database, so nothing was written. Name another file")
        case .isTheInput:
            return say("\(path) 就是正在导入的文件；没有写入任何内容。请另选一个输出文件",
                       "\(path) is the file being imported; nothing was written. Name another file for the output")
        case .isAFolder:
            return say("\(path) 是文件夹；请指定一个输出文件（没有写入任何内容）",
                       "\(path) is a folder; name a file for the output (nothing was written)")
        case .folderMissing:
            return say("\(path) 所在的文件夹不存在；没有写入任何内容", "the folder of \(path) does not exist; nothing was written")
        case .notARegularFile:
            return say("\(path) 不是普通文件（是设备、管道或套接字）；没有写入任何内容。请指定一个文件",
                       "\(path) is not a regular file (a device, pipe or socket); nothing was written. Name a file")
        case .cannotBeChecked(let code):
            return say("\(path) 在被替换之前无法检查（\(system(code))）；没有写入任何内容",
                       "\(path) cannot be checked before it is replaced (\(system(code))); nothing was written")
        }
    }

    /// Why record `id` of `kind` cannot be restored.
    public func restore(_ kind: RecordKind.ID, _ id: Int64, _ refusal: RestoreRefusal) -> String {
        let why: String
        switch refusal {
        case .exists:
            why = say("它仍然存在；只有已删除的记录才能恢复", "it exists; only a deleted record can be restored")
        case .neverDeleted:
            why = say("历史记录里没有删除它的记载", "the history holds no deletion of it")
        case .missingReference(let field, let target, let targetID):
            why = say("它的\(label(field))是\(noun(target)) #\(targetID)，这条记录已经不在了；请先恢复那个\(noun(target))",
                      "its \(field) was \(noun(target)) #\(targetID), which is gone; restore that \(noun(target)) first")
        case .duplicate(let field, let value):
            why = say("另一个\(noun(kind))现在的\(label(field))是\"\(value)\"", "another \(kind) has the \(field) \"\(value)\" now")
        }
        return say("\(noun(kind)) #\(id) 无法恢复：\(why)", "\(kind) #\(id) cannot be restored: \(why)")
    }

    /// Why entry `id` of an append-only `kind` cannot be reversed.
    public func reversal(_ kind: RecordKind.ID, _ id: Int64, _ refusal: ReversalRefusal) -> String {
        let noun = self.noun(kind)
        switch refusal {
        case .isAReversal:
            return say("\(noun) \(id) 本身就是一笔冲销；请重新录入正确的\(noun)",
                       "\(noun) \(id) is itself a reversal; enter the right \(noun) anew instead")
        case .reversedBy(let other):
            return say("\(noun) \(id) 已经被\(noun) \(other) 冲销过了", "\(noun) \(id) was reversed already, by \(noun) \(other)")
        case .notStanding:
            return say("\(noun) \(id) 还没有定稿；请直接修改或删除它，不必冲销",
                       "\(noun) \(id) is not final yet; change or delete it instead of reversing it")
        }
    }
}
