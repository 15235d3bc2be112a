/// One result row, copied out of a statement: column names and values in select order.
public struct Row: Sendable, Equatable {
    public let columns: [String]
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> SQLiteValue {
        index >= 0 && index < values.count ? values[index] : .null
    }

    /// The value of the first column with this name, or NULL when there is none.
    public subscript(name: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    public func int64(_ name: String) -> Int64? { self[name].int64 }
    public func int(_ name: String) -> Int? { self[name].int64.map { Int($0) } }
    public func string(_ name: String) -> String? { self[name].string }

    /// The row with the value of column `name` replaced (the row as it will stand after a write).
    public func replacing(_ name: String, with value: SQLiteValue) -> Row {
        guard let index = columns.firstIndex(of: name) else { return self }
        var values = values
        values[index] = value
        return Row(columns: columns, values: values)
    }
}
