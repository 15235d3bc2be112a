/// What each column of a file's header is, before any row is read: the field it fills (by its
/// own name, its Chinese label, or the vendor's map), or a column set aside (the vendor's
/// `ignored` ones, and empty columns after the last named one, which spreadsheets leave).
/// Columns that name nothing are refused together, so the clerk sees all of them at once.
struct ColumnPlan {
    /// The header as the writers read it: a mapped column by its field's name, a column set
    /// aside as the empty name (which `HeaderMap` skips).
    let header: [String]
    /// Columns up to the last named one; cells after it must be empty (see `ReadingThread`).
    let namedCount: Int

    init(_ raw: [String], kind: RecordKind, format: VendorFormat) throws {
        var namedCount = raw.count
        while namedCount > 0 && raw[namedCount - 1].isEmpty { namedCount -= 1 }
        self.namedCount = namedCount
        for (target, _) in format.columnMap.map({ ($0.value, $0.key) }).sorted(by: { $0.0 < $1.0 })
        where kind.field(named: HeaderMap.normalise(target)) == nil {
            throw DRCError.invalid(field: "map", value: target, reason: .notAField(kind: kind.id, fields: kind.fields.map(\.name)))
        }
        var header: [String] = []
        var unknown: [String] = []
        for (index, name) in raw.enumerated() {
            if index >= namedCount || format.ignores(name) {
                header.append("")
            } else if name.isEmpty {
                throw DRCError.invalid(field: "header", value: "", reason: .unnamedColumn(index: index))
            } else if let target = format.mapped(name) {
                header.append(HeaderMap.normalise(target))
            } else {
                if HeaderMap.field(for: name, kind: kind) == nil && !HeaderMap.isSetAside(name, kind: kind) { unknown.append(name) }
                header.append(name)
            }
        }
        if unknown.count == 1, let index = raw.firstIndex(of: unknown[0]) {
            throw DRCError.invalid(field: "header", value: unknown[0],
                                   reason: .unknownColumn(index: index, kind: kind.id, columns: kind.fields.map(\.name)))
        }
        if !unknown.isEmpty {
            throw DRCError.invalid(field: "header", value: unknown.joined(separator: ", "),
                                   reason: .unknownColumns(unknown, kind: kind.id, columns: kind.fields.map(\.name)))
        }
        self.header = header
    }
}
