import SQLiteDB

extension RecordKind {
    /// Rows that are part of a record (a contract's payment stages, an acceptance's members):
    /// given with the record, shown with it, exported and imported in one cell of its row, and
    /// kept whole in its history, so a restore brings them back.
    ///
    /// As text (an option, a CSV cell) each child is one line, its values in the order of
    /// `fields`, separated by `|`: `预付款 | 30 | 合同签订后`. Values may not hold `|` or line
    /// breaks; trailing empty values may be left out. Setting the field replaces every child.
    public struct ChildSet: Sendable {
        /// The parent's field that carries them (`stages`): option, CSV column and history key.
        public let field: String
        public let label: Term
        public let help: Wording
        public let table: String
        public let ownerColumn: String
        /// Keeps the children in the order given.
        public let positionColumn: String
        /// The child's values, in the order a line lists them.
        public let fields: [Field]

        public init(field: String, label: Term, help: Wording, table: String, ownerColumn: String,
                    positionColumn: String = "position", fields: [Field]) {
            self.field = field
            self.label = label
            self.help = help
            self.table = table
            self.ownerColumn = ownerColumn
            self.positionColumn = positionColumn
            self.fields = fields
        }

        static let separator: Character = "|"

        /// The children as text, one per line: the SQL for the owner whose id is `owner`.
        func cellSQL(owner: String) -> String {
            let values = fields.map { field in "coalesce(\(FieldSQL.display(field, column: "c.\(field.column)")), '')" }
            let line = "rtrim(" + values.joined(separator: " || ' | ' || ") + ", ' |')"
            return """
                (SELECT group_concat(line, char(10)) FROM (SELECT \(line) AS line FROM \(table) AS c \
                WHERE c.\(ownerColumn) = \(owner) ORDER BY c.\(positionColumn), c.id))
                """
        }

        /// The children a text gives, each checked as its fields require. Blank lines are skipped.
        func parse(_ text: String, using parser: FieldParser) throws -> [[String: SQLiteValue]] {
            var children: [[String: SQLiteValue]] = []
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            for (index, line) in lines.enumerated() where !String(line).trimmingSpaces().isEmpty {
                let parts = line.split(separator: Self.separator, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                let place = "\(field) \(index + 1)"
                guard parts.count <= fields.count else {
                    throw DRCError.invalid(field: place, value: String(line),
                                           reason: .tooManyChildValues(count: parts.count, fields: fields.map(\.name)))
                }
                var child: [String: SQLiteValue] = [:]
                for (position, childField) in fields.enumerated() {
                    let raw = position < parts.count ? parts[position] : ""
                    if raw.isEmpty {
                        if childField.required {
                            throw DRCError.invalid(field: "\(place) \(childField.name)", value: "", reason: .required)
                        }
                        child[childField.column] = childField.defaultValue ?? .null
                    } else {
                        do {
                            child[childField.column] = try parser.parse(raw, for: childField)
                        } catch DRCError.invalid(_, let value, let reason) {
                            throw DRCError.invalid(field: "\(place) \(childField.name)", value: value, reason: reason)
                        } catch let error as DRCError {
                            throw DRCError.within(field: "\(place) \(childField.name)", error: error)
                        }
                    }
                }
                children.append(child)
            }
            return children
        }

        /// Replaces the owner's children with `children`, in their order.
        func replace(owner id: Int64, with children: [[String: SQLiteValue]], db: Connection) throws {
            try db.run("DELETE FROM \(table) WHERE \(ownerColumn) = ?", id)
            let columns = [ownerColumn, positionColumn] + fields.map(\.column)
            let statement = try db.prepare(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
            for (position, child) in children.enumerated() {
                statement.reset()
                try statement.bind([.integer(id), .integer(Int64(position + 1))] + fields.map { child[$0.column] ?? .null })
                _ = try statement.step()
            }
        }

        /// The owner's children as history keeps them: a JSON array of objects, column → value.
        func snapshot(owner id: Int64, db: Connection) throws -> String {
            let columns = fields.map(\.column)
            let rows = try db.rows(
                "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(ownerColumn) = ? ORDER BY \(positionColumn), id", id)
            return "[" + rows.map { row in
                JSONText.object(columns.map { ($0, HistoryLog.json(row[$0])) })
            }.joined(separator: ",") + "]"
        }

        /// The children a snapshot holds, for a restore; columns dropped since are left out.
        func children(fromSnapshot json: String, db: Connection) throws -> [[String: SQLiteValue]] {
            let members = try db.rows("SELECT j.key AS item, m.key AS key, m.value AS value FROM json_each(?) AS j, json_each(j.value) AS m ORDER BY j.key", json)
            var children: [Int64: [String: SQLiteValue]] = [:]
            let known = Set(fields.map(\.column))
            for member in members {
                guard let item = member.int64("item"), let key = member.string("key"), known.contains(key) else { continue }
                children[item, default: [:]][key] = member["value"]
            }
            return children.sorted { $0.key < $1.key }.map(\.value)
        }
    }
}
