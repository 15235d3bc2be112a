import Foundation
import Testing
@testable import Workbook
import ZIPFoundation

/// What a workbook may inflate to (`InflationLimits`): a small file that inflates to hundreds of
/// megabytes is refused from the sizes its zip declares before inflating, and while inflating
/// when it lies about them; an honest large workbook is read.
@Suite struct InflationLimitTests {
    /// A part of `size` bytes of one repeated line: deflate packs it about a thousand to one.
    /// It opens as a sheet does (`<worksheet><sheetData>`), so that a parser reading it as it
    /// inflates finds well-formed rows all the way to the limit, as a bomb's maker would write it.
    static func repetitive(_ path: String, size: Int) -> (path: String, size: Int, chunk: (Int64, Int) -> Data) {
        let opening = Array("<worksheet xmlns=\"\(TestPackage.main)\"><sheetData>\n".utf8)
        let line = Array("<row><c><v>1</v></c></row>\n".utf8)
        // One block of whole lines, a line longer than a chunk (1 MiB), sliced where the chunk starts.
        let block = Data((0..<((1 << 20) / line.count + 2)).flatMap { _ in line })
        return (path, size, { position, count in
            var data = Data()
            var position = Int(position)
            if position < opening.count {
                let taken = min(count, opening.count - position)
                data.append(contentsOf: opening[position..<(position + taken)])
                position += taken
            }
            let rest = count - data.count
            guard rest > 0 else { return data }
            let offset = (position - opening.count) % line.count
            data.append(block.subdata(in: offset..<(offset + rest)))
            return data
        })
    }

    /// The sheet of a workbook whose other parts are honest and small.
    static func bomb(sheetBytes: Int) throws -> [UInt8] {
        try TestPackage.zip([workbookPart, relationshipsPart, repetitive("xl/worksheets/sheet1.xml", size: sheetBytes)])
    }

    static var workbookPart: (path: String, size: Int, chunk: (Int64, Int) -> Data) { text("xl/workbook.xml", """
        <workbook xmlns="\(TestPackage.main)" xmlns:r="\(TestPackage.relationships)"><sheets><sheet name="工单" sheetId="1" r:id="rId1"/></sheets></workbook>
        """) }
    static var relationshipsPart: (path: String, size: Int, chunk: (Int64, Int) -> Data) { text("xl/_rels/workbook.xml.rels", """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(TestPackage.relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """) }

    static func text(_ path: String, _ text: String) -> (path: String, size: Int, chunk: (Int64, Int) -> Data) {
        let data = Data(text.utf8)
        return (path, data.count, { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }

    /// The upload: under a MiB, a 300 MiB sheet. Refused by what its entry declares,
    /// before a byte of it is inflated.
    @Test func aSmallFileWithAHugeSheetIsRefusedBeforeInflating() throws {
        let bytes = try Self.bomb(sheetBytes: 300 << 20)
        #expect(bytes.count < 1 << 20, "the bomb is \(bytes.count) bytes")
        #expect(throws: WorkbookError.partTooLarge(part: "xl/worksheets/sheet1.xml", limitBytes: 256 << 20)) {
            try WorkbookReader(bytes: bytes).sheet(named: nil)
        }
    }

    /// Refused from the declared size alone: a small sheet declaring 300 MiB is refused as too
    /// large, not read (inflating it would find the small sheet, or a size that does not match).
    @Test func theDeclaredSizeIsCheckedBeforeInflating() throws {
        var bytes = try Self.bomb(sheetBytes: 1000)
        TestPackage.declare(&bytes, path: "xl/worksheets/sheet1.xml", uncompressedSize: 300 << 20)
        #expect(throws: WorkbookError.partTooLarge(part: "xl/worksheets/sheet1.xml", limitBytes: 256 << 20)) {
            try WorkbookReader(bytes: bytes).sheet(named: nil)
        }
    }

    /// A sheet that packs a thousand to one is refused by its ratio, even under the part limit.
    @Test func aPartPackedPastTheRatioIsRefused() throws {
        let bytes = try Self.bomb(sheetBytes: 40 << 20)
        #expect(throws: WorkbookError.compressedTooFar(part: "xl/worksheets/sheet1.xml", ratio: 200)) {
            try WorkbookReader(bytes: bytes).sheet(named: nil)
        }
    }

    /// The same sheet declaring that it inflates to 1,000 bytes: inflating it is stopped once
    /// it passes the ratio, whatever its entry said.
    @Test func aPartThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        var bytes = try Self.bomb(sheetBytes: 40 << 20)
        TestPackage.declare(&bytes, path: "xl/worksheets/sheet1.xml", uncompressedSize: 1000)
        #expect(throws: WorkbookError.compressedTooFar(part: "xl/worksheets/sheet1.xml", ratio: 200)) {
            try WorkbookReader(bytes: bytes).sheet(named: nil)
        }
        // And with the ratio out of the way, by the part limit.
        let noRatio = InflationLimits(partBytes: 16 << 20, totalBytes: 512 << 20, ratio: 1 << 30, ratioFromBytes: 0)
        #expect(throws: WorkbookError.partTooLarge(part: "xl/worksheets/sheet1.xml", limitBytes: 16 << 20)) {
            try WorkbookReader(bytes: bytes, limits: noRatio).sheet(named: nil)
        }
    }

    /// Parts each within their limit that together pass the total.
    @Test func partsTogetherPastTheTotalAreRefused() throws {
        let long = String(repeating: "长沙", count: 100_000)
        let sharedStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(TestPackage.main)\"><si><t>\(long)</t></si><si><t>x</t></si></sst>"
        let bytes = try TestPackage.workbook(workbookPr: "<workbookPr/>", styles: "", sharedStrings: [long, "x"],
                                             sheetData: String(repeating: "<row><c t=\"s\"><v>1</v></c></row>", count: 20_000))
        let small = InflationLimits(partBytes: 1 << 20, totalBytes: sharedStrings.utf8.count + 300_000, ratio: 200, ratioFromBytes: 8 << 20)
        #expect(throws: WorkbookError.workbookTooLarge(limitBytes: small.totalBytes)) {
            try WorkbookReader(bytes: bytes, limits: small).sheet(named: nil)
        }
        #expect(try WorkbookReader(bytes: bytes).sheet(named: nil).rowCount == 20_000)
    }

    /// An honest large workbook passes: drc's own export of identical rows packs well under the
    /// ratio, and a 50 MB sheet at the 20 to 1 a sheet packs to is within every limit.
    @Test func honestLargeWorkbooksAreRead() throws {
        var writer = WorkbookWriter(sheetName: "工单")
        try writer.header(["id", "报修时间", "供应商", "服务类别", "摘要"])
        for id in 1...20_000 {
            try writer.row([.number(String(id)), .text("2021-03-05 08:05"), .text("湖南美音网络技术有限公司"), .text("全区网络故障"), .text("交换机掉线")])
        }
        let bytes = try writer.bytes()
        let sheet = try WorkbookReader(bytes: bytes).sheet(named: nil)
        #expect(sheet.rowCount == 20_001)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let part = try #require(archive.first { $0.path.hasSuffix("sheet1.xml") })
        #expect(part.uncompressedSize < 100 * part.compressedSize, "\(part.uncompressedSize) from \(part.compressedSize)")
        let standard = InflationLimits.standard
        try standard.check(part: "xl/worksheets/sheet1.xml", inflated: 50_000_000, compressed: 2_500_000, earlier: 0)
        try standard.check(part: "xl/worksheets/sheet1.xml", inflated: 200_000_000, compressed: 2_000_000, earlier: 100_000_000)
    }
}
