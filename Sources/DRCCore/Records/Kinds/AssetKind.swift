extension RecordKind {
    /// Fixed-asset cards (固定资产卡片): what was bought and where it is, linked to the
    /// contract, acceptance, invoice and booking (记账凭证) that brought it.
    public static let asset = RecordKind(
        id: .asset, noun: Term(zh: "资产", en: "asset", measure: "件"), table: "asset",
        fields: [
            Field("number", .text, required: true, zh: "资产编号", help: Wording(zh: "资产编号，唯一。", en: "The asset's number (unique).")),
            Field("name", .text, required: true, zh: "资产名称", help: Wording(zh: "资产名称。", en: "Its name.")),
            Field("class", .text, zh: "资产分类", help: Wording(zh: "资产分类，如 通用设备。", en: "Its class, e.g. 通用设备.")),
            Field("acquired-by", column: "acquired_by", .choice(AssetChoices.acquisitions), zh: "取得方式",
                  help: Wording(zh: "purchase（购置）、transfer（调拨）、donation（捐赠）、self-built（自建）或 other（其他）。",
                                en: "purchase, transfer, donation, self-built or other.")),
            Field("contract", column: "contract_id", .reference(kind: .contract), zh: "合同", help: Wording(zh: "购置合同（合同编号）。", en: "The contract it was bought under.")),
            Field("acceptance", column: "acceptance_id", .reference(kind: .acceptance), zh: "验收", help: Wording(zh: "验收书编号。", en: "The acceptance that accepted it.")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), zh: "供应商", help: Wording(zh: "供应商。", en: "The vendor.")),
            Field("invoice", column: "invoice_id", .reference(kind: .invoice), zh: "发票", help: Wording(zh: "发票号码。", en: "The invoice it was billed on.")),
            Field("value", column: "value_fen", .money, zh: "价值", help: Wording(zh: "资产价值（原值）。", en: "Its value (original cost).")),
            Field("booking", column: "booking_id", .reference(kind: .booking), zh: "记账凭证", help: Wording(zh: "入账的记账凭证号。", en: "The booking voucher it was booked by.")),
            Field("booked-on", column: "booked_on", .timestamp, zh: "入账日期", help: Wording(zh: "财务入账日期。", en: "When it was booked in the accounts.")),
            Field("department", .text, zh: "使用部门", help: Wording(zh: "管理或使用部门。", en: "The department that holds it.")),
            Field("holder", .text, zh: "使用人", help: Wording(zh: "使用人。", en: "Who uses it.")),
            Field("location", .text, zh: "存放地点", help: Wording(zh: "存放地点。", en: "Where it is kept.")),
            Field("status", .choice(AssetChoices.statuses), default: .text("in-use"), zh: "状态",
                  help: Wording(zh: "in-use（在用）、idle（闲置）、under-repair（维修）或 disposed（已处置）。", en: "in-use, idle, under-repair or disposed.")),
        ],
        lookupColumns: ["number"],
        titleColumn: "number",
        from: "asset AS r LEFT JOIN contract AS c ON c.id = r.contract_id LEFT JOIN booking AS b ON b.id = r.booking_id",
        columns: [
            Column("id", "r.id", .number),
            Column("number", "r.number"),
            Column("name", "r.name"),
            Column("class", "r.class"),
            Column("value", "r.value_fen", .money),
            Column("contract", "c.number"),
            Column("booking", "b.voucher"),
            Column("status", "r.status"),
            Column("acquired_by", "r.acquired_by", listed: false),
            Column("acceptance", "(SELECT document FROM acceptance WHERE id = r.acceptance_id)", listed: false),
            Column("vendor", "(SELECT name FROM vendor WHERE id = r.vendor_id)", listed: false),
            Column("invoice", "(SELECT number FROM invoice WHERE id = r.invoice_id)", listed: false),
            Column("booked_on", "r.booked_on", listed: false),
            Column("department", "r.department", listed: false),
            Column("holder", "r.holder", listed: false),
            Column("location", "r.location", listed: false),
        ],
        filters: [
            Filter("contract", .reference(kind: .contract), "r.contract_id = ?", help: Wording(zh: "只看该合同的资产。", en: "Only this contract's assets.")),
        ]
    )

    /// Inventories (盘点): a count of the assets on a day, each card found or not, and where.
    public static let inventory = RecordKind(
        id: .inventory, noun: Term(zh: "盘点", en: "inventory", measure: "次"), table: "inventory",
        fields: [
            Field("number", .text, required: true, zh: "盘点编号", help: Wording(zh: "盘点编号，唯一。", en: "The inventory's number (unique).")),
            Field("taken-on", column: "taken_on", .timestamp, required: true, zh: "盘点日期", help: Wording(zh: "盘点日期。", en: "When it was taken.")),
            Field("note", .text, zh: "备注", help: Wording(zh: "备注。", en: "A note.")),
        ],
        lookupColumns: ["number"],
        titleColumn: "number",
        from: "inventory AS r",
        columns: [
            Column("id", "r.id", .number),
            Column("number", "r.number"),
            Column("taken_on", "r.taken_on"),
            Column("counted", "(SELECT count(*) FROM inventory_item WHERE inventory_id = r.id)", .number, label: Term(zh: "盘点数", en: "counted")),
            Column("missing", "(SELECT count(*) FROM inventory_item WHERE inventory_id = r.id AND found IS NOT 1)", .number,
                   label: Term(zh: "未找到", en: "missing")),
            Column("note", "r.note", listed: false),
        ],
        filters: [],
        childSets: [
            ChildSet(field: "items", label: Term(zh: "盘点明细", en: "item"),
                     help: Wording(zh: "每件资产一行：资产编号 | 是否找到 | 实际地点。", en: "One asset per line: asset number | found | where it was."),
                     table: "inventory_item", ownerColumn: "inventory_id",
                     fields: [
                        Field("asset", .text, required: true, zh: "资产编号", help: Wording(zh: "资产编号。", en: "The asset's number.")),
                        Field("found", .flag, zh: "找到", help: Wording(zh: "是否找到（是/否）。", en: "Whether it was found (yes/no).")),
                        Field("location", .text, zh: "实际地点", help: Wording(zh: "找到的地点。", en: "Where it was found.")),
                     ]),
        ]
    )
}

/// The asset register's choices.
public enum AssetChoices {
    public static let acquisitions = [Field.Choice("purchase", "购置"), Field.Choice("transfer", "调拨"), Field.Choice("donation", "捐赠"),
                                      Field.Choice("self-built", "自建"), Field.Choice("other", "其他")]
    public static let statuses = [Field.Choice("in-use", "在用"), Field.Choice("idle", "闲置"), Field.Choice("under-repair", "维修"),
                                  Field.Choice("disposed", "已处置")]
}
