/// A sentence in both of drc's languages, declared where the thing it explains is declared
/// (a field's help), so help, forms and tables never declare it twice.
public struct Wording: Sendable, Equatable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        language == .zh ? zh : en
    }
}
