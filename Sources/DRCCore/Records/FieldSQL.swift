/// SQL that shows a stored value as a person (and `import`) reads it: references by the name
/// `import` resolves, money in yuan, flags as yes/no. Shared by export and child-row cells, so
/// what is written out always reads back in.
enum FieldSQL {
    static func display(_ field: Field, column: String) -> String {
        switch field.type {
        case .reference(let id):
            let target = RecordKinds.kind(id)
            return "(SELECT \(referenceLabel(field, target: target)) FROM \(target.table) AS x WHERE x.id = \(column))"
        case .money:
            return """
                CASE WHEN \(column) IS NULL THEN NULL ELSE (CASE WHEN \(column) < 0 THEN '-' ELSE '' END) \
                || (abs(\(column)) / 100) || '.' || substr('0' || (abs(\(column)) % 100), -2) END
                """
        case .flag:
            return "CASE \(column) WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END"
        case .text, .choice, .timestamp, .creditCode, .decimal, .count, .year, .children:
            return column
        }
    }

    /// How a reference is written for `target`'s row aliased `x`: its title where `import` can
    /// resolve it (kinds looked up by name, or a scoped reference such as a budget line's
    /// parent), `#id` otherwise.
    static func referenceLabel(_ field: Field, target: RecordKind) -> String {
        let byName = target.titleColumn != nil && (!target.lookupColumns.isEmpty || !field.scope.isEmpty)
        return byName ? target.titleSQL("x") ?? "'#' || x.id" : "'#' || x.id"
    }
}
