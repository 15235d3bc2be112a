import CSQLite

/// When statements on a connection must stop: a deadline, checked every few thousand virtual
/// machine steps by SQLite's progress handler, which then interrupts the statement
/// (`SQLITE_INTERRUPT`). Kept by the connection for as long as the handler may call it.
final class RunDeadline {
    let instant: ContinuousClock.Instant

    init(after seconds: Double) {
        instant = ContinuousClock.now.advanced(by: .nanoseconds(Int64((seconds * 1e9).rounded())))
    }
}

extension Connection {
    /// Stops every statement still running `seconds` from now: its step fails with
    /// `SQLiteCode.interrupt`. For untrusted queries that could run for ever (a recursive CTE
    /// without an end); `nil` removes the limit.
    public func setDeadline(after seconds: Double?) {
        guard let seconds else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            deadline = nil
            return
        }
        let deadline = RunDeadline(after: seconds)
        self.deadline = deadline
        // Every 4096 instructions: far below a millisecond, so the clock is read rarely.
        sqlite3_progress_handler(handle, 4096, { context in
            guard let context else { return 0 }
            let deadline = Unmanaged<RunDeadline>.fromOpaque(context).takeUnretainedValue()
            return ContinuousClock.now >= deadline.instant ? 1 : 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
    }

    /// The longest string or blob, and the longest SQL text, this connection will build: a
    /// longer one fails with `SQLiteCode.tooBig` before the memory is taken (`randomblob(1e9)`
    /// would otherwise take a gigabyte).
    public func setMaximumValueLength(_ bytes: Int32) {
        sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, bytes)
    }
}
