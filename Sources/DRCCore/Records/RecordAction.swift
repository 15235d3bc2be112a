/// What can be done to records, for messages about what a kind allows.
public enum RecordAction: Sendable, Equatable {
    case edit
    case delete
    case importRecords
    case reverse
}

/// Records of one kind that refer to a record: how many, and what they are called.
public struct Referrers: Sendable, Equatable {
    public let noun: Term
    public let count: Int64
    public init(noun: Term, count: Int64) {
        self.noun = noun
        self.count = count
    }
}
