import Foundation

/// Why a history entry was written, when drc knows: an import, the seed, a status action, a
/// reversal, a restore. The `note` column keeps the typed value (as JSON); the English
/// sentences earlier versions kept there (`import of in.csv: 4 work orders`) are still read
/// back into their cases, so older databases read the same. The edges render a note from its
/// case in the run's language.
public enum HistoryNote: Sendable, Equatable, Codable {
    /// A record written by an import of `source` (a file, or standard input).
    case imported(source: String)
    /// An import of `source` that wrote `written` records of `kind` and rejected `rejected` rows.
    case importBatch(source: String, written: Int64, kind: RecordKind.ID, rejected: Int64)
    /// The loading of the compiled-in seed.
    case seed
    /// The seed's `count` records of `kind`, written in bulk.
    case seedBatch(count: Int64, kind: RecordKind.ID)
    /// A work order's status action.
    case action(WorkOrderStatus.Action)
    /// The entry that reverses record `id` (an append-only kind's correction).
    case reversal(of: Int64)
    /// A deleted record brought back from its history.
    case restore
    /// The undoing of import batch `batch`: its records removed, its updates put back.
    case undoneBatch(batch: Int64)
    /// Any other note, as written.
    case text(String)

    // The unnamed values' keys in the stored JSON: `{"action":{"name":"close"}}`.
    private enum ActionCodingKeys: String, CodingKey { case _0 = "name" }
    private enum TextCodingKeys: String, CodingKey { case _0 = "text" }

    private static let importPrefix = "import of "
    private static let undoPrefix = "undo of import batch "

    /// The note as the `note` column keeps it: the case and its values, as JSON.
    public var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and whole numbers only: encoding cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// LIKE patterns that match every undo note, as this version and earlier ones wrote it.
    static let undoPatterns = [#"{"undoneBatch":%"#, undoPrefix + "%"]

    /// The note a `note` column holds, read back into its case: the typed value, or a sentence
    /// an earlier version wrote; anything else is `.text`.
    public init(stored: String) {
        if stored.hasPrefix("{"), let note = try? JSONDecoder().decode(HistoryNote.self, from: Data(stored.utf8)) {
            self = note
        } else {
            self = Self.decoded(stored) ?? .text(stored)
        }
    }

    /// Earlier versions' English sentences: `import of in.csv: 4 work orders`, `reversal of #3`.
    private static func decoded(_ text: String) -> HistoryNote? {
        if let action = WorkOrderStatus.Action(rawValue: text) { return .action(action) }
        if text == "restore" { return .restore }
        if text.hasPrefix(undoPrefix), let batch = Int64(text.dropFirst(undoPrefix.count)) { return .undoneBatch(batch: batch) }
        if text == SeedLoader.source { return .seed }
        if text.hasPrefix("reversal of #"), let id = Int64(text.dropFirst("reversal of #".count)) { return .reversal(of: id) }
        // "<origin>: <n> <plural>[, <m> rows rejected]", the origin an import or the seed.
        if let (origin, tail) = split(text, atLast: ": ") {
            var counts = Substring(tail)
            var rejected: Int64 = 0
            if tail.hasSuffix(" rows rejected"), let (written, rest) = split(tail, atLast: ", "),
               let number = Int64(rest.dropLast(" rows rejected".count)) {
                rejected = number
                counts = Substring(written)
            }
            let parts = counts.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let count = Int64(parts[0]),
               let kind = RecordKinds.all.first(where: { $0.noun.enPlural == parts[1] }) {
                if origin == SeedLoader.source && rejected == 0 { return .seedBatch(count: count, kind: kind.id) }
                if origin.hasPrefix(importPrefix) {
                    return .importBatch(source: String(origin.dropFirst(importPrefix.count)), written: count, kind: kind.id, rejected: rejected)
                }
            }
        }
        if text.hasPrefix(importPrefix) { return .imported(source: String(text.dropFirst(importPrefix.count))) }
        return nil
    }

    /// The text before and after the last `separator` in it.
    private static func split(_ text: String, atLast separator: String) -> (String, String)? {
        let characters = Array(text), marker = Array(separator)
        guard characters.count >= marker.count else { return nil }
        for start in stride(from: characters.count - marker.count, through: 0, by: -1)
        where Array(characters[start..<start + marker.count]) == marker {
            return (String(characters[..<start]), String(characters[(start + marker.count)...]))
        }
        return nil
    }
}
