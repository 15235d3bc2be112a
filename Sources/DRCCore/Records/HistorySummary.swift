/// What one history entry changed, as facts: the edges say it in the run's language (field
/// labels and choice words in Chinese, the stored keys in English).
public enum HistorySummary: Sendable, Equatable {
    /// An update: each value that changed, before and after.
    case changes([HistoryChange])
    /// An insert or a delete: the record's values.
    case values([HistoryChange])
    /// A batch (an import, the seed): why, and the ids of the records it created.
    case batch(HistoryNote?, ids: ClosedRange<Int64>?)
}

/// One value of a history entry: the key history's JSON keeps it under (`unit_id`), the field's
/// label when the key is a field's, and the value before (updates only) and after.
public struct HistoryChange: Sendable, Equatable {
    public let key: String
    public let label: Term?
    public let old: HistoryValue?
    public let new: HistoryValue

    public init(key: String, label: Term?, old: HistoryValue?, new: HistoryValue) {
        self.key = key
        self.label = label
        self.old = old
        self.new = new
    }
}

/// A value as history shows it.
public enum HistoryValue: Sendable, Equatable {
    /// NULL: ∅.
    case unknown
    case text(String)
    /// One of a field's choices (a status, a budget kind): the stored key and its word.
    case word(key: String, Term)
    /// A reference, with the name of what it refers to while that record exists.
    case reference(id: Int64, name: String)
}
