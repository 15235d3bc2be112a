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
            // Payments by their voucher numbers (支付凭证号), an id only where a payment has none.
            Column("payments", """
                (SELECT group_concat(number, '、') FROM (SELECT coalesce(p.voucher, '#' || p.id) AS number FROM booking_payment AS bp \
                JOIN payment AS p ON p.id = bp.payment_id WHERE bp.booking_id = r.id ORDER BY p.id))
                """),
            Column("amount", "(SELECT sum(p.amount_fen) FROM booking_payment AS bp JOIN payment AS p ON p.id = bp.payment_id WHERE bp.booking_id = r.id)", .money,
                   label: Term(zh: "金额", en: "amount")),
        ],
        filters: [],
        linkSets: [LinkSet(key: "payment_ids", field: "payments", table: "booking_payment", ownerColumn: "booking_id",
                           targetColumn: "payment_id", targetKind: .payment, noun: Term(zh: "入账", en: "booking"), exclusive: true)],
        afterWrite: onlyPaidBooked
    )

    /// Only money paid is booked: a booking naming a payment with no paid-on day is refused,
    /// naming that payment by its voucher, and nothing of it is written (the write's
    /// transaction is rolled back). A reversal is paid when it is entered, so it can be booked.
    private static let onlyPaidBooked: AfterWrite = { db, id in
        if let unpaid = try db.rows("""
            SELECT p.id, p.voucher FROM booking_payment AS bp JOIN payment AS p ON p.id = bp.payment_id
            WHERE bp.booking_id = ? AND p.paid_on IS NULL ORDER BY p.id LIMIT 1
            """, id).first {
            throw DRCError.invalid(field: "payments", value: unpaid.string("voucher") ?? "#\(unpaid.int64("id") ?? 0)", reason: .paymentNotPaid)
        }
    }
}
