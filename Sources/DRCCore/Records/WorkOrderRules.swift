/// The rules between a work order's year and its timestamps, shared by `order add` and the
/// import's fast path so both say the same thing in the same words.
enum WorkOrderRules {
    /// Solved more than a year after opened: the same day and time a year on is still in time.
    static func longSolve(id: Int64, opened: String?, solved: String?) -> DRCWarning? {
        guard let opened, let solved, opened.count >= 4, let year = Int(opened.prefix(4)) else { return nil }
        let anniversary = String(year + 1) + opened.dropFirst(4)
        return anniversary.precedes(solved) ? .longSolveTime(id: id, opened: opened, solved: solved) : nil
    }

    struct Violation: Error {
        let field: String
        let value: String
        let reason: Reason
    }

    /// The order's year: the one given, which must be the opened date's, else the opened date's.
    static func year<T: OrderTimestamp>(given: Int64?, opened: T?) throws -> Int64 {
        switch (given, opened) {
        case (nil, nil):
            throw Violation(field: "year", value: "", reason: .yearNeeded)
        case (let year?, let opened?) where year != opened.year:
            throw Violation(field: "opened", value: opened.text, reason: .outsideOrderYear(year))
        case (let year?, _):
            return year
        case (nil, let opened?):
            return opened.year
        }
    }

    /// Solved and closed cannot come before opened, nor closed before solved.
    static func inOrder<T: OrderTimestamp>(opened: T?, solved: T?, closed: T?) throws {
        func check(_ later: T?, _ earlier: T?, _ field: String, _ what: String) throws {
            guard let later, let earlier, later.precedes(earlier) else { return }
            throw Violation(field: field, value: later.text, reason: .beforeOrderEvent(field: what, at: earlier.text))
        }
        try check(solved, opened, "solved", "opened")
        try check(closed, opened, "closed", "opened")
        try check(closed, solved, "closed", "solved")
    }

    /// A remote fix (远程处理) has no arrival on site.
    static func remoteHasNoArrival<T: OrderTimestamp>(remote: Bool, arrived: T?) throws {
        guard remote, let arrived else { return }
        throw Violation(field: "arrived", value: arrived.text, reason: .remoteFixArrived)
    }

    /// Responded, arrived and restored cannot come before opened.
    static func serviceTimesInOrder<T: OrderTimestamp>(opened: T?, responded: T?, arrived: T?, restored: T?) throws {
        for (time, field) in [(responded, "responded"), (arrived, "arrived"), (restored, "restored")] {
            guard let time, let opened, time.precedes(opened) else { continue }
            throw Violation(field: field, value: time.text, reason: .beforeOrderEvent(field: "opened", at: opened.text))
        }
    }
}

/// A stored timestamp (`2020-03-02` or `2020-03-02 14:05`) as the rules compare it: to the
/// coarser of the two, so a date-only close on the opening day is in order.
protocol OrderTimestamp {
    var year: Int64 { get }
    var text: String { get }
    func precedes(_ other: Self) -> Bool
}

extension String: OrderTimestamp {
    var year: Int64 { Int64(prefix(4)) ?? 0 }
    var text: String { self }
    func precedes(_ other: String) -> Bool {
        let length = Swift.min(count, other.count)
        return prefix(length) < other.prefix(length)
    }
}

extension Stamp: OrderTimestamp {
    func precedes(_ other: Stamp) -> Bool { self < other }

}
