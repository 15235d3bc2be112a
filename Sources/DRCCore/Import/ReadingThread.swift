import SQLiteDB
#if canImport(Glibc)
import Glibc
#endif

/// Reads and validates rows on a second thread while the importing thread writes them, so
/// parsing and SQLite's work overlap on two cores. Batches are recycled between the two.
final class ReadingThread: @unchecked Sendable {
    let reader: CSVReader
    let headerCount: Int
    var parser: OrderParser?
    let filled = BlockingQueue<RowBatch>(limit: 3)
    let empty = BlockingQueue<RowBatch>(limit: 4)
    private var thread: pthread_t?

    init(reader: CSVReader, headerCount: Int, parser: OrderParser?) {
        self.reader = reader
        self.headerCount = headerCount
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
            while batch.rows.count < RowBatch.capacity {
                guard try reader.nextRecord() else {
                    finished = true
                    batch.isLast = true
                    return
                }
                let row = batch.append(reader)
                if !reader.isValidUTF8 {
                    batch.rows[row].error = Importer.encodingError(line: reader.line)
                } else if reader.fieldCount != headerCount {
                    batch.rows[row].error = RowError(line: reader.line, column: nil, value: nil,
                                                     reason: .fieldCount(found: reader.fieldCount, header: headerCount))
                } else if parser != nil {
                    do {
                        batch.rows[row].order = try parser!.parse(batch, row)
                    } catch var error as RowError {
                        error.line = reader.line
                        batch.rows[row].error = error
                    } catch let error as DRCError {
                        batch.rows[row].error = RowError(line: reader.line, column: nil, value: nil, problem: .failed(error))
                    } catch {
                        // SQLite failing while it looks a reference up: its own words.
                        batch.rows[row].error = RowError(line: reader.line, column: nil, value: nil,
                                                         problem: .failed(.storage(.sqlite(String(describing: error)))))
                    }
                }
            }
        } catch {
            finished = true
            batch.fatal = error
            batch.isLast = true
        }
    }
}
