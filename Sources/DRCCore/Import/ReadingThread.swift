import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// Reads and validates rows on a second thread while the importing thread writes them, so
/// parsing and SQLite's work overlap on two cores. Batches are recycled between the two.
final class ReadingThread: @unchecked Sendable {
    let reader: any RowSource
    let headerCount: Int
    /// Columns up to the header's last named one; the empty ones after it may be left out.
    let namedCount: Int
    var parser: OrderParser?
    let filled = BlockingQueue<RowBatch>(limit: 3)
    let empty = BlockingQueue<RowBatch>(limit: 4)
    private var thread: pthread_t?

    init(reader: any RowSource, headerCount: Int, namedCount: Int, parser: OrderParser?) {
        self.reader = reader
        self.headerCount = headerCount
        self.namedCount = namedCount
        self.parser = parser
        for _ in 0..<4 { _ = empty.push(RowBatch()) }
    }

    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { pointer in
            let reading = Unmanaged<ReadingThread>.fromOpaque(pointer!).takeRetainedValue()
            reading.run()
            return nil
        }, context)
        if result == 0 {
            self.thread = thread
        } else {
            // No second thread to be had: read everything on this one, batch by batch, as asked.
            Unmanaged<ReadingThread>.fromOpaque(context).release()
            inline = true
        }
    }

    private var inline = false

    /// The next batch; the caller gives it back with `recycle` when done.
    func next() -> RowBatch? {
        if inline {
            guard let batch = empty.pop() else { return nil }
            fill(batch)
            return batch
        }
        return filled.pop()
    }

    func recycle(_ batch: RowBatch) {
        _ = empty.push(batch)
    }

    /// Stops the reading thread (the import ended early) and waits for it.
    func stop() {
        filled.close()
        empty.close()
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func run() {
        while let batch = empty.pop() {
            fill(batch)
            let last = batch.isLast
            guard filled.push(batch), !last else { break }
        }
    }

    private var finished = false

    /// Reads up to a batch of rows, validating each as far as reading can.
    private func fill(_ batch: RowBatch) {
        batch.reset()
        guard !finished else { batch.isLast = true; return }
        do {
            // Passed inout, the batch's rows and fields and the parser cost one run-time
            // exclusivity check each per batch, where as stored properties of classes every
            // access would cost one.
            if try read(into: &batch.rows, &batch.fields, parser: &parser) {
                finished = true
                batch.isLast = true
            }
        } catch {
            finished = true
            batch.fatal = error
            batch.isLast = true
        }
    }

    /// Appends rows until the batch is full; true when the file has ended.
    private func read(into rows: inout [RowBatch.Row], _ fields: inout FieldBytes, parser: inout OrderParser?) throws -> Bool {
        let reader = self.reader
        let headerCount = self.headerCount
        let namedCount = self.namedCount
        while rows.count < RowBatch.capacity {
            guard try reader.nextRecord() else { return true }
            let line = reader.line
            let fieldCount = reader.fieldCount
            fields.append(reader)
            var row = RowBatch.Row(line: line, fieldCount: fieldCount)
            if let failure = reader.malformedLine {
                // Its one field is the line as written, for the rejects file.
                row.error = RowError(line: failure.line, column: nil, value: nil, reason: failure.reason)
            } else if !reader.isValidUTF8 {
                row.error = Importer.encodingError(line: line)
            } else if fields.isBlank(rows.count) {
                row.passedOver = .blank
            } else if TotalRow.isTotal(fields, rows.count) {
                row.passedOver = .total
            } else if fieldCount != headerCount && (fieldCount < namedCount || fieldCount > headerCount) {
                row.error = RowError(line: line, column: nil, value: nil, reason: .fieldCount(found: fieldCount, header: headerCount))
            } else if fieldCount > namedCount, let index = TotalRow.firstFilled(fields, rows.count, from: namedCount, to: fieldCount) {
                row.error = RowError(line: line, column: nil, value: nil, reason: .valueInUnnamedColumn(index: index))
            } else if parser != nil {
                do {
                    row.order = try parser!.parse(fields, rows.count)
                } catch var error as RowError {
                    error.line = line
                    row.error = error
                } catch let error as DRCError {
                    row.error = RowError(line: line, column: nil, value: nil, problem: .failed(error))
                } catch {
                    // SQLite failing while it looks a reference up: its own words.
                    row.error = RowError(line: line, column: nil, value: nil,
                                         problem: .failed(.storage(.sqlite(String(describing: error)))))
                }
            }
            rows.append(row)
        }
        return false
    }
}
