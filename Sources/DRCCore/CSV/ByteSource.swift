#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where CSV bytes come from: a file, standard input, or bytes in memory (the embedded seed).
public protocol ByteSource: AnyObject {
    /// Fills `buffer` with up to `buffer.count` bytes; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// The total size when it is known in advance (a regular file), for planning bulk work.
    var expectedSize: Int? { get }
}

extension ByteSource {
    public var expectedSize: Int? { nil }
}

/// Bytes already in memory.
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// A file read through its descriptor, so that a file of any size streams in fixed memory.
public final class FileSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let path: String
    public private(set) var expectedSize: Int?

    /// Opens `path`, or standard input when the path is `-`.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            ownsDescriptor = true
            guard descriptor >= 0 else {
                throw DRCError.invalid(field: "file", value: path, reason: .cannotOpenFile(errno: errno))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw DRCError.invalid(field: "file", value: path, reason: .isAFolder)
            }
            if (info.st_mode & S_IFMT) == S_IFREG { expectedSize = Int(info.st_size) }
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw DRCError.invalid(field: "file", value: path, reason: .cannotBeRead(errno: errno))
        }
    }
}
