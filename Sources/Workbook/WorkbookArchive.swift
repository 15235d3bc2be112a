import Foundation
import ZIPFoundation

/// The zip that holds a workbook's parts, opened with ZIPFoundation from a file or from bytes
/// (an upload). Each part is read whole, within `InflationLimits`: checked from the sizes its
/// entry declares before inflating, and counted while inflating, so a small file that would
/// inflate to gigabytes (a zip bomb) is refused instead of filling memory.
final class WorkbookArchive {
    private let archive: Archive
    let limits: InflationLimits
    /// Bytes inflated from the parts read so far, for the total limit.
    private var inflatedBytes = 0

    init(path: String, limits: InflationLimits) throws {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError.notAWorkbook
        }
        self.limits = limits
    }

    init(bytes: [UInt8], limits: InflationLimits) throws {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookError.notAWorkbook
        }
        self.limits = limits
    }

    /// Parses the part at `path` as it inflates, piece by piece, within the limits; false when
    /// the package has no such part. Only the piece being parsed is held, never the whole part.
    func parse(_ path: String, with parser: PartParser) throws -> Bool {
        guard let entry = archive[path] ?? archive["/" + path] else { return false }
        let (limits, earlier, compressed) = (self.limits, inflatedBytes, entry.compressedSize)
        try limits.check(part: path, inflated: entry.uncompressedSize, compressed: compressed, earlier: earlier)
        var inflated = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                inflated += chunk.count
                try limits.check(part: path, inflated: UInt64(inflated), compressed: compressed, earlier: earlier)
                try parser.feed(chunk)
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.brokenPart(part: path, line: nil, problem: String(describing: error))
        }
        try parser.finish()
        inflatedBytes += inflated
        return true
    }

    /// The part at `path` (without a leading slash), nil when the package has none.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] ?? archive["/" + path] else { return nil }
        let (limits, earlier, compressed) = (self.limits, inflatedBytes, entry.compressedSize)
        try limits.check(part: path, inflated: entry.uncompressedSize, compressed: compressed, earlier: earlier)
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                // The sizes the entry declares may lie; what it inflates to may not pass the limits.
                try limits.check(part: path, inflated: UInt64(data.count), compressed: compressed, earlier: earlier)
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.brokenPart(part: path, line: nil, problem: String(describing: error))
        }
        inflatedBytes += data.count
        return data
    }
}
