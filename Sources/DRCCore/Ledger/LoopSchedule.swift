import SQLiteDB

/// When each part of a contract's money is due to have closed the loop (R20): a payment stage
/// on its scheduled day (应付日期), whatever the stages leave over on the contract's end day,
/// and, for a contract with neither, all of it on the day it was signed. A multi-year service
/// contract paid by the quarter is open only for the quarters whose day has passed.
public enum LoopSchedule {
    public struct Stage: Sendable, Equatable {
        public let name: String
        public let amount: Int64?
        public let share: String?
        public let dueOn: String?
    }

    /// The money due and not booked: the day the first unbooked part fell due, its age in days
    /// on the as-of day, and how much had fallen due by the limit's day.
    public struct Overdue: Sendable, Equatable {
        public let dueOn: String
        public let days: Int64
        public let due: Int64
    }

    /// Every contract's stages, in their order.
    static func stages(_ db: Connection) throws -> [Int64: [Stage]] {
        var stages: [Int64: [Stage]] = [:]
        for row in try db.rows("""
            SELECT contract_id, stage, amount_fen, share, substr(due_on, 1, 10) AS due_on FROM contract_stage ORDER BY contract_id, position
            """) {
            stages[row.int64("contract_id") ?? 0, default: []].append(
                Stage(name: row.string("stage") ?? "", amount: row.int64("amount_fen"), share: row.string("share"), dueOn: row.string("due_on")))
        }
        return stages
    }

    /// The parts of `position` by the day each falls due, in day order.
    static func parts(_ position: ContractPosition, stages: [Stage]) throws -> [(day: Int64, on: String, amount: Int64)] {
        let fallback = position.endsOn ?? position.signedOn
        var parts: [(day: Int64, on: String, amount: Int64)] = []
        var covered: Int64 = 0
        for stage in stages {
            // A stage whose amount is unknown is left to the remainder, due at the end.
            guard let amount = try stage.amount ?? stage.share.flatMap({ try ContractPosition.share($0, of: position.amount, year: position.year) }),
                  let on = stage.dueOn ?? fallback, let day = DayNumber.of(on) else { continue }
            let part = min(amount, position.amount - covered)
            guard part > 0 else { continue }
            covered = try MoneySum.add(covered, part, year: position.year)
            parts.append((day, on, part))
        }
        if covered < position.amount, let on = fallback, let day = DayNumber.of(on) {
            parts.append((day, on, position.amount - covered))
        }
        return parts.sorted { $0.day < $1.day }
    }

    /// What of a signed contract fell due more than `limit` days before `asOf` and is not
    /// booked; nil when everything due by then is booked.
    static func overdue(_ position: ContractPosition, stages: [Stage], asOf: Int64, limit: Int64) throws -> Overdue? {
        guard position.signedOn != nil else { return nil }
        let cutoff = asOf - limit
        var due: Int64 = 0
        var firstShort: (day: Int64, on: String)?
        for part in try parts(position, stages: stages) where part.day < cutoff {
            due = try MoneySum.add(due, part.amount, year: position.year)
            if firstShort == nil && position.booked < due { firstShort = (part.day, part.on) }
        }
        guard let firstShort else { return nil }
        return Overdue(dueOn: firstShort.on, days: asOf - firstShort.day, due: due)
    }
}
