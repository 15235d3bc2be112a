import DRCCore

/// English grammar for a noun in a sentence, kept at the edge with the sentences themselves.
public enum EnglishNoun {
    /// The indefinite article goes by sound: "an indicator", but "a unit" (said "you-nit").
    public static func withArticle(_ noun: String) -> String {
        let vowelSound = noun.first.map { "aeio".contains($0) } == true
            || noun.first == "u" && !noun.hasPrefix("uni") && !noun.hasPrefix("use")
        return (vowelSound ? "an " : "a ") + noun
    }

    /// A kind's noun with its article: "a vendor", "an indicator".
    public static func withArticle(_ kind: RecordKind) -> String { withArticle(kind.noun.en) }
}
