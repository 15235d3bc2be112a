import SQLiteDB

/// The service-level policies as data (`sla_policy`), and which one holds for an order.
public struct ServicePolicyBook: Sendable {
    public struct Policy: Sendable {
        public let id: Int64
        public let name: String
        public let priority: ServicePriority
        public let contractID: Int64?
        public let vendorID: Int64?
        public let categoryID: Int64?
        public let limits: [ServiceMeasure: Int64]
        public let hours: ServiceHours?
        /// 考核 points per breach, exactly (`1`, `0.5`).
        public let deductions: [ServiceMeasure: ExactDecimal]

        /// How specific the policy is: a contract's outranks a vendor's, which outranks one for
        /// every vendor; naming the category outranks not naming it.
        var specificity: Int { (contractID != nil ? 4 : 0) + (vendorID != nil ? 2 : 0) + (categoryID != nil ? 1 : 0) }

        func matches(contract: Int64?, vendor: Int64?, category: Int64?) -> Bool {
            (contractID == nil || contractID == contract) && (vendorID == nil || vendorID == vendor)
                && (categoryID == nil || categoryID == category)
        }
    }

    public let policies: [Policy]

    public init(policies: [Policy]) { self.policies = policies }

    public static func load(_ db: Connection) throws -> ServicePolicyBook {
        let rows = try db.rows("SELECT * FROM sla_policy ORDER BY id")
        return ServicePolicyBook(policies: rows.compactMap { row in
            guard let id = row.int64("id"), let priority = row.string("priority").flatMap(ServicePriority.init(rawValue:)) else { return nil }
            var limits: [ServiceMeasure: Int64] = [:], deductions: [ServiceMeasure: ExactDecimal] = [:]
            for measure in ServiceMeasure.allCases {
                limits[measure] = row.int64(measure.limitColumn)
                deductions[measure] = row.string(measure.deductionColumn).flatMap(ExactDecimal.init) ?? .zero
            }
            return Policy(id: id, name: row.string("name") ?? "", priority: priority, contractID: row.int64("contract_id"),
                          vendorID: row.int64("vendor_id"), categoryID: row.int64("category_id"), limits: limits,
                          hours: row.string("hours").flatMap(ServiceHours.init), deductions: deductions)
        })
    }

    /// The most specific policy for an order of this priority, contract, vendor and category;
    /// nil when the order has no priority or no policy covers it.
    public func policy(priority: ServicePriority?, contract: Int64?, vendor: Int64?, category: Int64?) -> Policy? {
        guard let priority else { return nil }
        return policies.filter { $0.priority == priority && $0.matches(contract: contract, vendor: vendor, category: category) }
            .max { $0.specificity < $1.specificity }
    }

    public func policy(id: Int64?) -> Policy? { id.flatMap { id in policies.first { $0.id == id } } }
}
