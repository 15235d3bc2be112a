import SQLiteDB

extension RecordKind {
    /// Payments (支付) under contracts. Applied and approved, a payment may still change; once
    /// paid it stands, and a mistake is corrected by a reversing entry (`drc payment reverse`).
    public static let payment = RecordKind(
        id: .payment, noun: Term(zh: "支付", en: "payment", measure: "笔"), table: "payment",
        fields: [
            Field("contract", column: "contract_id", .reference(kind: .contract), required: true, zh: "合同", help: Wording(zh: "付款的合同（合同编号）。", en: "The contract paid (its number).")),
            Field("stage", .text, zh: "付款阶段", help: Wording(zh: "合同的付款阶段。", en: "The contract's payment stage.")),
            Field("invoices", .text, stored: false, zh: "发票", help: Wording(zh: "本次支付对应的发票号码，用逗号分隔。", en: "The invoices it pays, by number, separated by commas.")),
            Field("applicant", .text, zh: "申请人", help: Wording(zh: "付款申请人。", en: "Who applied for it.")),
            Field("approver", .text, zh: "审批人", help: Wording(zh: "付款审批人。", en: "Who approved it.")),
            Field("applied-on", column: "applied_on", .timestamp, zh: "申请日期", help: Wording(zh: "申请日期。", en: "When it was applied for.")),
            Field("approved-on", column: "approved_on", .timestamp, zh: "审批日期", help: Wording(zh: "审批日期。", en: "When it was approved.")),
            Field("paid-on", column: "paid_on", .timestamp, zh: "支付日期", help: Wording(zh: "支付日期；填写后不可再修改或删除，只能冲销。", en: "When it was paid; from then on it is not edited or deleted, only reversed.")),
            Field("amount", column: "amount_fen", .money, required: true, zh: "支付金额", help: Wording(zh: "支付金额。", en: "The amount.")),
            Field("budget-line", column: "budget_line_id", .reference(kind: .budget), zh: "预算科目", help: Wording(zh: "支出的预算科目（编号）。", en: "The budget line it is paid from (its id).")),
            Field("voucher", .text, zh: "支付凭证号", help: Wording(zh: "支付凭证号。", en: "The payment voucher's number (支付凭证号).")),
            Field("reverses", column: "reverses_id", .reference(kind: .payment), editable: false, zh: "冲销的支付",
                  help: Wording(zh: "本笔为冲销时，被冲销的支付（由 drc payment reverse 填写）。", en: "For a reversing entry, the payment it reverses (set by drc payment reverse).")),
        ],
        lookupColumns: ["voucher"],
        titleColumn: "voucher",
        from: "payment AS r JOIN contract AS c ON c.id = r.contract_id",
        columns: [
            Column("id", "r.id", .number),
            Column("contract", "c.number"),
            Column("stage", "r.stage"),
            Column("amount", "r.amount_fen", .money),
            Column("paid_on", "r.paid_on"),
            Column("voucher", "r.voucher"),
            Column("reverses", "r.reverses_id", .number),
            Column("invoices", """
                (SELECT group_concat(number, '、') FROM (SELECT i.number FROM payment_invoice AS pi \
                JOIN invoice AS i ON i.id = pi.invoice_id WHERE pi.payment_id = r.id ORDER BY i.id))
                """, listed: false),
            Column("applicant", "r.applicant", listed: false),
            Column("approver", "r.approver", listed: false),
            Column("applied_on", "r.applied_on", listed: false),
            Column("approved_on", "r.approved_on", listed: false),
            Column("budget_line", "r.budget_line_id", .number, listed: false),
        ],
        filters: [
            Filter("contract", .reference(kind: .contract), "r.contract_id = ?", help: Wording(zh: "只看该合同的支付。", en: "Only this contract's payments.")),
        ],
        linkSets: [LinkSet(key: "invoice_ids", field: "invoices", table: "payment_invoice", ownerColumn: "payment_id",
                           targetColumn: "invoice_id", targetKind: .invoice, noun: Term(zh: "支付", en: "payment"))],
        reversal: Reversal(column: "reverses_id"),
        standsWhen: { row in row["paid_on"] != .null },
        afterWrite: invoicesOfTheContractsVendor
    )

    /// Three-way match, second leg: a payment pays invoices its contract's vendor issued; one
    /// from another vendor is refused, named with its vendor (two vendors may share a number).
    private static let invoicesOfTheContractsVendor: AfterWrite = { db, id in
        if let other = try db.rows("""
            SELECT i.number, iv.name AS invoice_vendor, cv.name AS contract_vendor
            FROM payment AS p JOIN contract AS c ON c.id = p.contract_id JOIN vendor AS cv ON cv.id = c.vendor_id
            JOIN payment_invoice AS pi ON pi.payment_id = p.id JOIN invoice AS i ON i.id = pi.invoice_id
            JOIN vendor AS iv ON iv.id = i.vendor_id
            WHERE p.id = ? AND i.vendor_id <> c.vendor_id ORDER BY i.id LIMIT 1
            """, id).first {
            throw DRCError.invalid(field: "invoices", value: other.string("number") ?? "",
                                   reason: .vendorDiffers(invoiceVendor: other.string("invoice_vendor") ?? "",
                                                          contractVendor: other.string("contract_vendor") ?? ""))
        }
    }
}
