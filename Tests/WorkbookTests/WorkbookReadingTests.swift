import Foundation
import Testing
@testable import Workbook

/// Workbooks as other programs save them, which were refused or misread: the 1904 date system
/// with Excel's later workbook properties, an elapsed time, a styled empty cell.
@Suite struct WorkbookReadingTests {
    /// Styles: 1 a date and time, 2 an elapsed time, 3 plain with a font (a styled cell).
    static let styles = """
        <numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="0" fontId="1"/></cellXfs>
        """
    /// 2021-03-05 08:05 in the 1904 system (day 0 is 1904-01-01); 255:10:10 as days.
    static let opened1904 = String(42798.0 + 485.0 / 1440.0)
    static let elapsed = String(918_610.0 / 86_400.0)

    static func sheet(workbookPr: String, extensions: String = "") throws -> SheetTable {
        let bytes = try TestPackage.workbook(
            workbookPr: workbookPr, extensions: extensions, styles: styles, sharedStrings: ["报修时间", "历时", "摘要"],
            sheetData: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
                <row r="2"><c r="A2" s="1"><v>\(opened1904)</v></c><c r="B2" s="2"><v>\(elapsed)</v></c><c r="C2" s="3" t="s"/></row>
                """)
        return try WorkbookReader(bytes: bytes).sheet(named: nil)
    }

    /// Excel 2010 and later write a second `workbookPr` in the extension list, after the one
    /// that sets the date system; it once reset the 1904 system, four years and a day off.
    @Test func the1904FlagIsReadWhereItIsSetAndALaterPropertyKeepsIt() throws {
        let extensions = """
            <extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" \
            xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>
            """
        let sheet = try Self.sheet(workbookPr: "<workbookPr date1904=\"1\" defaultThemeVersion=\"166925\"/>", extensions: extensions)
        #expect(sheet.cells(1)[0] == "2021-03-05 08:05")
        // Without the flag the same serial is a 1900-system date.
        #expect(try Self.sheet(workbookPr: "<workbookPr defaultThemeVersion=\"166925\"/>", extensions: extensions).cells(1)[0] == "2017-03-04 08:05")
    }

    @Test func anElapsedTimeIsADurationAndAStyledEmptyCellIsEmpty() throws {
        let sheet = try Self.sheet(workbookPr: "<workbookPr/>")
        #expect(sheet.cells(0) == ["报修时间", "历时", "摘要"])
        #expect(sheet.cells(1) == ["2017-03-04 08:05", "255:10:10", ""])
    }

    @Test func elapsedFormatsShowTheirLargestUnitWhole() {
        let hours = NumberFormat(code: "[h]:mm:ss")
        #expect(hours.elapsed == ElapsedTime.Format(unit: .hours, showsSeconds: true))
        #expect(!hours.isDateOrTime)
        let day = 1.0, ninetySeconds = 90 / 86400.0
        #expect(ElapsedTime.text(day + ninetySeconds, format: hours.elapsed!) == "24:01:30")
        #expect(ElapsedTime.text(day, format: NumberFormat(code: "[h]:mm").elapsed!) == "24:00")
        #expect(ElapsedTime.text(day + ninetySeconds, format: NumberFormat(code: "[mm]:ss").elapsed!) == "1441:30")
        #expect(ElapsedTime.text(ninetySeconds, format: NumberFormat(code: "[s]").elapsed!) == "90")
        #expect(ElapsedTime.text(-ninetySeconds, format: NumberFormat(code: "[h]:mm").elapsed!) == "-0:01")
        // A colour or a locale in brackets is no elapsed time.
        #expect(NumberFormat(code: "[Red]hh:mm").elapsed == nil)
        #expect(NumberFormat(code: "[$-804]h:mm").isDateOrTime)
    }
}
