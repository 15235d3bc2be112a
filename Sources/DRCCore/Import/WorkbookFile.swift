import Workbook

/// An import's input told by its first bytes (and its name): text (CSV, read by `CSVReader`),
/// an .xlsx workbook (a zip, read sheet by sheet), an old binary .xls (refused: it cannot be
/// read), or a file whose name says workbook and whose bytes say otherwise (refused too).
enum WorkbookFile {
    enum Kind: Equatable {
        case text
        case workbook
        case oldExcel
        case notAWorkbook
    }

    /// How many bytes `kind` looks at.
    static let signatureLength = 8

    /// What the input is: its bytes decide (a zip is a workbook whatever its name; the OLE2
    /// signature `D0 CF 11 E0 A1 B1 1A E1` is an old .xls); a name ending in .xlsx, .xlsm or
    /// .xls over other bytes is a file that is not what its name says.
    static func kind(_ prefix: [UInt8], name: String) -> Kind {
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oldExcel }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .workbook }
        let lowered = name.lowercased()
        if [".xlsx", ".xlsm", ".xls"].contains(where: { lowered.hasSuffix($0) }) { return .notAWorkbook }
        return .text
    }

    /// Whether a compound file (the signature `kind` calls an old .xls) is an encrypted workbook:
    /// Excel and WPS save a workbook with a password as a compound file whose directory holds an
    /// `EncryptedPackage` stream (MS-OFFCRYPTO), where an .xls holds a `Workbook` stream. The
    /// directory's entries are 128 bytes, at offsets the file's sector size (512 or 4096) keeps
    /// aligned to 128, each starting with its name in UTF-16LE and its name's byte length
    /// (NUL included) at offset 64: the whole file is read, 64 KiB at a time, for that entry.
    static func isEncrypted(_ source: ByteSource) throws -> Bool {
        var name: [UInt8] = []
        for unit in "EncryptedPackage".utf16 { name += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        name += [0, 0]
        let length = UInt8(name.count)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var filled = 0
        func holdsEntry(_ count: Int) -> Bool {
            for offset in stride(from: 0, to: count - 127, by: 128) where chunk[offset + 64] == length && chunk[offset + 65] == 0 {
                if chunk[offset..<(offset + name.count)].elementsEqual(name) { return true }
            }
            return false
        }
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if count == 0 { return holdsEntry(filled) }
            filled += count
            // Only a full chunk is scanned, so every chunk starts at a multiple of 128 in the file.
            if filled == chunk.count {
                if holdsEntry(filled) { return true }
                filled = 0
            }
        }
    }

    /// The most bytes of a workbook read from standard input or an upload (held in memory).
    static let memoryLimitBytes = 256 << 20

    /// The rows of `sheet` (the first when nil) of the workbook in the file at `path`, or, when
    /// there is no path, in all of `source`'s bytes.
    static func sheet(path: String?, source: ByteSource, sheet: String?, sourceName: String) throws -> SheetTable {
        do {
            let reader: WorkbookReader
            if let path {
                reader = try WorkbookReader(path: path)
            } else {
                reader = try WorkbookReader(bytes: try readAll(source, sourceName: sourceName))
            }
            return try reader.sheet(named: sheet)
        } catch let error as WorkbookError {
            throw DRCError(error, sourceName: sourceName)
        }
    }

    private static func readAll(_ source: ByteSource, sourceName: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > memoryLimitBytes {
                throw DRCError.invalid(field: "file", value: sourceName,
                                       reason: .workbookPartTooLarge(part: "", megabytes: memoryLimitBytes >> 20))
            }
        }
    }
}

extension DRCError {
    /// A workbook's failure, about the file `sourceName`.
    init(_ error: WorkbookError, sourceName: String) {
        switch error {
        case .notAWorkbook:
            self = .invalid(field: "file", value: sourceName, reason: .notAWorkbook(oldExcel: false))
        case .brokenPart(let part, let line, let problem):
            self = .invalid(field: "file", value: sourceName, reason: .brokenWorkbook(part: part, line: line, problem: problem))
        case .partTooLarge(let part, let limitBytes):
            self = .invalid(field: "file", value: sourceName, reason: .workbookPartTooLarge(part: part, megabytes: limitBytes >> 20))
        case .workbookTooLarge(let limitBytes):
            self = .invalid(field: "file", value: sourceName, reason: .workbookUnpacksTooLarge(megabytes: limitBytes >> 20))
        case .compressedTooFar(let part, let ratio):
            self = .invalid(field: "file", value: sourceName, reason: .workbookPackedTooTightly(part: part, ratio: ratio))
        case .mergedCellsTooLarge(let part, let limitBytes):
            self = .invalid(field: "file", value: sourceName, reason: .workbookMergesTooLarge(part: part, megabytes: limitBytes >> 20))
        case .noSuchSheet(let name, let sheets):
            self = .invalid(field: "sheet", value: name, reason: .noSuchSheet(sheets: sheets))
        case .noSheets:
            self = .invalid(field: "file", value: sourceName, reason: .noSuchSheet(sheets: []))
        case .tooManyRows(let limit):
            self = .invalid(field: "output", value: sourceName, reason: .tooManyRowsForSheet(limit: limit))
        }
    }
}
