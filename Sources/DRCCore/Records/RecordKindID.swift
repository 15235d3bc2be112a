extension RecordKind {
    /// A kind's identity: what history and the event log store in their `kind` column, and what
    /// code names when it means a kind. Typed, so a kind is never confused with a field's or a
    /// table's name; a string from a user becomes one only through `RecordKinds.named`.
    public struct ID: RawRepresentable, Hashable, Sendable, CustomStringConvertible, Codable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unit = ID(rawValue: "unit")
        public static let vendor = ID(rawValue: "vendor")
        public static let project = ID(rawValue: "project")
        public static let category = ID(rawValue: "category")
        public static let budget = ID(rawValue: "budget")
        public static let order = ID(rawValue: "order")
        public static let indicator = ID(rawValue: "indicator")
        public static let finding = ID(rawValue: "finding")
        public static let procurement = ID(rawValue: "procurement")
        public static let contract = ID(rawValue: "contract")
        public static let acceptance = ID(rawValue: "acceptance")
        public static let invoice = ID(rawValue: "invoice")
        public static let payment = ID(rawValue: "payment")
        public static let booking = ID(rawValue: "booking")
        public static let asset = ID(rawValue: "asset")
        public static let inventory = ID(rawValue: "inventory")
        public static let staff = ID(rawValue: "staff")
        public static let ruleSetting = ID(rawValue: "rule")
        public static let calendarDay = ID(rawValue: "calendar")
        public static let servicePolicy = ID(rawValue: "sla-policy")
        public static let importProfile = ID(rawValue: "profile")
    }
}
