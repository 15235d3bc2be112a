import SQLiteDB

/// A work order typed in twice: the same vendor and unit, opened within an hour of another,
/// with a summary that shares most of its characters, and no ticket of its own (an order with
/// its vendor's ticket cannot be entered twice: the ticket is unique). It is added, and the
/// clerk is told which order it may repeat, by its number and ticket, to look at both.
public enum LikelyDuplicates {
    /// How far apart two openings may be to be the same call.
    static let minutesApart = 60
    /// How many of their characters two summaries share (Dice's coefficient, `NearestNames`).
    static let similarSummary = 0.6

    /// The warnings about record `id` of `kind` just added: for a work order without a ticket,
    /// each earlier order it may repeat (three at most, nearest in time first).
    public static func warnings(db: Connection, kind: RecordKind, id: Int64) throws -> [DRCWarning] {
        guard kind.id == .order,
              let order = try db.rows("SELECT vendor_id, unit_id, opened_at, summary, ticket FROM work_order WHERE id = ?", id).first,
              order.string("ticket")?.isEmpty ?? true,
              let vendor = order.int64("vendor_id"), let unit = order.int64("unit_id"),
              let opened = order.string("opened_at"), opened.count == 16,
              let summary = order.string("summary"), !summary.isEmpty else { return [] }
        let candidates = try db.rows("""
            SELECT w.id, w.ticket, w.opened_at, w.summary,
                   CAST(round(abs(julianday(w.opened_at) - julianday(?)) * 1440) AS INTEGER) AS minutes
            FROM work_order AS w
            WHERE w.vendor_id = ? AND w.unit_id = ? AND w.id <> ? AND length(w.opened_at) = 16
              AND w.opened_at BETWEEN strftime('%Y-%m-%d %H:%M', ?, '-\(minutesApart) minutes')
                                  AND strftime('%Y-%m-%d %H:%M', ?, '+\(minutesApart) minutes')
            ORDER BY minutes, w.id
            """, opened, vendor, unit, id, opened, opened)
        var warnings: [DRCWarning] = []
        for row in candidates {
            guard let other = row.int64("id"), let minutes = row.int64("minutes"), minutes <= Int64(minutesApart),
                  let text = row.string("summary"), NearestNames.similarity(summary, text) >= similarSummary else { continue }
            warnings.append(.likelyDuplicate(id: id, of: other, ticket: row.string("ticket").flatMap { $0.isEmpty ? nil : $0 },
                                             opened: row.string("opened_at") ?? "", minutesApart: Int(minutes)))
            if warnings.count == 3 { break }
        }
        return warnings
    }
}
