import DRCCore

/// The history in words: what an entry changed and why, in Chinese (fields by their labels,
/// choices by their words) or in English (the stored keys, word for word as history has always
/// shown them).
public enum HistoryText {
    /// The entry's action as a word: 新增, 修改, 删除, 批量.
    public static func action(_ action: String) -> Term? {
        switch action {
        case "insert": return Term(zh: "新增", en: "insert")
        case "update": return Term(zh: "修改", en: "update")
        case "delete": return Term(zh: "删除", en: "delete")
        case "batch": return Term(zh: "批量", en: "batch")
        default: return nil
        }
    }

    /// The kind an entry is about, as a word: 工单 / order; the seed's own entry as 示例数据.
    public static func kind(_ name: String) -> Term? {
        if name == "seed" { return Term(zh: "示例数据", en: "seed") }
        return RecordKinds.named(name).map { Term(zh: $0.noun.zh, en: $0.name) }
    }

    /// What changed, in one line: `name: 美音 → 湖南美音; active: 1 → 0` (名称：美音 → 湖南美音；…).
    public static func summary(_ summary: HistorySummary, in language: Language) -> String {
        let zh = language == .zh
        switch summary {
        case .changes(let changes):
            return changes.map { change in
                name(change, language) + (zh ? "：" : ": ") + value(change.old ?? .unknown, language) + " → " + value(change.new, language)
            }.joined(separator: zh ? "；" : "; ")
        case .values(let changes):
            return changes.map { name($0, language) + "=" + value($0.new, language) }.joined(separator: zh ? "，" : ", ")
        case .batch(let note, let ids):
            let text = note.map { self.note($0, in: language) } ?? ""
            guard let ids else { return text }
            return text + (zh ? "（#\(ids.lowerBound)–#\(ids.upperBound)）" : " (#\(ids.lowerBound)–#\(ids.upperBound))")
        }
    }

    /// The note in English, as the history has always said it.
    private static func english(_ note: HistoryNote) -> String {
        switch note {
        case .imported(let source): return "import of \(source)"
        case .importBatch(let source, let written, let kind, let rejected):
            return "import of \(source): \(written) \(RecordKinds.noun(of: kind).enPlural)" + (rejected > 0 ? ", \(rejected) rows rejected" : "")
        case .seed: return SeedLoader.source
        case .seedBatch(let count, let kind): return "\(SeedLoader.source): \(count) \(RecordKinds.noun(of: kind).enPlural)"
        case .action(let action): return action.rawValue
        case .reversal(let id): return "reversal of #\(id)"
        case .restore: return "restore"
        case .undoneBatch(let batch): return "undo of import batch \(batch)"
        case .text(let text): return text
        }
    }

    /// Why the entry was written.
    public static func note(_ note: HistoryNote, in language: Language) -> String {
        guard language == .zh else { return english(note) }
        switch note {
        case .imported(let source): return "导入 \(source)"
        case .importBatch(let source, let written, let kind, let rejected):
            let noun = RecordKinds.noun(of: kind)
            return "导入 \(source)：\(written) \(noun.measure)\(noun.zh)" + (rejected > 0 ? "，\(rejected) 行被拒" : "")
        case .seed: return seedName
        case .seedBatch(let count, let kind):
            let noun = RecordKinds.noun(of: kind)
            return "\(seedName)：\(count) \(noun.measure)\(noun.zh)"
        case .action(let action): return action.term.zh
        case .reversal(let id): return "冲销 #\(id)"
        case .restore: return "恢复"
        case .undoneBatch(let batch): return "撤销导入批次 \(batch)"
        case .text(let text): return text
        }
    }

    /// The compiled-in seed, as Chinese readers know it.
    static let seedName = "2020年度绩效评价报告"

    private static func name(_ change: HistoryChange, _ language: Language) -> String {
        language == .zh ? change.label?.zh ?? change.key : change.key
    }

    private static func value(_ value: HistoryValue, _ language: Language) -> String {
        switch value {
        case .unknown: return "∅"
        case .text(let text): return text
        case .word(let key, let term): return language == .zh ? term.zh : key
        case .reference(let id, let name): return "\(id) (\(name))"
        }
    }
}
