/// The languages drc speaks. The core returns typed values; the edges (the command line, the
/// web) render them in one of these.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

extension Term {
    /// The term in `language`; in English the plural when `count` is not one.
    public func text(in language: Language, count: Int64 = 1) -> String {
        switch language {
        case .zh: return zh
        case .en: return count == 1 ? en : enPlural
        }
    }
}
