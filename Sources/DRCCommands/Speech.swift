import DRCCore
import DRCText

/// The language the command line speaks in this run: chosen once, before the arguments are
/// parsed (help text is rendered while they are), by `LanguageChoice`.
enum Speech {
    nonisolated(unsafe) static var language: Language = .en
    /// Whether this run prints help, so that text only help shows is laid out only then
    /// (the argument parser reads every command's configuration on every run).
    nonisolated(unsafe) static var showsHelp = true

    /// The core's typed messages (errors, warnings, row errors) in the run's language.
    static var messages: Messages { Messages(language) }

    /// The text in the run's language.
    static func say(_ zh: String, _ en: String) -> String {
        language == .zh ? zh : en
    }
}
