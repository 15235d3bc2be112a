/// The name a person tells a unit by: its own name when no other unit has it, else its
/// parent's name and its own (`财政局/办公室`), or `/办公室` for a top-level unit whose name
/// recurs below another. `ReferenceResolver` reads every one of these forms back, so what a
/// list shows can be typed again. One definition for lists, show, totals, history, exports
/// and the ambiguity message, so they always agree.
public enum UnitName {
    /// The SQL expression for the display name of the unit row aliased `alias` (NULL when
    /// the row is NULL, as after a LEFT JOIN that found no unit).
    public static func sql(_ alias: String) -> String {
        """
        CASE WHEN (SELECT count(*) FROM unit AS unit_same WHERE unit_same.name = \(alias).name) > 1 \
        THEN coalesce((SELECT unit_up.name FROM unit AS unit_up WHERE unit_up.id = \(alias).parent_id), '') || '/' || \(alias).name \
        ELSE \(alias).name END
        """
    }

    /// The SQL for the display name of the unit whose id is the expression `id`.
    public static func sql(ofID id: String) -> String {
        "(SELECT \(sql("unit_named")) FROM unit AS unit_named WHERE unit_named.id = \(id))"
    }
}
