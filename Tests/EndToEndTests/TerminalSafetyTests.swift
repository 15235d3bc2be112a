import Foundation
import Testing

/// Names, summaries, actors and references can carry ESC sequences (clear the screen, recolour,
/// retitle the window), C1 controls and bidi overrides. Tables, messages and errors show them
/// escaped as `\u{XX}`; CSV and JSON keep the data exact.
@Suite struct TerminalSafetyTests {
    /// Clear screen, an OSC window title ended by BEL, a one-character C1 CSI, a bare BEL, a
    /// right-to-left override, DEL and a tab.
    static let hostile = "美音\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{07}\u{202E}gnp.exe\u{2066}\u{7F}\t终"
    static let hostileShown = #"美音\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{07}\u{202E}gnp.exe\u{2066}\u{7F}\u{09}终"#
    static let actor = "王\u{1B}[8m丽"
    static let actorShown = #"王\u{1B}[8m丽"#

    /// No character a terminal acts on, other than the line break, reached the screen.
    static func expectNoControls(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { $0 != "\n" && isControl($0) }
        #expect(raw.isEmpty, "\(context): raw \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    func run(_ clerk: Clerk, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try drc(arguments, in: clerk.folder, environment: ["DRC_DB": clerk.folder + "/records.sqlite"].merging(environment) { $1 })
    }

    @Test func tablesMessagesAndErrorsShowControlsEscaped() throws {
        try withClerk { clerk throws in
            var shown: [(String, RunResult)] = []
            func screen(_ arguments: String...) throws -> RunResult {
                let result = try run(clerk, arguments)
                shown.append((arguments.joined(separator: " "), result))
                return result
            }
            let added = try run(clerk, ["vendor", "add", "--name", Self.hostile, "--note", "备注\u{1B}[1A", "--as", Self.actor])
            shown.append(("vendor add", added))
            #expect(added.stdout == "Added vendor #1 \(Self.hostileShown).\n")
            #expect(try screen("vendor", "list").stdout.contains(Self.hostileShown))
            let record = try screen("vendor", "show", "1").stdout
            #expect(record.contains(Self.hostileShown) && record.contains(#"备注\u{1B}[1A"#), "\(record)")
            let history = try screen("history").stdout
            #expect(history.contains(Self.actorShown) && history.contains(Self.hostileShown), "\(history)")
            let notFound = try screen("vendor", "show", "\u{1B}[31mX")
            #expect(notFound.status == 1)
            #expect(notFound.stderr == "drc: error: no vendor matches \"\\u{1B}[31mX\"\n")
            let badOption = try screen("vendor", "list", "--\u{1B}[2J")
            #expect(badOption.status == 64)
            #expect(badOption.stderr.contains(#"--\u{1B}[2J"#), "\(badOption.stderr)")
            let badDimension = try screen("totals", "--year", "2020", "--by", "\u{9B}2J")
            #expect(badDimension.status == 64 && badDimension.stderr.contains(#"\u{9B}2J"#))
            _ = try screen("vendor", "edit", "1", "--note", "改\u{202E}")
            _ = try screen("sql", "SELECT name AS \"列\u{1B}[5m\", note FROM vendor")
            let deleted = try screen("vendor", "rm", "1")
            #expect(deleted.stdout.hasPrefix("Deleted vendor #1 \(Self.hostileShown)."))
            _ = try screen("history", "vendor", "1")
            for (command, result) in shown {
                Self.expectNoControls(result.stdout, command + " (stdout)")
                Self.expectNoControls(result.stderr, command + " (stderr)")
            }
        }
    }

    @Test func csvAndJsonKeepTheDataExact() throws {
        try withClerk { clerk throws in
            _ = try run(clerk, ["vendor", "add", "--name", Self.hostile, "--as", Self.actor])
            let csv = try run(clerk, ["vendor", "list", "--format", "csv"]).stdout
            #expect(csv.contains(Self.hostile), "\(csv)")
            for arguments in [["vendor", "list", "--format", "json"], ["vendor", "show", "1", "--format", "json"],
                              ["sql", "SELECT name FROM vendor", "--format", "json"]] {
                let json = try run(clerk, arguments).stdout
                Self.expectNoControls(json, arguments.joined(separator: " "))
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
                let object = (parsed as? [[String: Any]])?.first ?? parsed as? [String: Any]
                #expect(object?["name"] as? String == Self.hostile, "\(arguments): \(json)")
            }
            let history = try run(clerk, ["history", "--format", "json"]).stdout
            let entries = try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]]
            #expect(entries?.first?["actor"] as? String == Self.actor)
            #expect(try run(clerk, ["history", "--format", "csv"]).stdout.contains(Self.actor))
        }
    }

    /// The report is read on screen when printed, so it is escaped there; a file keeps it exact.
    @Test func theReportIsEscapedOnScreenAndExactInAFile() throws {
        try withClerk { clerk throws in
            _ = try clerk.ok("unit", "add", "--name", "中心\u{1B}[2J")
            _ = try clerk.ok("budget", "add", "--year", "2020", "--unit", "1", "--kind", "basic", "--name", "基本支出\u{202E}", "--final", "10")
            let onScreen = try run(clerk, ["report", "--year", "2020"])
            #expect(onScreen.status == 0)
            #expect(onScreen.stdout.hasPrefix(#"# 中心\u{1B}[2J2020年度"#))
            #expect(onScreen.stdout.contains(#"基本支出\u{202E}"#))
            Self.expectNoControls(onScreen.stdout, "report")
            _ = try clerk.ok("report", "--year", "2020", "-o", "report.md")
            let file = try String(contentsOfFile: clerk.folder + "/report.md", encoding: .utf8)
            #expect(file.hasPrefix("# 中心\u{1B}[2J2020年度"))
            #expect(file.contains("基本支出\u{202E}"))
        }
    }

    @Test func importRowErrorsAreEscaped() throws {
        try withClerk { clerk throws in
            try "name,active\n美音\u{1B}[2J,maybe\u{1B}]0;x\u{07}\n".write(toFile: clerk.folder + "/vendors.csv", atomically: true, encoding: .utf8)
            let result = try run(clerk, ["import", "vendors", "vendors.csv"])
            #expect(result.status == 1)
            #expect(result.stderr.contains(#"maybe\u{1B}]0;x\u{07}"#), "\(result.stderr)")
            Self.expectNoControls(result.stderr, "import")
            Self.expectNoControls(result.stdout, "import")
        }
    }
}
