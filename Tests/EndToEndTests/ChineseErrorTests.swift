import Foundation
import Testing

/// A clerk's everyday mistakes under a Chinese locale: every error is Chinese (`drc: 错误：…`),
/// with no English beyond the values quoted, paths, options and command names, and exit 1;
/// `--lang en` brings the English back.
@Suite struct ChineseErrorTests {
    /// Runs drc as `clerk` does, under `LANG=zh_CN.UTF-8`.
    func chinese(_ clerk: Clerk, _ arguments: String..., stdin: String? = nil) throws -> RunResult {
        try drc(arguments, in: clerk.folder, stdin: stdin,
                environment: ["DRC_DB": clerk.folder + "/records.sqlite", "DRC_USER": "王丽", "LANG": "zh_CN.UTF-8"])
    }

    /// The English words left in `line` once quoted values, `commands`, paths, options and the
    /// status commands (which a clerk types as they are) are taken out.
    static func englishWords(in line: String) -> [String] {
        var text = line.replacingOccurrences(of: #""[^"]*""#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\S*/\S*"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"--[a-z-]+"#, with: " ", options: .regularExpression)
        let commands: Set = ["drc", "assign", "pend", "solve", "close", "cancel", "reopen", "FILE"]
        let words = text.components(separatedBy: CharacterSet.letters.inverted.union(CharacterSet(charactersIn: Unicode.Scalar(0x4E00)!...Unicode.Scalar(0x9FFF)!)))
        return words.filter { $0.count >= 3 && $0.allSatisfy(\.isASCII) && !commands.contains($0) }
    }

    /// Expects a Chinese error: exit 1, `drc: 错误：` first, no English words, and `expected` in it.
    func expectChinese(_ result: RunResult, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("drc: 错误："), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "\(result.stderr)", sourceLocation: sourceLocation)
        for line in result.stderr.split(separator: "\n") {
            #expect(Self.englishWords(in: String(line)).isEmpty, "English in \(line)", sourceLocation: sourceLocation)
        }
    }

    /// The argument parser's own lines (Error, Usage, Help, See …) are said in Chinese too; the
    /// synopsis keeps its option names, which are typed as they are.
    @Test func usageMistakesAreSaidInChinese() throws {
        try withClerk { clerk throws in
            let cases: [([String], String)] = [
                (["order", "show"], "错误：缺少参数 <reference>"),
                (["order", "show", "1", "2", "3"], "错误：多余的参数（2 个）：2、3"),
                (["order", "show", "--formt", "csv", "1"], "错误：未知选项 --formt；是不是 --format？"),
                (["totals", "--year", "2020", "--format", "nope"], "错误：--format <format> 的值 “nope” 无效；可选：table、csv、json"),
                (["serve", "--port", "99999"], "错误：--port 99999：端口应在 0 到 65535 之间"),
            ]
            for (arguments, expected) in cases {
                let result = try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "zh_CN.UTF-8"])
                #expect(result.status == 64, "\(arguments)")
                let lines = result.stderr.split(separator: "\n").map(String.init)
                #expect(lines.first == expected, "\(result.stderr)")
                #expect(lines.contains { $0.hasPrefix("用法：drc ") }, "\(result.stderr)")
                #expect(lines.last?.hasPrefix("  详见 drc ") == true, "\(result.stderr)")
                #expect(!result.stderr.contains("Error:") && !result.stderr.contains("Usage:") && !result.stderr.contains("See '"))
            }
            let english = try drc(["order", "show"], in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite", "LANG": "C"])
            #expect(english.stderr.hasPrefix("Error: Missing expected argument '<reference>'"))
        }
    }

    @Test func aClerksEverydayMistakesAreSaidInChinese() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            _ = try clerk.ok("order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--year", "2020")
            expectChinese(try chinese(clerk, "order", "add", "--vendor", "不存在的公司", "--category", "终端桌面", "--year", "2020"),
                          "供应商\"不存在的公司\"：找不到")
            _ = try clerk.ok("vendor", "add", "--name", "长沙美音科技有限公司")
            expectChinese(try chinese(clerk, "order", "add", "--vendor", "美音", "--category", "终端桌面", "--year", "2020"),
                          "\"美音\" 对应 2 家供应商")
            expectChinese(try chinese(clerk, "order", "add", "--vendor", "仕贤", "--category", "终端桌面", "--opened", "2021-02-30"),
                          "报修时间\"2021-02-30\"：日期不存在：2021 年 2 月只有 28 天")
            expectChinese(try chinese(clerk, "order", "close", "1"), "工单 1 当前是“新建”，现在不能关闭（close）")
            expectChinese(try chinese(clerk, "vendor", "add", "--name", "新公司", "--credit-code", "91350100M000100Y44"),
                          "统一社会信用代码\"91350100M000100Y44\"：校验位不对：应为 3，实为 4")
            expectChinese(try chinese(clerk, "vendor", "rm", "2"), "供应商 2 不能删除：仍有 1 条工单引用它")
            expectChinese(try chinese(clerk, "budget", "add", "--year", "2020", "--unit", "文艺路街道", "--kind", "基本支出",
                                      "--name", "工资", "--budget", "12.345"),
                          "年初预算数\"12.345\"：小数超过两位")
            expectChinese(try chinese(clerk, "vendor", "list", "--db", clerk.folder + "/无此库.sqlite"), "不存在。\n用 `drc init --db PATH`")
        }
    }

    @Test func aBadImportRowIsSaidInChinese() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            try "vendor,category,opened\n仕贤,终端桌面,2021-02-30\n".write(toFile: clerk.folder + "/orders.csv", atomically: true, encoding: .utf8)
            let result = try chinese(clerk, "import", "orders", "orders.csv")
            #expect(result.status == 1)
            #expect(result.stderr.contains("drc: 第 2 行 报修时间 \"2021-02-30\"：日期不存在：2021 年 2 月只有 28 天"), "\(result.stderr)")
            for line in result.stderr.split(separator: "\n") {
                #expect(Self.englishWords(in: String(line)).isEmpty, "English in \(line)")
            }
        }
    }

    @Test func langEnSpeaksEnglishUnderAChineseLocale() throws {
        try withClerk { clerk throws in
            try clerk.enterOrderReferences()
            let english = try chinese(clerk, "--lang", "en", "order", "add", "--vendor", "不存在的公司", "--category", "终端桌面", "--year", "2020")
            #expect(english.status == 1)
            #expect(english.stderr == "drc: error: no vendor matches \"不存在的公司\"\n", "\(english.stderr)")
            let after = try chinese(clerk, "order", "add", "--lang=en", "--vendor", "仕贤", "--category", "终端桌面", "--opened", "2021-02-30")
            #expect(after.stderr == "drc: error: opened \"2021-02-30\": is not a real date: 2021-02 has 28 days\n", "\(after.stderr)")
            let refused = try chinese(clerk, "--lang", "fr", "vendor", "list")
            #expect(refused.status == 64 && refused.stderr.contains("--lang \"fr\": use zh (中文) or en (English)"), "\(refused.stderr)")
            #expect(try clerk.ok("--help").contains("--lang <zh|en>"))
        }
    }
}
