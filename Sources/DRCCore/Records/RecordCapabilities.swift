extension RecordKind {
    /// What may be done to a kind's records once they exist. Money that has moved is never
    /// edited or deleted: an append-only kind is corrected by a reversing entry (see
    /// `RecordKind.Reversal`), so the books show both the mistake and its correction.
    public struct Capabilities: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let editable = Capabilities(rawValue: 1 << 0)
        public static let deletable = Capabilities(rawValue: 1 << 1)
        /// Read from and written to CSV by `import` and `export`.
        public static let importable = Capabilities(rawValue: 1 << 2)

        /// An ordinary record: edited, deleted and imported.
        public static let standard: Capabilities = [.editable, .deletable, .importable]
        /// Entries that stand once written: imported, never edited or deleted.
        public static let appendOnly: Capabilities = [.importable]
    }

    /// How an append-only kind is corrected: a new entry that names the one it reverses (in
    /// `column`) and carries its money fields negated, so every sum nets the two to zero.
    public struct Reversal: Sendable {
        /// The column of the reversing entry that holds the reversed entry's id (unique).
        public let column: String
        public init(column: String) { self.column = column }
    }
}
