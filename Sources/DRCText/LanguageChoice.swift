import DRCCore

/// Which language a person reading drc's output wants: the one asked for (`--lang zh|en`),
/// else the locale's (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them: a value
/// starting with `zh` means Chinese), else English.
public enum LanguageChoice {
    /// The value of `--lang` among `arguments` (`--lang zh` or `--lang=zh`), when it names a
    /// language; anything else is left for the argument parser to refuse.
    public static func asked(in arguments: [String]) -> Language? {
        var found: Language?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                found = Language(rawValue: arguments[index + 1].lowercased()) ?? found
                index += 1
            } else if argument.hasPrefix("--lang=") {
                found = Language(rawValue: String(argument.dropFirst(7)).lowercased()) ?? found
            }
            index += 1
        }
        return found
    }

    /// The locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not
    /// empty decides.
    public static func locale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    public static func choose(arguments: [String], environment: [String: String]) -> Language {
        asked(in: arguments) ?? locale(environment)
    }
}
