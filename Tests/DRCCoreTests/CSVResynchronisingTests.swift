@testable import DRCCore
import Testing

/// What the importer's reader does past malformed quoting (`resynchronises`): the bad record
/// becomes its first line, as written, and reading goes on at the next line, so no row after it
/// is lost; a quoted cell that holds line breaks and closes properly stays one record.
@Suite struct CSVResynchronisingTests {
    /// Each record as read: its line, and either its fields or the malformed line's text and reason.
    enum Read: Equatable {
        case fields(Int, [String])
        case malformed(Int, String, Reason)
    }

    func readAll(_ text: String, bufferSize: Int = 7) throws -> (records: [Read], lines: Int, empty: Int) {
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), bufferSize: bufferSize)
        reader.resynchronises = true
        var records: [Read] = []
        while try reader.nextRecord() {
            if let failure = reader.malformedLine {
                #expect(reader.fieldCount == 1)
                records.append(.malformed(failure.line, reader.string(0), failure.reason))
            } else {
                records.append(.fields(reader.line, reader.strings()))
            }
        }
        return (records, reader.linesRead, reader.emptyLines)
    }

    @Test(arguments: [3, 7, 64, 1 << 16])
    func aQuoteInsideAnUnquotedFieldRejectsItsLineOnly(bufferSize: Int) throws {
        let read = try readAll("a,b\n1,更换24\"显示器\n2,z\n", bufferSize: bufferSize)
        #expect(read.records == [.fields(1, ["a", "b"]), .malformed(2, "1,更换24\"显示器", .quoteInUnquotedField), .fields(3, ["2", "z"])])
        #expect(read.lines == 3)
    }

    @Test(arguments: [3, 7, 64, 1 << 16])
    func aQuoteLeftOpenAtTheEndRejectsTheLineItOpenedOn(bufferSize: Int) throws {
        let read = try readAll("h,i\r\n1,\"更换显示器\r\n2,z\r\n3,y", bufferSize: bufferSize)
        #expect(read.records == [.fields(1, ["h", "i"]), .malformed(2, "1,\"更换显示器", .unclosedQuote),
                                 .fields(3, ["2", "z"]), .fields(4, ["3", "y"])])
        #expect(read.lines == 4)
    }

    @Test(arguments: [3, 7, 64, 1 << 16])
    func aQuoteClosedByALaterLinesQuoteRejectsBothAndKeepsTheRest(bufferSize: Int) throws {
        let read = try readAll("h\n\"open\n\"交换机\"掉线\nok\n", bufferSize: bufferSize)
        #expect(read.records == [.fields(1, ["h"]), .malformed(2, "\"open", .unclosedQuote),
                                 .malformed(3, "\"交换机\"掉线", .textAfterClosingQuote(tabs: false)), .fields(4, ["ok"])])
        #expect(read.lines == 4)
    }

    @Test func aMultiLineCellThatClosesIsOneRecordAndItsLinesCount() throws {
        let read = try readAll("h,i\n1,\"第一行\n第二行\"\n\n2,z\n")
        #expect(read.records == [.fields(1, ["h", "i"]), .fields(2, ["1", "第一行\n第二行"]), .fields(5, ["2", "z"])])
        #expect(read.lines == 5)
        #expect(read.empty == 1)
    }

    /// A stray CR ends a line, as Excel and Python read it; a NUL is a character like another.
    @Test func strayCRAndNULAreLines() throws {
        let read = try readAll("h,i\n1,交换\r机\n2,a\u{0}b\n")
        #expect(read.records == [.fields(1, ["h", "i"]), .fields(2, ["1", "交换"]), .fields(3, ["机"]), .fields(4, ["2", "a\u{0}b"])])
        #expect(read.lines == 4)
    }

    /// Without `resynchronises` (a seed file) the first malformed record still ends the reading.
    @Test func offByDefault() {
        let reader = CSVReader(source: MemorySource(Array("a\n1\"\n2\n".utf8)))
        #expect(throws: CSVReader.Failure(line: 2, reason: .quoteInUnquotedField)) {
            while try reader.nextRecord() {}
        }
    }
}
