extension RecordKind {
    /// Bookings (入账): a bookkeeping voucher (记账凭证) and the payments it books; each payment
    /// is booked once. The end of the loop.
    public static let booking = RecordKind(
        id: .booking, noun: Term(zh: "入账", en: "booking", measure: "笔"), table: "booking",
        fields: [
            Field("voucher", .text, required: true, zh: "记账凭证号", help: Wording(zh: "记账凭证号，唯一。", en: "The bookkeeping voucher's number (记账凭证号), unique.")),
            Field("booked-on", column: "booked_on", .timestamp, zh: "入账日期", help: Wording(zh: "入账日期。", en: "When it was booked.")),
            Field("payments", .text, stored: false, zh: "支付", help: Wording(zh: "所入账的支付（编号或支付凭证号），用逗号分隔；每笔支付只能入账一次。", en: "The payments it books (ids or payment vouchers), separated by commas; a payment is booked once.")),
        ],
        lookupColumns: ["voucher"],
        titleColumn: "voucher",
        from: "booking AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("voucher", "r.voucher"),
            Column("booked_on", "r.booked_on"),
            Column("payments", "(SELECT group_concat(payment_id, '、') FROM (SELECT payment_id FROM booking_payment WHERE booking_id = r.id ORDER BY payment_id))"),
            Column("amount", "(SELECT sum(p.amount_fen) FROM booking_payment AS bp JOIN payment AS p ON p.id = bp.payment_id WHERE bp.booking_id = r.id)", .money,
                   label: Term(zh: "金额", en: "amount")),
        ],
        filters: [],
        linkSets: [LinkSet(key: "payment_ids", field: "payments", table: "booking_payment", ownerColumn: "booking_id",
                           targetColumn: "payment_id", targetKind: .payment, noun: Term(zh: "入账", en: "booking"), exclusive: true)]
    )
}
