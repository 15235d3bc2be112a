import SQLiteDB

/// The names nearest a reference that matched nothing, for "did you mean": by how many of their
/// characters they share (Dice's coefficient over characters, which suits Chinese names, where a
/// clerk drops or mistypes a character: 美音公司 → 湖南美音网络技术有限公司, 芙蓉区财政居 → 芙蓉区财政局).
enum NearestNames {
    /// Names sharing at least half their characters with the reference, best first, three at most.
    /// Only a kind's first few thousand names are read: reference tables are small.
    static func among(db: Connection, table: String, column: String, to reference: String) throws -> [String] {
        let names = try db.rows("SELECT DISTINCT \(column) AS name FROM \(table) WHERE \(column) IS NOT NULL LIMIT 5000")
            .compactMap { $0.string("name") }
        let scored = names.map { (name: $0, score: similarity(reference, $0)) }.filter { $0.score >= 0.5 }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }.prefix(3).map(\.name)
    }

    /// 2 × shared characters ÷ (characters of both), case and spaces aside; 0 to 1.
    static func similarity(_ a: String, _ b: String) -> Double {
        let left = Array(a.lowercased().filter { !$0.isWhitespace })
        let right = Array(b.lowercased().filter { !$0.isWhitespace })
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var counts: [Character: Int] = [:]
        for character in right { counts[character, default: 0] += 1 }
        var shared = 0
        for character in left where (counts[character] ?? 0) > 0 {
            shared += 1
            counts[character]! -= 1
        }
        return 2 * Double(shared) / Double(left.count + right.count)
    }
}
