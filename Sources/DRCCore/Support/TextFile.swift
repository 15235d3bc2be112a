#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole text file: to a temporary name first, renamed into place when complete,
/// so a failed write never leaves half a file.
public enum TextFile {
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".drc-partial"
        guard let file = fopen(temporary, "wb") else {
            throw DRCError.invalid(field: "output", value: path, reason: "cannot be written: " + String(cString: strerror(errno)))
        }
        let bytes = Array(text.utf8)
        let written = bytes.isEmpty ? 0 : fwrite(bytes, 1, bytes.count, file)
        let closed = fclose(file)
        guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DRCError.invalid(field: "output", value: path, reason: "cannot be written: " + reason)
        }
    }
}
