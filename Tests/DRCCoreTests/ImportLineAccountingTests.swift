@testable import DRCCore
import Foundation
import Testing

/// Every line of an imported file is accounted for: read, and then written, unchanged, updated,
/// rejected with its text in the rejects file, or passed over with a reason; the counts add up
/// to the rows read, and the rows read (with the extra lines of cells that hold line breaks)
/// to the file's lines. Checked on malformed files, which once lost the rows after a bad quote.
@Suite struct ImportLineAccountingTests {
    static let header = "vendor,category,year,summary"

    /// Each file's lines after the header, and what must become of them: the rows written, and
    /// the first cell of each rejected row (a malformed line's whole text).
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let written: Int
        let rejected: [String]
        var blank = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a quote inside an unquoted field", body: """
            美音,全区网络故障,2020,更换24"显示器
            美音,全区网络故障,2020,交换机掉线
            美音,全区网络故障,2020,打印机卡纸

            """, written: 2, rejected: ["美音,全区网络故障,2020,更换24\"显示器"]),
        Case(name: "a quoted field never closed", body: "美音,全区网络故障,2020,\"更换显示器\r\n美音,全区网络故障,2020,交换机掉线\r\n美音,全区网络故障,2020,打印机卡纸",
             written: 2, rejected: ["美音,全区网络故障,2020,\"更换显示器"]),
        Case(name: "a quote closed by a later line's quote", body: """
            美音,全区网络故障,2020,"更换显示器
            美音,全区网络故障,2020,"交换机"掉线
            美音,全区网络故障,2020,打印机卡纸

            """, written: 1, rejected: ["美音,全区网络故障,2020,\"更换显示器", "美音,全区网络故障,2020,\"交换机\"掉线"]),
        Case(name: "a stray CR", body: "美音,全区网络故障,2020,交换\r机掉线\n美音,全区网络故障,2020,打印机卡纸\n",
             written: 2, rejected: ["机掉线"]),
        Case(name: "a NUL, empty lines and a multi-line cell", body: "美音,全区网络故障,2020,交换\u{0}机\n\n\n美音,全区网络故障,2020,\"两行\n摘要\"\n美音,全区网络故障,2020,x\"y\n",
             // The NUL row is read as fields and refused for its NUL (its first cell is 美音).
             written: 1, rejected: ["美音", "美音,全区网络故障,2020,x\"y"], blank: 2),
    ]

    /// Physical lines as the reader counts them: LF, CRLF or a lone CR ends one.
    static func physicalLines(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var lines = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D { lines += 1; if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 } }
            else if bytes[index] == 0x0A { lines += 1 }
            index += 1
        }
        if let last = bytes.last, last != 0x0A && last != 0x0D { lines += 1 }
        return lines
    }

    @Test(arguments: cases)
    func everyLineIsAccountedFor(_ file: Case) throws {
        try withTemporaryFolder { folder throws in
            let store = try Store(path: folder + "/drc.sqlite", access: .create)
            _ = try Fixture(store)
            let text = Self.header + "\n" + file.body
            let path = folder + "/march.csv", rejectsPath = folder + "/bad.csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var options = ImportOptions(sourceName: path)
            options.inputPath = path
            options.skipBad = true
            options.rejectsPath = rejectsPath
            let summary = try Importer(store: store, kind: .order, actor: "test", options: options).run(try FileSource(path: path))
            #expect(summary.committed)
            #expect(summary.written == file.written)
            #expect(summary.rejected == file.rejected.count)
            #expect(summary.blankRows == file.blank)
            #expect(summary.read == summary.written + summary.unchanged + summary.updated + summary.rejected + summary.blankRows
                    + summary.totalRows.count)
            let multiLineExtra = file.body.contains("\"两行\n") ? 1 : 0
            #expect(summary.lines == Self.physicalLines(text) - 1)
            #expect(summary.lines == summary.read + multiLineExtra)
            #expect(try store.db.scalar("SELECT count(*) FROM work_order")?.int64 == Int64(file.written))
            // Each rejected line is in the rejects file, as written (a malformed line whole, in one cell).
            let rejects = CSVReader(source: MemorySource(Array(try Data(contentsOf: URL(fileURLWithPath: rejectsPath)))))
            #expect(try rejects.next()?.fields == Self.header.split(separator: ",").map(String.init) + ["reason"])
            var texts: [String] = []
            while let record = try rejects.next() { texts.append(record.fields[0]) }
            #expect(texts == file.rejected)
        }
    }
}
