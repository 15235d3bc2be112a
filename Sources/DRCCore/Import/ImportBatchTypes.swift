/// One field on which a file's row and the stored record with the same ticket disagree: the
/// values as a clerk reads them (names for references), nil when empty.
public struct FieldDifference: Equatable, Sendable {
    public let field: String
    public let stored: String?
    public let incoming: String?

    public init(field: String, stored: String?, incoming: String?) {
        self.field = field
        self.stored = stored
        self.incoming = incoming
    }
}

/// Why an import batch cannot be undone.
public enum UndoRefusal: Equatable, Sendable {
    /// It was undone already (at that time).
    case alreadyUndone(at: String)
    /// A record it added or updated was changed afterwards (edited, moved on, deleted): undoing
    /// would throw that change away.
    case changedLater(kind: RecordKind.ID, id: Int64, at: String, actor: String)
    /// A record it added is referred to by other records now.
    case referenced(kind: RecordKind.ID, id: Int64, by: [Referrers])
}
