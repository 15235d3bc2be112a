import Foundation
import ZIPFoundation

/// The zip that holds a workbook's parts, opened with ZIPFoundation from a file or from bytes
/// (an upload). Each part is read whole, within a size limit, so a small file that would
/// inflate to gigabytes (a zip bomb) is refused instead of filling memory.
struct WorkbookArchive {
    private let archive: Archive
    /// The most bytes one part may inflate to.
    let limitBytes: Int

    init(path: String, limitBytes: Int) throws {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError.notAWorkbook
        }
        self.limitBytes = limitBytes
    }

    init(bytes: [UInt8], limitBytes: Int) throws {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookError.notAWorkbook
        }
        self.limitBytes = limitBytes
    }

    /// The part at `path` (without a leading slash), nil when the package has none.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] ?? archive["/" + path] else { return nil }
        guard entry.uncompressedSize <= UInt64(limitBytes) else {
            throw WorkbookError.partTooLarge(part: path, limitBytes: limitBytes)
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        let limit = limitBytes
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                // The size the entry declares may lie; what it inflates to may not pass the limit.
                if data.count > limit { throw WorkbookError.partTooLarge(part: path, limitBytes: limit) }
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.brokenPart(part: path, line: nil, problem: String(describing: error))
        }
        return data
    }
}
