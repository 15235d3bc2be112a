#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where written bytes go: a file or standard output (`OutputSink`), or memory (`MemorySink`).
public protocol ByteSink: AnyObject {
    func write(_ byte: UInt8) throws
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

extension ByteSink {
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }
}

/// Bytes collected in memory, for output that is assembled before it is printed.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ byte: UInt8) { bytes.append(byte) }
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A buffered byte writer to a file descriptor: standard output, or a file that appears
/// under its name only once it is complete (written to a temporary name, renamed on `finish`).
public final class OutputSink: ByteSink {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let path: String?
    private let temporaryPath: String?
    private let capacity = 1 << 16
    private var finished = false

    /// Standard output.
    public init() {
        descriptor = 1
        path = nil
        temporaryPath = nil
        buffer.reserveCapacity(capacity)
    }

    /// A new file at `path`; `replace` allows an existing file to be replaced when done.
    public init(path: String, replace: Bool = true) throws {
        if !replace && Store.fileExists(path) { throw DRCError.databaseExists(path: path) }
        let temporary = path + ".drc-partial"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DRCError.invalid(field: "output", value: path, reason: "cannot be written: " + String(cString: strerror(errno)))
        }
        self.path = path
        temporaryPath = temporary
        buffer.reserveCapacity(capacity)
    }

    deinit {
        // A sink dropped without `finish` (an error on the way) leaves no partial file.
        if let temporaryPath, !finished {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    @inline(__always)
    public func write(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DRCError.invalid(field: "output", value: path ?? "standard output",
                                           reason: "cannot be written: " + String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file, closes it and moves it into place.
    public func finish() throws {
        try flush()
        guard let path, let temporaryPath else { return }
        finished = true
        guard fsync(descriptor) == 0 || errno == EINVAL, close(descriptor) == 0, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw DRCError.invalid(field: "output", value: path, reason: "cannot be written: " + reason)
        }
    }
}

/// CSV cells written straight from bytes, quoted only when they must be.
public struct CSVCellWriter {
    public let guardFormulas: Bool
    public let lineEnding: [UInt8]

    public init(guardFormulas: Bool = false, crlf: Bool = false) {
        self.guardFormulas = guardFormulas
        lineEnding = crlf ? [13, 10] : [10]
    }

    /// Writes one cell. Text cells starting with = + - @ tab CR or LF get a leading ' when
    /// guarding, so a spreadsheet shows them instead of running them; numbers never do.
    @inline(__always)
    public func cell<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, isText: Bool = true, to sink: Sink) throws {
        let guarded = guardFormulas && isText && !bytes.isEmpty && {
            let first = bytes[0]
            return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 9 || first == 13 || first == 10
        }()
        var needsQuotes = false
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if guarded { try sink.write(UInt8(ascii: "'")) }
            try sink.write(bytes)
            return
        }
        try sink.write(0x22)
        if guarded { try sink.write(UInt8(ascii: "'")) }
        var runStart = 0
        for index in 0..<bytes.count where bytes[index] == 0x22 {
            try sink.write(UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            try sink.write(0x22)
            runStart = index + 1
        }
        try sink.write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        try sink.write(0x22)
    }

    public func cell<Sink: ByteSink>(_ text: String, isText: Bool = true, to sink: Sink) throws {
        var text = text
        try text.withUTF8 { try cell($0, isText: isText, to: sink) }
    }

    public func row<Sink: ByteSink>(_ cells: [String], to sink: Sink) throws {
        for (index, value) in cells.enumerated() {
            if index > 0 { try sink.write(0x2C) }
            try cell(value, to: sink)
        }
        try endRow(sink)
    }

    @inline(__always)
    public func endRow<Sink: ByteSink>(_ sink: Sink) throws {
        try lineEnding.withUnsafeBufferPointer { try sink.write($0) }
    }
}
