extension RecordKind {
    /// Rows of another table that link a record to other records (a project's vendors).
    /// History keeps their ids with the record, so an edit shows their change and a restore
    /// brings them back.
    public struct LinkSet: Sendable {
        /// The key in history's JSON: `vendor_ids`.
        public let key: String
        /// The field that sets them: `vendors`.
        public let field: String
        public let table: String
        public let ownerColumn: String
        public let targetColumn: String
        public let targetKind: RecordKind.ID
        /// What one link is called, for messages about what refers to a record.
        public let noun: Term
        public init(key: String, field: String, table: String, ownerColumn: String, targetColumn: String,
                    targetKind: RecordKind.ID, noun: Term) {
            self.key = key
            self.field = field
            self.table = table
            self.ownerColumn = ownerColumn
            self.targetColumn = targetColumn
            self.targetKind = targetKind
            self.noun = noun
        }
    }
}
