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
/// A file's path is checked by `OutputPath` first, so an output never replaces the database.
public final class OutputSink: ByteSink {
    /// The buffer and how much of it is used live behind `let` pointers: a class's `var`
    /// would cost a run-time exclusivity check on every write, and an export writes a few
    /// per cell.
    private let buffer: UnsafeMutablePointer<UInt8>
    private let used: UnsafeMutablePointer<Int>
    private let descriptor: Int32
    private let path: String?
    private let temporaryPath: String?
    private let previousPath: String?
    private static let capacity = 1 << 16
    private enum State { case writing, sealed, published(keptPrevious: Bool), done }
    private var state = State.writing

    /// Standard output.
    public init() {
        descriptor = 1
        path = nil
        temporaryPath = nil
        previousPath = nil
        (buffer, used) = Self.allocateBuffer(Self.capacity)
    }

    /// A new file at `path` (an existing file is replaced when the new one is complete), once
    /// `OutputPath` has found it safe beside `database` and the `inputs` being read.
    public init(path: String, database: String, inputs: [String] = []) throws {
        try OutputPath.check(path, database: database, inputs: inputs)
        let temporary = path + ".drc-partial"
        let previous = path + ".drc-previous"
        // The scratch names are checked too, since they are removed before use.
        try OutputPath.check(temporary, database: database, inputs: inputs)
        try OutputPath.check(previous, database: database, inputs: inputs)
        unlink(temporary)
        // O_EXCL: never through a link planted under the temporary name.
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DRCError.invalid(field: "output", value: path, reason: .cannotBeWritten(errno: errno))
        }
        self.path = path
        temporaryPath = temporary
        previousPath = previous
        (buffer, used) = Self.allocateBuffer(Self.capacity)
    }

    private static func allocateBuffer(_ capacity: Int) -> (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Int>) {
        let used = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        used.initialize(to: 0)
        return (.allocate(capacity: capacity), used)
    }

    deinit {
        buffer.deallocate()
        used.deallocate()
        guard let temporaryPath, let path else { return }
        switch state {
        case .writing:
            // A sink dropped without `finish` (an error on the way) leaves no partial file.
            close(descriptor)
            unlink(temporaryPath)
        case .sealed:
            unlink(temporaryPath)
        case .published(let keptPrevious):
            // Published but never confirmed: what it described did not happen.
            Self.withdraw(path: path, previous: keptPrevious ? previousPath : nil)
        case .done:
            break
        }
    }

    @inline(__always)
    public func write(_ byte: UInt8) throws {
        if used.pointee == Self.capacity { try flush() }
        buffer[used.pointee] = byte
        used.pointee += 1
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if used.pointee + bytes.count > Self.capacity {
            try flush()
            // More than the buffer holds goes straight out.
            if bytes.count >= Self.capacity { return try writeOut(UnsafeRawBufferPointer(bytes)) }
        }
        (buffer + used.pointee).update(from: base, count: bytes.count)
        used.pointee += bytes.count
    }

    public func flush() throws {
        let count = used.pointee
        used.pointee = 0
        try writeOut(UnsafeRawBufferPointer(start: buffer, count: count))
    }

    private func writeOut(_ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw DRCError.invalid(field: "output", value: path ?? "-", reason: .cannotBeWritten(errno: errno))
            }
            offset += written
        }
    }

    /// Flushes, and for a file, closes it and moves it into place.
    public func finish() throws {
        try publish()
        confirm()
    }

    /// Flushes; for a file, makes its bytes durable and moves it into place, keeping a file it
    /// replaces aside until `confirm` (or until the sink is dropped, which puts it back).
    public func publish() throws {
        try flush()
        guard let path, let temporaryPath, let previousPath else { return }
        guard case .writing = state else { return }
        let synced = fsync(descriptor) == 0 || errno == EINVAL
        let failure = errno
        let closed = close(descriptor) == 0
        state = .sealed
        guard synced, closed else {
            throw DRCError.invalid(field: "output", value: path, reason: .cannotBeWritten(errno: synced ? errno : failure))
        }
        unlink(previousPath)
        let keptPrevious = link(path, previousPath) == 0
        guard rename(temporaryPath, path) == 0 else {
            let failure = errno
            if keptPrevious { unlink(previousPath) }
            throw DRCError.invalid(field: "output", value: path, reason: .cannotBeWritten(errno: failure))
        }
        state = .published(keptPrevious: keptPrevious)
        Self.syncFolder(of: path)
    }

    /// The published file stays: the previous one, if any, goes.
    public func confirm() {
        guard case .published(let keptPrevious) = state, let previousPath else { return }
        if keptPrevious { unlink(previousPath) }
        state = .done
    }

    private static func withdraw(path: String, previous: String?) {
        if let previous {
            rename(previous, path)
        } else {
            unlink(path)
        }
        syncFolder(of: path)
    }

    /// Makes a rename durable: without it a power cut could lose the new name.
    private static func syncFolder(of path: String) {
        let folder = OutputPath.split(path)?.folder ?? "."
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// CSV cells written straight from bytes, quoted only when they must be.
public struct CSVCellWriter {
    public let guardFormulas: Bool
    public let lineEnding: [UInt8]
    /// The byte between cells: a comma, or a tab for a tab-separated file.
    public let delimiter: UInt8

    public init(guardFormulas: Bool = false, crlf: Bool = false, delimiter: UInt8 = 0x2C) {
        self.guardFormulas = guardFormulas
        lineEnding = crlf ? [13, 10] : [10]
        self.delimiter = delimiter
    }

    /// Whether a text cell gets the formula guard `'` in Excel mode: when it starts with
    /// = + - @ tab CR or LF (a spreadsheet would run it), or with ' itself. Guarding a leading '
    /// makes the guard reversible: reading an Excel-mode file removes one ' from a cell that
    /// starts with ' and one of these, and nothing else, so every value comes back exactly.
    @inline(__always)
    public static func isGuarded(first byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 9 || byte == 13 || byte == 10 || byte == UInt8(ascii: "'")
    }

    /// Writes one cell. Text cells `isGuarded` get a leading ' when guarding, so a spreadsheet
    /// shows them instead of running them; numbers never do.
    @inline(__always)
    public func cell<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, isText: Bool = true, to sink: Sink) throws {
        let guarded = guardFormulas && isText && !bytes.isEmpty && Self.isGuarded(first: bytes[0])
        var needsQuotes = false
        for byte in bytes where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
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
            if index > 0 { try sink.write(delimiter) }
            try cell(value, to: sink)
        }
        try endRow(sink)
    }

    @inline(__always)
    public func endRow<Sink: ByteSink>(_ sink: Sink) throws {
        try lineEnding.withUnsafeBufferPointer { try sink.write($0) }
    }
}
