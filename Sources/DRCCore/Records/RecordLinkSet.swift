import SQLiteDB

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
        /// A target belongs to one owner at most (a payment is booked once).
        public let exclusive: Bool
        public init(key: String, field: String, table: String, ownerColumn: String, targetColumn: String,
                    targetKind: RecordKind.ID, noun: Term, exclusive: Bool = false) {
            self.exclusive = exclusive
            self.key = key
            self.field = field
            self.table = table
            self.ownerColumn = ownerColumn
            self.targetColumn = targetColumn
            self.targetKind = targetKind
            self.noun = noun
        }
    
        /// The records a text names, separated by commas (, ， 、) or semicolons, each by id,
        /// name or code; named twice is once.
        func parse(_ text: String, using resolver: ReferenceResolver) throws -> [Int64] {
            let target = RecordKinds.kind(targetKind)
            let names = text.split { $0 == "," || $0 == "，" || $0 == "、" || $0 == ";" || $0 == "；" }
                .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            var ids: [Int64] = []
            for name in names {
                let id: Int64
                do {
                    id = try resolver.resolve(name, kind: target)
                } catch let error as DRCError {
                    throw DRCError.within(field: field, error: error)
                }
                if !ids.contains(id) { ids.append(id) }
            }
            return ids
        }

        /// Makes the owner's links exactly `ids`; an exclusive target linked to another owner
        /// is refused, naming both.
        func replace(owner id: Int64, of kind: RecordKind, with ids: [Int64], db: Connection) throws {
            try db.run("DELETE FROM \(table) WHERE \(ownerColumn) = ?", id)
            for target in ids {
                if exclusive, let other = try db.scalar(
                    "SELECT \(ownerColumn) FROM \(table) WHERE \(targetColumn) = ? AND \(ownerColumn) <> ?", target, id)?.int64 {
                    throw DRCError.linkTaken(kind: kind.id, field: field, target: targetKind, targetID: target, owner: other)
                }
                try db.run("INSERT INTO \(table) (\(ownerColumn), \(targetColumn)) VALUES (?, ?)", id, target)
            }
        }
    }
}
