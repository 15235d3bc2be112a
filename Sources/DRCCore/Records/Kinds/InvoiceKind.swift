extension RecordKind {
    /// Invoices (发票) vendors send; a number is unique per vendor.
    public static let invoice = RecordKind(
        id: .invoice, noun: Term(zh: "发票", en: "invoice", measure: "张"), table: "invoice",
        fields: [
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), required: true, zh: "开票供应商", help: Wording(zh: "开票的供应商。", en: "The vendor who issued it.")),
            Field("number", .text, required: true, zh: "发票号码", help: Wording(zh: "发票号码（同一供应商内唯一）。", en: "Its number (unique per vendor).")),
            Field("issued-on", column: "issued_on", .timestamp, zh: "开票日期", help: Wording(zh: "开票日期。", en: "When it was issued.")),
            Field("amount", column: "amount_fen", .money, required: true, zh: "发票金额", help: Wording(zh: "发票金额（价税合计）。", en: "Its amount (tax included).")),
            Field("contract", column: "contract_id", .reference(kind: .contract), zh: "合同", help: Wording(zh: "所属合同。", en: "The contract it bills.")),
        ],
        lookupColumns: ["number"],
        titleColumn: "number",
        from: "invoice AS r JOIN vendor AS v ON v.id = r.vendor_id LEFT JOIN contract AS c ON c.id = r.contract_id",
        columns: [
            Column("id", "r.id", .number),
            Column("vendor", "v.name"),
            Column("number", "r.number"),
            Column("issued_on", "r.issued_on"),
            Column("amount", "r.amount_fen", .money),
            Column("contract", "c.number"),
        ],
        filters: [
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商的发票。", en: "Only this vendor's invoices.")),
            Filter("contract", .reference(kind: .contract), "r.contract_id = ?", help: Wording(zh: "只看该合同的发票。", en: "Only this contract's invoices.")),
        ],
        rules: [ownVendorsContract]
    )

    /// Three-way match, first leg: an invoice bills a contract of the vendor who issued it.
    private static let ownVendorsContract: Rule = { values, _, db in
        guard let contract = values["contract_id"]?.int64, let vendor = values["vendor_id"]?.int64,
              let row = try db.rows("""
                SELECT c.number, c.vendor_id, v.name AS contract_vendor, (SELECT name FROM vendor WHERE id = ?2) AS invoice_vendor
                FROM contract AS c JOIN vendor AS v ON v.id = c.vendor_id WHERE c.id = ?1
                """, contract, vendor).first,
              row.int64("vendor_id") != vendor else { return }
        throw DRCError.invalid(field: "contract", value: row.string("number") ?? "#\(contract)",
                               reason: .vendorDiffers(invoiceVendor: row.string("invoice_vendor") ?? "", contractVendor: row.string("contract_vendor") ?? ""))
    }
}
