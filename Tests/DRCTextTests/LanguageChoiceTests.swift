import DRCCore
import DRCText
import Testing

@Suite struct LanguageChoiceTests {
    @Test func theLocaleDecidesInPosixOrder() {
        #expect(LanguageChoice.locale(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(LanguageChoice.locale(["LANG": "zh_TW.UTF-8"]) == .zh)
        #expect(LanguageChoice.locale(["LANG": "en_US.UTF-8"]) == .en)
        #expect(LanguageChoice.locale([:]) == .en)
        #expect(LanguageChoice.locale(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(LanguageChoice.locale(["LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
    }

    @Test func langOnTheCommandLineWinsOverTheLocale() {
        #expect(LanguageChoice.choose(arguments: ["order", "list", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(LanguageChoice.choose(arguments: ["--lang=zh", "totals"], environment: [:]) == .zh)
        #expect(LanguageChoice.choose(arguments: ["--lang", "fr"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        // After `--` everything is a value, not an option.
        #expect(LanguageChoice.choose(arguments: ["sql", "--", "--lang", "zh"], environment: [:]) == .en)
    }
}
