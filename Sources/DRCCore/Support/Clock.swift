#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time as the text the database stores.
public enum Clock {
    /// Now, in UTC, as `2026-11-25T03:10:05Z`.
    public static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return format(parts, pattern: "%Y-%m-%dT%H:%M:%SZ")
    }

    /// The current local time as `2026-11-25 14:05`, the form work-order timestamps use.
    public static func localMinute() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return format(parts, pattern: "%Y-%m-%d %H:%M")
    }

    private static func format(_ parts: tm, pattern: String) -> String {
        var parts = parts
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
