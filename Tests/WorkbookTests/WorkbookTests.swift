import Testing
@testable import Workbook

/// The workbook layer on its own: serial dates in both date systems, number formats, cell
/// text escapes, column letters, and a written workbook read back cell for cell.
@Suite struct WorkbookTests {
    @Test func serialsInThe1900SystemAreTheDatesExcelShows() {
        #expect(SerialDate.text(1, date1904: false, showsDate: true, showsTime: false) == "1900-01-01")
        #expect(SerialDate.text(59, date1904: false, showsDate: true, showsTime: false) == "1900-02-28")
        #expect(SerialDate.text(60, date1904: false, showsDate: true, showsTime: false) == "1900-02-29")
        #expect(SerialDate.text(61, date1904: false, showsDate: true, showsTime: false) == "1900-03-01")
        #expect(SerialDate.text(44260, date1904: false, showsDate: true, showsTime: false) == "2021-03-05")
        // 08:05 is not exact in binary; rounding to the second gives it back.
        #expect(SerialDate.text(44260 + (8 * 60 + 5) / 1440.0, date1904: false, showsDate: true, showsTime: true) == "2021-03-05 08:05")
        #expect(SerialDate.text(44260 + (8 * 3600 + 5 * 60 + 33) / 86400.0, date1904: false, showsDate: true, showsTime: true)
                == "2021-03-05 08:05:33")
        // A date format over a serial with a time keeps the time; a time alone is a time.
        #expect(SerialDate.text(44260.5, date1904: false, showsDate: true, showsTime: false) == "2021-03-05 12:00")
        #expect(SerialDate.text(0.5, date1904: false, showsDate: false, showsTime: true) == "12:00")
        #expect(SerialDate.text(0, date1904: true, showsDate: true, showsTime: false) == "1904-01-01")
        #expect(SerialDate.text(42798, date1904: true, showsDate: true, showsTime: false) == "2021-03-05")
        #expect(SerialDate.text(-1, date1904: false, showsDate: true, showsTime: false) == nil)
    }

    @Test func numberFormatsTellDatesTimesAndPercentages() {
        #expect(NumberFormat(builtIn: 14) == NumberFormat(showsDate: true))
        #expect(NumberFormat(builtIn: 22) == NumberFormat(showsDate: true, showsTime: true))
        #expect(NumberFormat(builtIn: 31) == NumberFormat(showsDate: true))
        #expect(NumberFormat(builtIn: 20) == NumberFormat(showsTime: true))
        #expect(NumberFormat(builtIn: 10).isPercent)
        #expect(!NumberFormat(builtIn: 2).isDateOrTime)
        #expect(NumberFormat(code: "yyyy\\-mm\\-dd hh:mm") == NumberFormat(showsDate: true, showsTime: true))
        #expect(NumberFormat(code: "yyyy\"年\"m\"月\"d\"日\"") == NumberFormat(showsDate: true))
        #expect(NumberFormat(code: "[$-804]yyyy年m月d日;@") == NumberFormat(showsDate: true))
        #expect(NumberFormat(code: "YYYY-MM-DD HH:MM:SS") == NumberFormat(showsDate: true, showsTime: true))
        #expect(NumberFormat(code: "[h]:mm") == NumberFormat(showsTime: true, elapsed: ElapsedTime.Format(unit: .hours, showsSeconds: false)))
        #expect(NumberFormat(code: "0.00_);[Red]\\(0.00\\)") == NumberFormat())
        #expect(NumberFormat(code: "0.00E+00") == NumberFormat())
        #expect(NumberFormat(code: "\"day\"0") == NumberFormat())
        #expect(NumberFormat(code: "General") == NumberFormat())
        #expect(NumberFormat(code: "0.0%").isPercent)
    }

    @Test func cellTextEscapesReadBackExactly() {
        for text in ["a & b <c> \"d\"", "tab\there", "line\nbreak", "cr\rlf", "bell\u{7}", "_x0041_ stays", "下午2:05", " lead", ""] {
            #expect(CellText.unescaped(CellText.escaped(text).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#13;", with: "\r")) == text, "\(text)")
        }
        #expect(CellText.unescaped("a_x000D_b") == "a\rb")
        #expect(CellText.number("2021") == "2021")
        #expect(CellText.number("20210301001") == "20210301001")
        #expect(CellText.number("0.30000000000000004") == "0.3")
        #expect(CellText.number("1234.5") == "1234.5")
        #expect(CellText.number("1.5E-3") == "0.0015")
        #expect(CellText.percent("0.95") == "95%")
    }

    @Test func columnLettersBothWays() {
        #expect(ColumnName.letters(0) == "A")
        #expect(ColumnName.letters(25) == "Z")
        #expect(ColumnName.letters(26) == "AA")
        #expect(ColumnName.letters(16_383) == "XFD")
        #expect(ColumnName.parse(reference: "C5")! == (2, 5))
        #expect(ColumnName.parse(reference: "$AA$10")! == (26, 10))
        #expect(ColumnName.parse(reference: "XFE1") == nil)
        #expect(ColumnName.parse(reference: "5C") == nil)
    }

    @Test func aWrittenWorkbookReadsBackCellForCell() throws {
        var writer = WorkbookWriter(sheetName: "工单")
        try writer.header(["id", "报修时间", "金额", "说明"])
        try writer.row([.number("1"), .text("2021-03-05 08:05"), .amount("1234.50"), .text("交换机\"掉线\", <重启> & _x0041_\n第二行")])
        try writer.row([.number("2"), .empty, .amount("0.10"), .text("=1+1")])
        let bytes = try writer.bytes()
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(try writer.bytes() == bytes, "the same rows give the same file")
        let reader = try WorkbookReader(bytes: bytes)
        #expect(reader.sheetNames == ["工单"])
        let sheet = try reader.sheet(named: nil)
        #expect(sheet.rowNumbers == [1, 2, 3])
        #expect(sheet.width == 4)
        #expect(sheet.cells(0) == ["id", "报修时间", "金额", "说明"])
        #expect(sheet.cells(1) == ["1", "2021-03-05 08:05", "1234.5", "交换机\"掉线\", <重启> & _x0041_\n第二行"])
        #expect(sheet.cells(2) == ["2", "", "0.1", "=1+1"])
        #expect(throws: WorkbookError.noSuchSheet(name: "三月", sheets: ["工单"])) { try reader.sheet(named: "三月") }
    }

    @Test func whatIsNotAWorkbookIsSaidSo() {
        #expect(throws: WorkbookError.notAWorkbook) { try WorkbookReader(bytes: Array("name\n美音\n".utf8)) }
        #expect(throws: WorkbookError.notAWorkbook) { try WorkbookReader(bytes: []) }
    }
}
