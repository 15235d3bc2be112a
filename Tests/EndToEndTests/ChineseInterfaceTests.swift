import DRCCore
import Foundation
import Testing

/// Under a Chinese locale a clerk's everyday outputs and every command's help are Chinese:
/// no English word (three or more ASCII letters) beyond what `ChineseText.allowed` lets
/// through, each entry of which says why. `--lang en` under the same locale gives the English.
@Suite struct ChineseInterfaceTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]

    @Test func everydayOutputsAreChinese() throws {
        try withTemporaryFolder { folder throws in
            let db = folder + "/demo.sqlite"
            #expect(try drc(["demo", "--db", db], in: folder).status == 0)
            // Outputs are not help: a choice key (closed, basic) left in them is a failure.
            var text = ChineseText(folder: folder)
            text.help = false
            for arguments in [["totals", "--year", "2020", "--by", "vendor,category"], ["budget", "totals", "--year", "2020"],
                              ["check"], ["order", "list"], ["history"], ["migrate", "--status"],
                              ["totals", "--year", "2020", "--by", "month,status,project,unit", "--format", "csv"]] {
                let result = try drc(arguments + ["--db", db], in: folder, environment: Self.chinese)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(text.englishWords(result.stdout + result.stderr).isEmpty, "\(arguments): \(text.englishWords(result.stdout + result.stderr))")
            }
            // An import and an export, each with its summary.
            let fresh = folder + "/fresh.sqlite"
            _ = try drc(["init", "--db", fresh], in: folder)
            try "名称,统一社会信用代码\n长沙某某科技有限公司,9144030071526726XG\n".write(toFile: folder + "/v.csv", atomically: true, encoding: .utf8)
            for arguments in [["init", "--db", folder + "/other.sqlite"], ["import", "vendors", folder + "/v.csv", "--db", fresh],
                              ["export", "vendors", "-o", folder + "/out.csv", "--db", fresh],
                              ["order", "reopen", "1", "--db", db], ["order", "solve", "1", "--db", db], ["order", "close", "1", "--db", db],
                              ["history", "order", "1", "--db", db]] {
                let result = try drc(arguments, in: folder, environment: Self.chinese)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(!(result.stdout + result.stderr).isEmpty, "\(arguments)")
                #expect(text.englishWords(result.stdout + result.stderr).isEmpty, "\(arguments): \(text.englishWords(result.stdout + result.stderr))")
            }
        }
    }

    @Test func everyCommandsHelpIsChinese() throws {
        try withTemporaryFolder { folder throws in
            var text = ChineseText(folder: folder)
            var commands: [[String]] = [[]], helps: [String] = []
            while helps.count < commands.count {
                let command = commands[helps.count]
                let help = try drc(command + ["--help"], in: folder, environment: Self.chinese)
                #expect(help.status == 0, "\(command)")
                helps.append(help.stdout)
                commands += ChineseText.subcommands(in: help.stdout).map { command + [$0] }
            }
            text.commandNames = Set(commands.compactMap(\.last))
            for (command, help) in zip(commands, helps) {
                #expect(text.englishWords(help).isEmpty, "drc \(command.joined(separator: " ")) --help: \(text.englishWords(help))")
            }
            // The walk reached every leaf: 8 kinds × 5 record commands, 6 status commands, budget totals …
            #expect(commands.count > 60, "\(commands.count)")
        }
    }

    @Test func langEnUnderAChineseLocaleGivesTheEnglish() throws {
        try withTemporaryFolder { folder throws in
            let db = folder + "/demo.sqlite"
            #expect(try drc(["demo", "--db", db], in: folder).status == 0)
            for arguments in [["check"], ["budget", "totals", "--year", "2020"], ["totals", "--year", "2020", "--by", "month"],
                              ["history", "--limit", "3"], ["migrate", "--status"], ["order", "--help"], ["--help"]] {
                let english = try drc(arguments + ["--db", db], in: folder)
                let asked = try drc(arguments + ["--db", db, "--lang", "en"], in: folder, environment: Self.chinese)
                #expect(asked.stdout == english.stdout, "\(arguments)")
            }
            let check = try drc(["check", "--db", db, "--lang", "en"], in: folder, environment: Self.chinese)
            #expect(check.stdout.contains("0 errors, 1 warnings, 1 notes."))
            #expect(check.stdout.contains("warning   2020  budget #1 基本支出  final: the parts itemise 63.02万元 of 113.03万元"))
            let totals = try drc(["budget", "totals", "--year", "2020", "--db", db, "--lang", "en"], in: folder, environment: Self.chinese)
            #expect(totals.stdout.contains("total    basic + project"))
        }
    }
}
