import SQLiteDB

/// Import profiles: a vendor's file format (`VendorFormat`) kept as a record, so that
/// `import … --profile 美音` reads that vendor's files as saved; options given with the import
/// win over the profile's. Saving a name again replaces its values, with history.
public enum ImportProfiles {
    /// The format saved under `reference` (the profile's name or id).
    public static func format(named reference: String, db: Connection) throws -> VendorFormat {
        let id = try ReferenceResolver(db: db).resolve(reference, kind: .importProfile)
        guard let row = try db.rows("SELECT * FROM import_profile WHERE id = ?", id).first else {
            throw DRCError.notFound(kind: .importProfile, reference: reference)
        }
        var format = VendorFormat()
        if let map = row.string("column_map") {
            for (column, field) in try VendorFormat.pairs(map, field: "map") { format.columnMap[column] = field }
        }
        format.ignored = columns(row.string("ignored"))
        for field in ["vendor", "project"] { if let value = row.string(field) { format.defaults[field] = value } }
        if let year = row.int64("year") { format.defaults["year"] = String(year) }
        if let words = row.string("status_map") {
            for (word, status) in try VendorFormat.pairs(words, field: "status-map") { format.statusWords[word] = status }
        }
        format.encoding = row.string("encoding").flatMap(TextEncoding.init(name:))
        format.sheet = row.string("sheet")
        format.headerRow = row.int64("header_row").map { Int($0) }
        if let defaults = row.string("defaults") {
            for (field, value) in try VendorFormat.pairs(defaults, field: "set") { format.defaults[field] = value }
        }
        return format
    }

    /// A format's values as the profile's fields take them (field name → text), each given one.
    public static func values(of format: VendorFormat) -> [String: String] {
        var values: [String: String] = [:]
        if !format.columnMap.isEmpty { values["map"] = pairs(format.columnMap) }
        if !format.ignored.isEmpty { values["ignore"] = format.ignored.joined(separator: ",") }
        for field in ["vendor", "project", "year"] { if let value = format.defaultValue(field) { values[field] = value } }
        if !format.statusWords.isEmpty { values["status-map"] = pairs(format.statusWords) }
        if let encoding = format.encoding { values["encoding"] = encoding.rawValue }
        if let sheet = format.sheet, !sheet.isEmpty { values["sheet"] = sheet }
        if let headerRow = format.headerRow { values["header-row"] = String(headerRow) }
        let set = format.setDefaults(kind: .order)
        if !set.isEmpty { values["set"] = set.map { "\($0.field)=\($0.value)" }.joined(separator: ",") }
        return values
    }

    /// What saving did.
    public enum Saved: Equatable, Sendable {
        case added(Int64)
        case replaced(Int64)
        case unchanged(Int64)
    }

    /// Saves `format` under `name`: a new profile, or the one of that name with all its values
    /// replaced by these (its note kept unless one is given), each change with its history.
    public static func save(name: String, format: VendorFormat, note: String?, store: Store, actor: String) throws -> Saved {
        let repository = RecordRepository(store: store, kind: .importProfile, actor: actor)
        var values = values(of: format)
        values["name"] = name
        if let note { values["note"] = note }
        let trimmed = name.trimmingSpaces()
        guard let id = try store.db.scalar("SELECT id FROM import_profile WHERE name = ?", trimmed)?.int64 else {
            return .added(try repository.add(values))
        }
        let clearing = RecordKind.importProfile.fields.map(\.name).filter { values[$0] == nil && $0 != "note" }
        return try repository.edit(id, set: values, clearing: clearing) ? .replaced(id) : .unchanged(id)
    }

    /// The profile rule: every value read as the import will read it, so a profile that saves
    /// is one that applies. The map and status words are kept as `a=b,c=d`, the ignored columns
    /// comma-separated; the map's fields are a work order's, its vendor and project exist.
    static func check(_ values: inout [String: SQLiteValue], db: Connection) throws {
        var format = VendorFormat()
        if let map = values["column_map"]?.string {
            for (column, field) in try VendorFormat.pairs(map, field: "map") {
                guard RecordKind.order.field(named: HeaderMap.normalise(field)) != nil else {
                    throw DRCError.invalid(field: "map", value: "\(column)=\(field)",
                                           reason: .notAField(kind: .order, fields: RecordKind.order.fields.map(\.name)))
                }
                format.columnMap[column] = field
            }
            values["column_map"] = format.columnMap.isEmpty ? .null : .text(pairs(format.columnMap))
        }
        if let words = values["status_map"]?.string {
            for (word, status) in try VendorFormat.pairs(words, field: "status-map") { format.statusWords[word] = status }
            try format.validate()
            values["status_map"] = format.statusWords.isEmpty ? .null : .text(pairs(format.statusWords))
        }
        if let ignored = values["ignored"]?.string {
            let names = columns(ignored)
            values["ignored"] = names.isEmpty ? .null : .text(names.joined(separator: ","))
        }
        if let header = values["header_row"]?.int64, !(1...1_048_576).contains(header) {
            throw DRCError.invalid(field: "header-row", value: String(header), reason: .outOfRange(lowest: 1, highest: 1_048_576))
        }
        if let text = values["defaults"]?.string {
            // Each default as `--set` takes it: a work order's field (by name or label), its
            // value as that field reads one; kept by the fields' names, in their order.
            var set = VendorFormat()
            for (field, value) in try VendorFormat.pairs(text, field: "set") {
                try set.set("\(field)=\(value)", kind: .order)
            }
            for (name, value) in set.defaults {
                if let field = RecordKind.order.field(named: name) { _ = try FieldParser(db: db).parse(value, for: field) }
            }
            let pairs = RecordKind.order.fields.compactMap { field in set.defaults[field.name].map { "\(field.name)=\($0)" } }
            values["defaults"] = pairs.isEmpty ? .null : .text(pairs.joined(separator: ","))
        }
        let resolver = ReferenceResolver(db: db)
        if let vendor = values["vendor"]?.string { _ = try resolver.resolve(vendor, kind: .vendor) }
        if let project = values["project"]?.string { _ = try resolver.resolve(project, kind: .project) }
    }

    /// `a=b,c=d`, in the keys' order.
    private static func pairs(_ map: [String: String]) -> String {
        map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Column names separated by commas (also ，).
    private static func columns(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
