#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Messages {
    /// What the system said (an `errno`): the C library's words in English, plain Chinese for
    /// the failures a clerk meets (a missing file, no permission, a full disk).
    func system(_ code: Int32) -> String {
        let english = String(cString: strerror(code))
        guard language == .zh else { return english }
        switch code {
        case ENOENT: return "文件或文件夹不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "磁盘已满"
        case EDQUOT: return "超出了磁盘配额"
        case EROFS: return "文件系统是只读的"
        case EISDIR: return "这是一个文件夹"
        case ENOTDIR: return "路径中有一项不是文件夹"
        case EFBIG: return "文件太大"
        case EIO: return "磁盘读写出错"
        case ENAMETOOLONG: return "文件名太长"
        case EEXIST: return "文件已经存在"
        case EMFILE, ENFILE: return "打开的文件太多"
        case EBUSY: return "文件正被占用"
        default: return "系统错误（错误号 \(code)）"
        }
    }
}
