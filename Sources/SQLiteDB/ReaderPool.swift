import Dispatch

/// Hands out reader connections, one caller per reader at a time. A caller that finds none
/// free waits its turn in order; an asynchronous caller waits without holding a thread, so a
/// burst of reads never ties up an event loop or the thread pool.
final class ReaderPool: @unchecked Sendable {
    typealias HandOver = @Sendable (SerializedConnection) -> Void

    let all: [SerializedConnection]
    /// Guards `free` and `waiting`: they are only touched inside `guarded.sync`, which is why
    /// the class can be `@unchecked Sendable`.
    private let guarded = DispatchQueue(label: "drc.sqlite.reader-pool")
    private var free: [SerializedConnection]
    private var waiting: [HandOver] = []

    init(_ readers: [SerializedConnection]) {
        all = readers
        free = readers
    }

    /// Gives a free reader to `handOver` now, or to the first waiter when one is released.
    func acquire(_ handOver: @escaping HandOver) {
        let reader: SerializedConnection? = guarded.sync {
            if let reader = free.popLast() { return reader }
            waiting.append(handOver)
            return nil
        }
        if let reader { handOver(reader) }
    }

    /// Gives the reader to the longest waiting caller, or back to the free ones.
    func release(_ reader: SerializedConnection) {
        let next: HandOver? = guarded.sync {
            if waiting.isEmpty {
                free.append(reader)
                return nil
            }
            return waiting.removeFirst()
        }
        next?(reader)
    }

    /// Waits, blocking the calling thread, for a reader: for synchronous callers.
    func acquireWaiting() -> SerializedConnection {
        let handOff = HandOff()
        acquire { handOff.put($0) }
        return handOff.take()
    }

    /// Waits, suspended, for a reader.
    func acquire() async -> SerializedConnection {
        await withCheckedContinuation { continuation in
            acquire { continuation.resume(returning: $0) }
        }
    }
}

/// One reader passed from the thread that releases it to the thread blocked waiting for it.
/// The semaphore orders the write of `reader` before its read, so no other guard is needed.
private final class HandOff: @unchecked Sendable {
    private let arrived = DispatchSemaphore(value: 0)
    private var reader: SerializedConnection?

    func put(_ reader: SerializedConnection) {
        self.reader = reader
        arrived.signal()
    }

    func take() -> SerializedConnection {
        arrived.wait()
        return reader!
    }
}
