import SQLiteDB

extension Messages {
    /// SQLite's failures that reach the user, in words that say what to do.
    public func storage(_ error: SQLiteError) -> String {
        switch error.primaryCode {
        case SQLiteCode.full:
            return say("磁盘已满（或到了文件大小上限）；这次修改什么也没有写入。请腾出空间后重试",
                       "the disk is full (or a file-size limit was reached); nothing of this change was written. Free some space and try again")
        case SQLiteCode.ioError:
            return say("写入时磁盘报告了错误（\(error.message)）；这次修改什么也没有写入",
                       "the disk reported an error while writing (\(error.message)); nothing of this change was written")
        case SQLiteCode.readOnly:
            return say("数据库文件（或它所在的文件夹）是只读的；什么也没有写入。请检查权限",
                       "the database file (or its folder) is read-only; nothing was written. Check its permissions")
        case SQLiteCode.corrupt, SQLiteCode.notADatabase:
            return say("数据库文件已损坏（\(error.message)）；请从备份恢复（drc backup 可以做备份）",
                       "the database file is damaged (\(error.message)); restore it from a backup (drc backup makes one)")
        case SQLiteCode.busy, SQLiteCode.locked:
            return say("数据库被另一个写入者占用太久；请重试", "the database stayed busy with another writer for too long; try again")
        default:
            return say("数据库报告了错误：\(error.message)", "the database reported an error: \(error.message)")
        }
    }
}
