import Foundation
import Testing
@testable import Workbook
import ZIPFoundation

/// Merged ranges give their value to every cell they cover, as the sheet shows it, within a
/// limit of their own; and a sheet is parsed as it inflates, so one past 10 MB of XML reads
/// (Foundation's XMLParser refused it as damaged).
@Suite struct MergedCellAndStreamTests {
    static func sheet(_ rows: String, merges: String) throws -> SheetTable {
        let bytes = try TestPackage.workbook(workbookPr: "<workbookPr/>", styles: "", sharedStrings: [], sheetData: rows,
                                             afterSheetData: merges.isEmpty ? "" : "<mergeCells>\(merges)</mergeCells>")
        return try WorkbookReader(bytes: bytes).sheet(named: nil)
    }

    static func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }

    /// A title merged across, a unit merged down two rows, and a range down to a row the merge
    /// alone gives values to: every covered cell holds the value; the ranges are listed.
    @Test func everyCellOfAMergedRangeTakesItsValue() throws {
        let rows = "<row r=\"1\">" + Self.text("A1", "2021年4月工单统计表") + "<c r=\"B1\"/><c r=\"C1\"/></row>"
            + "<row r=\"2\">" + Self.text("A2", "工单号") + Self.text("B2", "报修单位") + Self.text("C2", "服务类别") + "</row>"
            + "<row r=\"3\">" + Self.text("A3", "MY-1") + Self.text("B3", "芙蓉区财政局") + Self.text("C3", "网络") + "</row>"
            + "<row r=\"4\">" + Self.text("A4", "MY-2") + "<c r=\"B4\"/>" + Self.text("C4", "网络") + "</row>"
            + "<row r=\"6\">" + Self.text("A6", "MY-3") + Self.text("B6", "芙蓉区审计局") + Self.text("C6", "终端") + "</row>"
        let table = try Self.sheet(rows, merges: "<mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B3:B4\"/><mergeCell ref=\"C6:C7\"/>")
        #expect(table.cells(0) == ["2021年4月工单统计表", "2021年4月工单统计表", "2021年4月工单统计表"])
        #expect(table.cells(2) == ["MY-1", "芙蓉区财政局", "网络"])
        #expect(table.cells(3) == ["MY-2", "芙蓉区财政局", "网络"])
        // C6:C7 reaches past the last row that holds a value: nothing is read from row 7.
        #expect(table.rowNumbers == [1, 2, 3, 4, 6])
        #expect(table.merges.map(\.reference) == ["A1:C1", "B3:B4"])
        #expect(table.merges.map(\.filledCells) == [2, 1])
        // Without the merges, B4 is empty, as the old reader left it.
        #expect(try Self.sheet(rows, merges: "").cells(3) == ["MY-2", "", "网络"])
    }

    /// A range merged over a row with no value of its own gives that row its values (in its
    /// place among the rows), and a covered cell that still holds text shows the range's value.
    @Test func aRowOnlyAMergeFillsIsRead() throws {
        let rows = "<row r=\"1\">" + Self.text("A1", "单位") + Self.text("B1", "摘要") + "</row>"
            + "<row r=\"2\">" + Self.text("A2", "财政局") + Self.text("B2", "掉线") + "</row>"
            + "<row r=\"4\">" + Self.text("A4", "审计局") + Self.text("B4", "黑屏") + "</row>"
            + "<row r=\"5\">" + Self.text("A5", "藏起来的") + Self.text("B5", "卡纸") + "</row>"
        let table = try Self.sheet(rows, merges: "<mergeCell ref=\"A2:B3\"/><mergeCell ref=\"A4:A5\"/>")
        #expect(table.rowNumbers == [1, 2, 3, 4, 5])
        #expect(table.cells(2) == ["财政局", "财政局"])
        #expect(table.cells(4) == ["审计局", "卡纸"])
    }

    /// A merge over a whole sheet is bounded by the rows and columns that hold values, and the
    /// copies by `mergedBytes`: a long value merged over many cells is refused, not copied.
    @Test func mergedCopiesAreLimited() throws {
        let long = String(repeating: "长", count: 700)
        var rows = "<row r=\"1\">" + Self.text("A1", long) + Self.text("J1", "x") + "</row>"
        for row in 2...2000 { rows += "<row r=\"\(row)\">" + Self.text("A\(row)", "\(row)") + "</row>" }
        #expect(throws: WorkbookError.mergedCellsTooLarge(part: "xl/worksheets/sheet1.xml", limitBytes: 32 << 20)) {
            try Self.sheet(rows, merges: "<mergeCell ref=\"A1:XFD1048576\"/>")
        }
        // The same range over a short value is within the limit: 2000 rows × 10 columns.
        let short = rows.replacingOccurrences(of: long, with: "长")
        let table = try Self.sheet(short, merges: "<mergeCell ref=\"A1:XFD1048576\"/>")
        #expect(table.merges.first?.filledCells == 2000 * 10 - 1)
        // A damaged range is a damaged sheet.
        #expect(throws: WorkbookError.brokenPart(part: "xl/worksheets/sheet1.xml", line: 1, problem: "mergeCell ref=\"A1:\"")) {
            try Self.sheet(short, merges: "<mergeCell ref=\"A1:\"/>")
        }
    }

    /// A sheet of 12 MB of XML (drc's own export of 50,000 rows): read whole, every row, and
    /// the last one's cells as written.
    @Test func aSheetPastTenMegabytesIsRead() throws {
        var writer = WorkbookWriter(sheetName: "工单")
        try writer.header(["id", "报修时间", "供应商", "服务类别", "摘要", "解决方案"])
        let rows = 50_000
        for id in 1...rows {
            try writer.row([.number(String(id)), .text("2021-03-05 08:05"), .text("湖南美音网络技术有限公司"), .text("全区网络故障"),
                            .text("交换机掉线，第 \(id) 次"), .text("更换光模块后恢复 & 观察 <24h>")])
        }
        let bytes = try writer.bytes()
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let part = try #require(archive.first { $0.path.hasSuffix("sheet1.xml") })
        #expect(part.uncompressedSize > 12_000_000, "\(part.uncompressedSize)")
        let table = try WorkbookReader(bytes: bytes).sheet(named: nil)
        #expect(table.rowCount == rows + 1)
        #expect(table.cells(rows) == ["\(rows)", "2021-03-05 08:05", "湖南美音网络技术有限公司", "全区网络故障", "交换机掉线，第 \(rows) 次",
                                      "更换光模块后恢复 & 观察 <24h>"])
    }

    /// A part cut off in the middle is damaged, in the parser's words, with its line.
    @Test func aPartCutShortIsDamaged() throws {
        let parser = WorksheetParser(part: "xl/worksheets/sheet1.xml", name: "工单", sharedStrings: [], formats: [], date1904: false,
                                     mergedBytes: 1 << 20)
        do {
            try parser.parse(Data("<worksheet xmlns=\"\(TestPackage.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x".utf8))
            Issue.record("a part cut short was read")
        } catch let WorkbookError.brokenPart(part, line, problem) {
            #expect(part == "xl/worksheets/sheet1.xml")
            #expect(line == 1)
            #expect(!problem.isEmpty)
        }
    }
}
