/// Rows read from the file, handed from the reading thread to the writing one in batches:
/// every field's bytes in one buffer, so a batch of thousands of rows is a few allocations.
final class RowBatch: @unchecked Sendable {
    struct Row {
        var line: Int
        var fieldCount: Int
        /// Why the row cannot be written, found while reading it.
        var error: RowError?
        /// The row's values, validated, when the kind has a parser (work orders).
        var order: ParsedOrder?
        /// Why the row is passed over rather than written or refused.
        var passedOver: PassedOver?
    }

    /// Rows in a vendor's spreadsheet that hold no record.
    enum PassedOver {
        /// No value in any cell.
        case blank
        /// Its first cell says it totals the rows above (合计, 小计, 总计, total).
        case total
    }

    /// The rows' fields. The hot loops take it (and `rows`) into a local once per row or per
    /// batch: a class's stored properties cost a run-time exclusivity check at every access.
    var fields = FieldBytes()
    var rows: [Row] = []
    /// An error that ends the import (the file cannot be read on), after the rows above.
    var fatal: Error?
    var isLast = false

    static let capacity = 4096

    deinit { fields.deallocate() }

    func reset() {
        fields.removeAll()
        rows.removeAll(keepingCapacity: true)
        fatal = nil
        isLast = false
    }

    func withField<R>(_ row: Int, _ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try fields.withField(row, field, body)
    }

    func string(_ row: Int, _ field: Int) -> String {
        withField(row, field) { String(decoding: $0, as: UTF8.self) }
    }

    func strings(_ row: Int) -> [String] {
        (0..<rows[row].fieldCount).map { string(row, $0) }
    }
}

/// Every field's bytes of a batch's rows, one after another, in memory of our own: addresses
/// stay put until the batch is refilled, so SQLite may read text in place until the row is
/// stepped. A value, so the loops work on a local copy; the batch that holds it frees it.
struct FieldBytes {
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Where each field ends in the storage.
    private var ends: [Int] = []
    /// Each row's first field in `ends`.
    private var firstFields: [Int] = []

    init() {
        capacity = 1 << 20
        storage = .allocate(capacity: capacity)
        firstFields.reserveCapacity(RowBatch.capacity)
    }

    func deallocate() { storage.deallocate() }

    mutating func removeAll() {
        count = 0
        ends.removeAll(keepingCapacity: true)
        firstFields.removeAll(keepingCapacity: true)
    }

    /// Copies the reader's current record in as the next row.
    mutating func append(_ reader: any RowSource) {
        firstFields.append(ends.count)
        reader.withRecord { bytes, recordEnds in
            let offset = count
            append(bytes)
            for end in recordEnds { ends.append(offset + end) }
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            // Only while the batch is being filled, before anything points into it.
            let grown = max(capacity * 2, count + bytes.count)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Whether every field of row `row` is empty.
    func isBlank(_ row: Int) -> Bool {
        let first = firstFields[row]
        let from = first == 0 ? 0 : ends[first - 1]
        return ends[ends.count - 1] == from
    }

    @inline(__always)
    func withField<R>(_ row: Int, _ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let index = firstFields[row] + field
        let from = index == 0 ? 0 : ends[index - 1]
        return try body(UnsafeBufferPointer(start: storage + from, count: ends[index] - from))
    }
}

/// A bounded queue between two threads; `close` wakes and releases both sides.
final class BlockingQueue<Element>: @unchecked Sendable {
    private var items: [Element] = []
    private let limit: Int
    private var closed = false
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()

    init(limit: Int) {
        self.limit = limit
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
        pthread_cond_destroy(&changed)
    }

    /// Waits for room; returns false when the queue was closed.
    func push(_ item: Element) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.count >= limit && !closed { pthread_cond_wait(&changed, &mutex) }
        guard !closed else { return false }
        items.append(item)
        pthread_cond_broadcast(&changed)
        return true
    }

    /// Waits for an item; nil when the queue was closed and is empty.
    func pop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.isEmpty && !closed { pthread_cond_wait(&changed, &mutex) }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        pthread_cond_broadcast(&changed)
        return item
    }

    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }
}

#if canImport(Glibc)
import Glibc
#endif
