import SQLiteDB

/// A file row whose vendor already has its ticket: the same order sent again. Compared field
/// by field with the stored order (only the fields the file has a column for): the same values
/// are unchanged; other values are a conflict, listed with both values, or, with `update`,
/// the stored order is edited to the row's values through `edit`'s rules, with its history.
struct TicketMatcher {
    typealias Column = OrderParser.Column

    /// The unique index on vendor and ticket (migration 9).
    static let index = "work_order_ticket"

    let db: Connection
    let indexOf: [Int]
    let update: Bool
    let actor: String
    let clock: Clock
    let note: String

    /// The order's fields in the order they are compared and listed: the field, its column,
    /// and the kind a reference names.
    private static let compared: [(column: Column, stored: String, kind: RecordKind.ID?)] = [
        (.year, "year", nil), (.project, "project_id", .project), (.category, "category_id", .category),
        (.unit, "unit_id", .unit), (.status, "status", nil), (.opened, "opened_at", nil), (.solved, "solved_at", nil),
        (.closed, "closed_at", nil), (.summary, "summary", nil), (.solution, "solution", nil),
        (.requester, "requester", nil), (.phone, "phone", nil), (.contract, "contract_id", .contract),
        (.priority, "priority", nil), (.responded, "responded_at", nil), (.arrived, "arrived_at", nil), (.restored, "restored_at", nil),
        (.remote, "remote", nil),
    ]

    mutating func match(_ order: ParsedOrder, _ fields: FieldBytes, _ row: Int) throws -> RowOutcome {
        let ticket = text(.ticket, fields, row) ?? ""
        guard let stored = try db.rows(
            "SELECT * FROM work_order WHERE vendor_id = ? AND ticket = ?", [.integer(order.vendor), .text(ticket)]).first,
              let id = stored.int64("id")
        else {
            // Not a ticket conflict after all (the insert wrote nothing for another reason).
            throw RowError(column: "ticket", value: ticket, reason: .breaksRule("ticket"))
        }
        return try compare(order, fields, row, with: stored, id: id, byID: false)
    }

    /// A row with an id (an export, corrected) is that record when it exists: compared as a
    /// ticket's row is, its vendor and ticket too. Nil when the id is empty or names no order:
    /// the row is then a new order.
    mutating func matchID(_ idIndex: Int, _ order: ParsedOrder, _ fields: FieldBytes, _ row: Int) throws -> RowOutcome? {
        let cell = fields.withField(row, idIndex) { String(decoding: UnsafeBufferPointer(rebasing: $0[Trimming.range($0)]), as: UTF8.self) }
        guard !cell.isEmpty else { return nil }
        guard let id = Int64(cell) else { throw RowError(column: "id", value: cell, reason: .notAWholeNumber) }
        guard let stored = try db.rows("SELECT * FROM work_order WHERE id = ?", [.integer(id)]).first else { return nil }
        return try compare(order, fields, row, with: stored, id: id, byID: true)
    }

    private mutating func compare(_ order: ParsedOrder, _ fields: FieldBytes, _ row: Int, with stored: Row, id: Int64,
                                  byID: Bool) throws -> RowOutcome {
        let ticket = text(.ticket, fields, row) ?? ""
        var differences: [FieldDifference] = []
        var changes: [String: String] = [:]
        var clearing: [String] = []
        for (column, storedColumn, kind) in (byID ? Self.identity : []) + Self.compared {
            // The year always counts (it follows the opened date when the file has no year).
            guard column == .year || indexOf[column.rawValue] >= 0 else { continue }
            let incoming = incomingValue(column, order, fields, row)
            let current = stored[storedColumn]
            guard incoming != current else { continue }
            differences.append(FieldDifference(field: column.name, stored: try display(current, kind: kind),
                                               incoming: try display(incoming, kind: kind)))
            guard indexOf[column.rawValue] >= 0 else { continue }
            // The change is the value as the import read it (a vendor's status word already a
            // status, its time already a time, a name already a record), not the cell's text:
            // the repository's parser knows neither the vendor's words nor the file's defaults.
            switch incoming {
            case .null: clearing.append(column.name)
            case .integer(let number): changes[column.name] = kind == nil ? String(number) : "#\(number)"
            case .text(let text): changes[column.name] = text
            case .real, .blob: changes[column.name] = self.text(column, fields, row)
            }
        }
        if differences.isEmpty { return .unchanged }
        guard update else {
            let conflict: DRCError = byID ? .recordConflict(kind: .order, id: id, differences: differences)
                : .ticketConflict(ticket: ticket, id: id, differences: differences)
            throw RowError(column: nil, value: nil, problem: .failed(conflict))
        }
        let repository = RecordRepository(db: db, kind: .order, actor: actor, clock: clock)
        do {
            _ = try repository.editing(id, set: changes, clearing: clearing, note: note)
        } catch let DRCError.invalid(field, value, reason) {
            throw RowError(column: field, value: value, reason: reason)
        } catch let error as DRCError {
            throw RowError(column: nil, value: nil, problem: .failed(error))
        }
        let history = try db.scalar("SELECT max(id) FROM history WHERE kind = 'order' AND record_id = ? AND action = 'update'", id)?.int64 ?? 0
        return .updated(id: id, history: history)
    }

    /// What a row matched by its id may change besides: the vendor and the ticket.
    private static let identity: [(column: Column, stored: String, kind: RecordKind.ID?)] = [
        (.vendor, "vendor_id", .vendor), (.ticket, "ticket", nil),
    ]

    /// The row's value of a field as the table stores it.
    private func incomingValue(_ column: Column, _ order: ParsedOrder, _ fields: FieldBytes, _ row: Int) -> SQLiteValue {
        func id(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }
        func stamp(_ value: Stamp?) -> SQLiteValue { value.map { .text($0.text) } ?? .null }
        switch column {
        case .year: return .integer(order.year)
        case .vendor: return .integer(order.vendor)
        case .project: return id(order.project)
        case .category: return .integer(order.category)
        case .unit: return id(order.unit)
        case .contract: return id(order.contract)
        case .status: return .text(WorkOrderStatus.allCases[order.status].rawValue)
        case .opened: return stamp(order.opened)
        case .solved: return stamp(order.solved)
        case .closed: return stamp(order.closed)
        case .priority: return order.priority.map { .text($0.rawValue) } ?? .null
        case .responded: return stamp(order.responded)
        case .arrived: return stamp(order.arrived)
        case .restored: return stamp(order.restored)
        case .remote: return .integer(order.remote ? 1 : 0)
        default: return text(column, fields, row).map { .text($0) } ?? .null
        }
    }

    /// A cell's text, trimmed as the import stores it; nil when empty or the file lacks the column.
    private func text(_ column: Column, _ fields: FieldBytes, _ row: Int) -> String? {
        let index = indexOf[column.rawValue]
        guard index >= 0 else { return nil }
        return fields.withField(row, index) { bytes in
            let trimmed = Trimming.range(bytes)
            return trimmed.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmed]), as: UTF8.self)
        }
    }

    /// A value as a clerk reads it: a reference by its name (a contract by its number).
    private func display(_ value: SQLiteValue, kind: RecordKind.ID?) throws -> String? {
        guard value != .null else { return nil }
        guard let kind, let id = value.int64 else { return value.displayText }
        let target = RecordKinds.kind(kind)
        let title = target.titleColumn ?? "id"
        return try db.scalar("SELECT \(title) FROM \(target.table) WHERE id = ?", id)?.displayText ?? "#\(id)"
    }
}
