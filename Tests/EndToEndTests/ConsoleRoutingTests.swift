import Foundation
import Testing

/// Every command prints through `Console`, which escapes text for people: a `print` anywhere
/// else in the command layer could let a control character through, so it is refused here.
@Suite struct ConsoleRoutingTests {
    static let commands = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/DRCCommands")

    @Test func commandsPrintOnlyThroughConsole() throws {
        let bypass = try NSRegularExpression(pattern: #"(?<![\w.])(?<!func )print\(|Swift\.print\(|FileHandle\.standard|fputs\(|\bwrite\((1|2|STDOUT_FILENO|STDERR_FILENO),"#)
        var offenders: [String] = []
        var files = 0
        let enumerator = FileManager.default.enumerator(atPath: Self.commands.path)
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".swift"), name != "Console.swift" else { continue }
            files += 1
            let text = try String(contentsOf: Self.commands.appendingPathComponent(name), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if bypass.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    offenders.append("\(name):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(files > 10)
        #expect(offenders.isEmpty, "print through Console instead:\n\(offenders.joined(separator: "\n"))")
    }
}
