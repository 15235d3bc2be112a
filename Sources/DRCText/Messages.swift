import DRCCore

/// The core's typed messages in words, in one language: `Messages(.zh).error(e)`. Every case
/// of `DRCError`, `Reason`, `DRCWarning`, `RowError`, the refusals and SQLite's failures has a
/// Chinese and an English rendering here (DRCTextTests renders them all). The English is the
/// text drc has always printed; the Chinese is written for the clerks of a district office.
///
/// A typed Swift catalog rather than Foundation's `.lproj` string tables: the messages are
/// built from typed values (counts, nouns, nested reasons), the compiler checks that every case
/// has its words in both languages, and there is no bundle to find at run time.
public struct Messages: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The Chinese or the English text, as the language asks.
    func say(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
        language == .zh ? zh() : en()
    }

    /// A kind's noun: 工单 / work order (plural in English when `count` is not one).
    func noun(_ kind: RecordKind.ID, count: Int64 = 1) -> String {
        RecordKinds.noun(of: kind).text(in: language, count: count)
    }

    /// A list in the language's manner: `a、b、c` / `a, b, c`.
    func list(_ items: [String]) -> String {
        items.joined(separator: say("、", ", "))
    }
}
