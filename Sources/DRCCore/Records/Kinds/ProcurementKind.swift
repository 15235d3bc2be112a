extension RecordKind {
    /// Purchases (采购): what was bought, by which method, under which project and budget line,
    /// and whom it was awarded to. The start of the loop 采购 → 合同 → 验收 → 发票 → 支付 → 入账.
    public static let procurement = RecordKind(
        id: .procurement, noun: Term(zh: "采购", en: "procurement", measure: "项"), table: "procurement",
        fields: [
            Field("code", .text, zh: "采购编号", help: Wording(zh: "采购编号（如有），唯一。", en: "The purchase's number, when it has one (unique).")),
            Field("name", .text, required: true, zh: "采购名称", help: Wording(zh: "采购项目名称，如 2021年政务网络运维服务。", en: "What is bought, e.g. 2021年政务网络运维服务.")),
            Field("year", .year, required: true, zh: "年度", help: Wording(zh: "预算年度。", en: "The budget year.")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: Wording(zh: "所属项目。", en: "The project it is bought under.")),
            Field("budget-line", column: "budget_line_id", .reference(kind: .budget), zh: "预算科目", help: Wording(zh: "资金来源的预算科目（编号）。", en: "The budget line that pays for it (its id).")),
            Field("item", .text, zh: "采购品目", help: Wording(zh: "采购品目，如 C16 信息技术服务。", en: "The category of goods or services (品目), e.g. C16 信息技术服务.")),
            Field("method", .choice(ProcurementMethod.choices), required: true, zh: "采购方式",
                  help: Wording(zh: "open（公开招标）、invited（邀请招标）、negotiation（竞争性谈判）、consultation（竞争性磋商）、inquiry（询价）、single-source（单一来源）、framework（框架协议）、e-mall（电子卖场）或 below-threshold（限额以下自行采购）。",
                                en: "open (公开招标), invited, negotiation, consultation, inquiry, single-source, framework, e-mall or below-threshold (限额以下自行采购).")),
            Field("method-reason", column: "method_reason", .text, zh: "采用理由", help: Wording(zh: "不采用公开招标时的理由。", en: "Why, when the method is not open tendering.")),
            Field("method-approval", column: "method_approval", .text, zh: "变更批准文件", help: Wording(zh: "采购方式变更的批准文件。", en: "The approval of a change of method (document number).")),
            Field("budget", column: "budget_fen", .money, zh: "采购预算", help: Wording(zh: "采购预算金额，如 120万。", en: "The purchase's budget, e.g. 120万.")),
            Field("notice-on", column: "notice_on", .timestamp, zh: "公告日期", help: Wording(zh: "采购公告发布日期。", en: "When the notice was published.")),
            Field("award-on", column: "award_on", .timestamp, zh: "中标日期", help: Wording(zh: "中标（成交）通知日期。", en: "When the award was made.")),
            Field("handler", .text, zh: "经办人", help: Wording(zh: "经办人。", en: "Who handled the purchase.")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "中标供应商", help: Wording(zh: "中标（成交）供应商。", en: "The winning vendor.")),
            Field("award", column: "award_fen", .money, zh: "中标金额", help: Wording(zh: "中标（成交）金额。", en: "The award amount.")),
            Field("publicity-from", column: "publicity_from", .timestamp, zh: "公示开始日期",
                  help: Wording(zh: "单一来源采购公示的第一天。", en: "The first day of a single-source purchase's publicity (公示).")),
            Field("publicity-to", column: "publicity_to", .timestamp, zh: "公示结束日期",
                  help: Wording(zh: "单一来源采购公示的最后一天。", en: "The last day of a single-source purchase's publicity (公示).")),
            Field("bidders", .text, stored: false, zh: "参与供应商",
                  help: Wording(zh: "参与本次采购竞争的供应商（名称），用逗号分隔。", en: "The vendors competing in this purchase (by name), separated by commas.")),
        ],
        lookupColumns: ["code", "name"],
        titleColumn: "name",
        from: "procurement AS r LEFT JOIN vendor AS v ON v.id = r.vendor_id LEFT JOIN project AS p ON p.id = r.project_id",
        columns: [
            Column("id", "r.id", .number),
            Column("code", "r.code"),
            Column("name", "r.name"),
            Column("year", "r.year", .number),
            Column("method", "r.method"),
            Column("budget", "r.budget_fen", .money),
            Column("vendor", "v.name"),
            Column("award", "r.award_fen", .money),
            Column("award_on", "r.award_on"),
            Column("project", "p.name", listed: false),
            Column("item", "r.item", listed: false),
            Column("method_reason", "r.method_reason", listed: false),
            Column("method_approval", "r.method_approval", listed: false),
            Column("notice_on", "r.notice_on", listed: false),
            Column("handler", "r.handler", listed: false),
            Column("publicity_from", "r.publicity_from", listed: false),
            Column("publicity_to", "r.publicity_to", listed: false),
            Column("bidders", """
                (SELECT group_concat(name, '、') FROM (SELECT bv.name FROM procurement_bidder AS pb \
                JOIN vendor AS bv ON bv.id = pb.vendor_id WHERE pb.procurement_id = r.id ORDER BY bv.id))
                """, listed: false),
        ],
        filters: [
            Filter("year", .year, "r.year = ?", help: Wording(zh: "只看该年度。", en: "Only this year.")),
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商中标的。", en: "Only purchases awarded to this vendor.")),
            Filter("method", .choice(ProcurementMethod.choices), "r.method = ?", help: Wording(zh: "只看该采购方式。", en: "Only this method.")),
        ],
        linkSets: [LinkSet(key: "bidder_ids", field: "bidders", table: "procurement_bidder", ownerColumn: "procurement_id",
                           targetColumn: "vendor_id", targetKind: .vendor, noun: Term(zh: "参与采购", en: "purchase bid"))]
    )
}

/// The methods of government procurement (政府采购法 第二十六条, and the ways below the threshold).
public enum ProcurementMethod {
    public static let choices = [
        Field.Choice("open", "公开招标"), Field.Choice("invited", "邀请招标"), Field.Choice("negotiation", "竞争性谈判"),
        Field.Choice("consultation", "竞争性磋商"), Field.Choice("inquiry", "询价"), Field.Choice("single-source", "单一来源"),
        Field.Choice("framework", "框架协议"), Field.Choice("e-mall", "电子卖场"), Field.Choice("below-threshold", "限额以下自行采购", "自行采购"),
    ]
}
