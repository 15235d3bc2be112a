@testable import DRCCore
import Foundation
import Testing

/// Reads all records of `text` (as UTF-8 bytes) with a small buffer, so that fields and line
/// breaks straddle buffer refills.
func readAll(_ bytes: [UInt8], bufferSize: Int = 7) throws -> [[String]] {
    let reader = CSVReader(source: MemorySource(bytes), bufferSize: bufferSize)
    var records: [[String]] = []
    while let record = try reader.next() { records.append(record.fields) }
    return records
}

func readAll(_ text: String, bufferSize: Int = 7) throws -> [[String]] {
    try readAll(Array(text.utf8), bufferSize: bufferSize)
}

@Suite struct CSVReaderTests {
    @Test func quotingCommasQuotesAndNewlines() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n,,\n"
        #expect(try readAll(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["", "", ""]])
    }

    @Test func crlfAndLFAndNoFinalNewline() throws {
        #expect(try readAll("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try readAll("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try readAll("a,\"b\r\nc\"\r\n") == [["a", "b\r\nc"]])
    }

    @Test func byteOrderMarkAndBlankLinesAreSkipped() throws {
        #expect(try readAll([0xEF, 0xBB, 0xBF] + Array("名称,数量\n\n长沙,1\n\n\n".utf8)) == [["名称", "数量"], ["长沙", "1"]])
    }

    @Test func lineNumbersCountEmbeddedBreaks() throws {
        let reader = CSVReader(source: MemorySource(Array("h\n\"a\nb\"\n\nc\n".utf8)), bufferSize: 3)
        #expect(try reader.next()?.line == 1)
        #expect(try reader.next()?.line == 2)
        #expect(try reader.next()?.line == 5)
        #expect(try reader.next() == nil)
    }

    @Test func malformedQuotingIsAnErrorWithItsLine() {
        #expect(throws: CSVReader.Failure.self) { try readAll("a,b\n\"never closed,1\n2,3\n") }
        #expect(throws: CSVReader.Failure(line: 2, reason: .textAfterClosingQuote(tabs: false))) {
            try readAll("a\n\"x\"y\n")
        }
        #expect(throws: CSVReader.Failure.self) { try readAll("a\nab\"c\n") }
    }

    @Test func limitsStopHostileFiles() {
        let reader = CSVReader(source: MemorySource(Array((String(repeating: "x,", count: 20) + "\n").utf8)))
        reader.maxFields = 10
        #expect(throws: CSVReader.Failure.self) { _ = try reader.next() }
        let long = CSVReader(source: MemorySource(Array(("\"" + String(repeating: "y", count: 5000) + "\"\n").utf8)))
        long.maxRecordBytes = 1000
        #expect(throws: CSVReader.Failure.self) { _ = try long.next() }
    }

    @Test func utf8Validation() {
        let good = Array("长沙, ok 👩‍💻".utf8)
        #expect(good.withUnsafeBufferPointer(UTF8Check.isValid))
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xE9, 0x95], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], Array("abcdefgh".utf8) + [0xB3, 0xA4]] {
            #expect(!bad.withUnsafeBufferPointer(UTF8Check.isValid), "\(bad)")
        }
    }

    /// Generated files full of quotes, commas, CRLF, Chinese and emoji, read by this reader and
    /// by Python's csv module: both must see the same records. Seeded: the same file every run.
    @Test(.enabled(if: pythonIsInstalled, "needs python3 for the reference reader"))
    func agreesWithPythonsCSVModule() throws {
        var random = SplitMix64(seed: 20200302)
        let pieces = ["a", "长沙", "\"", ",", "\n", "\r\n", " ", "👩‍💻", "x\"y", "", "1,2", "末"]
        var text = ""
        var expected: [[String]] = []
        for _ in 0..<300 {
            let count = Int.random(in: 1...6, using: &random)
            var fields: [String] = []
            for _ in 0..<count {
                fields.append((0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
            }
            // A record of one empty field is a blank line, which both readers skip.
            if fields == [""] { fields = ["z"] }
            expected.append(fields)
            text += fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) || field.isEmpty && count == 1
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + (Bool.random(using: &random) ? "\r\n" : "\n")
        }
        let ours = try readAll(text, bufferSize: 13)
        #expect(ours == expected)
        let python = try pythonRecords(text)
        #expect(ours == python)
    }

    private func pythonRecords(_ text: String) throws -> [[String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.csv"), output = folder.appendingPathComponent("out.json")
        try Data(text.utf8).write(to: input)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                rows = [r for r in csv.reader(f, strict=True) if r]
            json.dump(rows, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not read the file")
        return try JSONDecoder().decode([[String]].self, from: Data(contentsOf: output))
    }
}

@Suite struct TrimmingTests {
    /// The import trims bytes exactly as `add` trims text.
    @Test(arguments: ["abc", "  abc  ", "\u{3000}交换机\u{3000}", "\t\n x \r\n", "\u{00A0}a b\u{00A0}", "   ", "", "\u{2003}长沙\u{202F}",
                      "中文\u{3000}中", "\u{1680}x\u{205F}", "\u{2028}y\u{2029}", "é", "\u{0085}z"])
    func matchesTheTextRule(text: String) {
        let bytes = Array(text.utf8)
        let trimmed = bytes.withUnsafeBufferPointer { buffer in
            String(decoding: buffer[Trimming.range(buffer)], as: UTF8.self)
        }
        var expected = Substring(text)
        while let first = expected.first, first.isWhitespace { expected.removeFirst() }
        while let last = expected.last, last.isWhitespace { expected.removeLast() }
        #expect(trimmed == String(expected))
    }
}

/// SplitMix64: a seeded generator, so generated inputs are the same on every run and machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Whether `python3` is on the PATH, for the test that reads with Python's csv module.
let pythonIsInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
