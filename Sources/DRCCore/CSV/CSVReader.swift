/// A streaming RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line
/// breaks; lines end in LF or CRLF; a UTF-8 byte-order mark at the start is skipped; blank
/// lines are skipped. Malformed quoting is an error naming the line, never a guess, and a
/// file ending inside a quoted field is reported rather than silently swallowed.
public final class CSVReader {
    public struct Record {
        /// The physical line the record starts on (1-based).
        public let line: Int
        public let fields: [String]
    }

    public struct Failure: Error, Equatable {
        public let line: Int
        public let reason: String
    }

    private let source: ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var line = 1
    private var checkedBOM = false
    /// Bytes of the field being read (only used when it spans a refill or holds quotes).
    private var field: [UInt8] = []
    /// The most fields a record may have, and the longest a field may be, so that a hostile
    /// file cannot make the reader hold unbounded memory.
    public var maxFields = 4096
    public var maxFieldBytes = 16 * 1024 * 1024

    public init(source: ByteSource, bufferSize: Int = 1 << 20) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// The next record, or nil at the end of the input.
    public func next() throws -> Record? {
        while true {
            guard try fill() else { return nil }
            if !checkedBOM {
                checkedBOM = true
                if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF { start += 3 }
                guard try fill() else { return nil }
            }
            // Skip blank lines.
            let byte = buffer[start]
            if byte == 0x0A { start += 1; line += 1; continue }
            if byte == 0x0D {
                start += 1
                if try fill(), buffer[start] == 0x0A { start += 1 }
                line += 1
                continue
            }
            return try readRecord()
        }
    }

    /// Makes sure at least one byte is buffered; false at the end of the input.
    private func fill() throws -> Bool {
        if start < end { return true }
        if atEnd { return false }
        start = 0
        end = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if end == 0 { atEnd = true }
        return end > 0
    }

    private func readRecord() throws -> Record {
        let firstLine = line
        var fields: [String] = []
        while true {
            let (value, endOfRecord) = try readField(recordLine: firstLine)
            fields.append(value)
            guard fields.count <= maxFields else {
                throw Failure(line: firstLine, reason: "has more than \(maxFields) columns")
            }
            if endOfRecord { return Record(line: firstLine, fields: fields) }
        }
    }

    /// Reads one field; returns it and whether the record ended after it.
    private func readField(recordLine: Int) throws -> (String, Bool) {
        field.removeAll(keepingCapacity: true)
        guard try fill() else { return ("", true) }
        if buffer[start] == 0x22 {
            start += 1
            return try readQuoted(recordLine: recordLine)
        }
        while true {
            guard try fill() else { return (String(decoding: field, as: UTF8.self), true) }
            // Scan the buffered bytes for the end of the field.
            var index = start
            while index < end {
                let byte = buffer[index]
                if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                if byte == 0x22 {
                    throw Failure(line: line, reason: "has a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                index += 1
            }
            field.append(contentsOf: buffer[start..<index])
            guard field.count <= maxFieldBytes else { throw Failure(line: line, reason: "has a field longer than \(maxFieldBytes) bytes") }
            start = index
            if index == end { continue }
            let byte = buffer[index]
            start += 1
            let text = String(decoding: field, as: UTF8.self)
            if byte == 0x2C { return (text, false) }
            try endLine(after: byte)
            return (text, true)
        }
    }

    private func readQuoted(recordLine: Int) throws -> (String, Bool) {
        while true {
            guard try fill() else {
                throw Failure(line: recordLine, reason: "has a quoted field that is never closed (a missing \" somewhere from here on)")
            }
            let byte = buffer[start]
            start += 1
            if byte == 0x22 {
                // A doubled quote is a quote; a single one ends the field.
                if try fill(), buffer[start] == 0x22 {
                    field.append(0x22)
                    start += 1
                    continue
                }
                let text = String(decoding: field, as: UTF8.self)
                guard try fill() else { return (text, true) }
                let next = buffer[start]
                start += 1
                if next == 0x2C { return (text, false) }
                if next == 0x0A || next == 0x0D {
                    try endLine(after: next)
                    return (text, true)
                }
                throw Failure(line: line, reason: "has text after a closing quote; a quoted field must end at a comma or the line's end")
            }
            if byte == 0x0A { line += 1 }
            if byte == 0x0D, (try fill() ? buffer[start] != 0x0A : true) { line += 1 }
            field.append(byte)
            if field.count > maxFieldBytes { throw Failure(line: recordLine, reason: "has a field longer than \(maxFieldBytes) bytes") }
        }
    }

    /// Consumes the LF of a CRLF pair and counts the line.
    private func endLine(after byte: UInt8) throws {
        if byte == 0x0D, try fill(), buffer[start] == 0x0A { start += 1 }
        line += 1
    }
}
