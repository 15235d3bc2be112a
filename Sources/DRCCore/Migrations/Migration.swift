/// One versioned schema change: `V0001__create_schema.sql` is version 1, "create_schema".
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Builds a migration from its file name and contents; nil when the name does not follow
    /// the `V<digits>__<name>.sql` convention.
    public init?(fileName: String, contents: [UInt8]) {
        guard fileName.hasPrefix("V"), fileName.hasSuffix(".sql"),
              let separator = fileName.firstRange(of: "__") else { return nil }
        let digits = fileName[fileName.index(after: fileName.startIndex)..<separator.lowerBound]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let version = Int(digits), version > 0 else {
            return nil
        }
        let name = fileName[separator.upperBound..<fileName.index(fileName.endIndex, offsetBy: -4)]
        self.init(version: version, name: String(name), sql: String(decoding: contents, as: UTF8.self))
    }

    public var fileName: String {
        let digits = String(version)
        return "V" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "__" + name + ".sql"
    }

    /// A checksum of the SQL text (64-bit FNV-1a), recorded when the migration is applied so
    /// that a migration edited after it shipped is detected.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
