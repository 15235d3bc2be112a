/// Why a history entry was written, when drc knows: an import, the seed, a status action, a
/// reversal, a restore. The `note` column keeps it in the form drc has always written (the
/// English the history showed, `import of in.csv: 4 work orders`), so older databases read the
/// same; the edges render it from these cases in the run's language.
public enum HistoryNote: Sendable, Equatable {
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

    private static let importPrefix = "import of "
    private static let undoPrefix = "undo of import batch "

    /// The note as the `note` column keeps it.
    public var stored: String {
        switch self {
        case .imported(let source): return Self.importPrefix + source
        case .importBatch(let source, let written, let kind, let rejected):
            return "\(Self.importPrefix)\(source): \(written) \(RecordKinds.noun(of: kind).enPlural)"
                + (rejected > 0 ? ", \(rejected) rows rejected" : "")
        case .seed: return SeedLoader.source
        case .seedBatch(let count, let kind): return "\(SeedLoader.source): \(count) \(RecordKinds.noun(of: kind).enPlural)"
        case .action(let action): return action.rawValue
        case .reversal(let id): return "reversal of #\(id)"
        case .restore: return "restore"
        case .undoneBatch(let batch): return Self.undoPrefix + String(batch)
        case .text(let text): return text
        }
    }

    /// The note a `note` column holds, read back into its case; a note drc did not write in
    /// one of its forms is `.text`.
    public init(stored: String) {
        self = Self.decoded(stored) ?? .text(stored)
    }

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
