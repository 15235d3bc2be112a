/// The end of a batch of records written in the caller's transaction (an import, the seed):
/// one history entry for the whole batch, with the range of ids it created; the arrival events
/// of those records; then what the kind does after a batch (`RecordKind.afterBatch`). Every
/// batch ends here, so no batch forgets a step and no generic code asks which kind it has.
extension RecordRepository {
    /// Returns the id of the batch's history entry.
    @discardableResult
    public func recordBatch(created ids: ClosedRange<Int64>?, note: HistoryNote, arrival: Arrival, at now: Moment) throws -> Int64 {
        try HistoryLog(db: db, actor: actor, at: now).recordBatch(kind: kind.id, created: ids, note: note.stored)
        let historyID = db.lastInsertRowID
        if let ids {
            try StatusEvents(db: db, actor: actor).recordArrivals(kind: kind, ids: ids, how: arrival, recordedAt: now)
            try kind.afterBatch?(db, ids)
        }
        return historyID
    }
}
