import SQLiteDB

extension RecordKind {
    /// Contracts (合同) with vendors, and their payment stages (付款阶段) as part of them.
    public static let contract = RecordKind(
        id: .contract, noun: Term(zh: "合同", en: "contract", measure: "份"), table: "contract",
        fields: [
            Field("number", .text, required: true, zh: "合同编号", help: Wording(zh: "合同编号，唯一。", en: "The contract's number (unique).")),
            Field("name", .text, zh: "合同名称", help: Wording(zh: "合同名称。", en: "The contract's title.")),
            Field("procurement", column: "procurement_id", .reference(kind: .procurement), zh: "采购", help: Wording(zh: "所依据的采购（限额以下可不填）。", en: "The purchase it comes from (may be empty below the threshold).")),
            Field("vendor", column: "vendor_id", .reference(kind: .vendor), required: true, zh: "供应商", help: Wording(zh: "签约供应商。", en: "The vendor it is signed with.")),
            Field("project", column: "project_id", .reference(kind: .project), zh: "项目", help: Wording(zh: "所属项目。", en: "The project it serves.")),
            Field("amount", column: "amount_fen", .money, required: true, zh: "合同金额", help: Wording(zh: "合同金额，如 98.5万。", en: "The contract amount, e.g. 98.5万.")),
            Field("signed-on", column: "signed_on", .timestamp, zh: "签订日期", help: Wording(zh: "签订日期。", en: "When it was signed.")),
            Field("published-on", column: "published_on", .timestamp, zh: "公告日期", help: Wording(zh: "合同公告日期。", en: "When it was published.")),
            Field("filed-on", column: "filed_on", .timestamp, zh: "备案日期", help: Wording(zh: "合同备案日期。", en: "When it was filed.")),
            Field("starts-on", column: "starts_on", .timestamp, zh: "开始日期", help: Wording(zh: "服务（履约）开始日期。", en: "When the service starts.")),
            Field("ends-on", column: "ends_on", .timestamp, zh: "结束日期", help: Wording(zh: "服务（履约）结束日期。", en: "When the service ends.")),
            Field("parent", column: "parent_id", .reference(kind: .contract), zh: "主合同", help: Wording(zh: "补充合同所补充的主合同。", en: "For a supplementary contract (补充合同): the contract it supplements.")),
            Field("handler", .text, zh: "经办人", help: Wording(zh: "经办人。", en: "Who handled the contract.")),
        ],
        lookupColumns: ["number"],
        titleColumn: "number",
        from: "contract AS r JOIN vendor AS v ON v.id = r.vendor_id LEFT JOIN project AS p ON p.id = r.project_id",
        columns: [
            Column("id", "r.id", .number),
            Column("number", "r.number"),
            Column("name", "r.name"),
            Column("vendor", "v.name"),
            Column("amount", "r.amount_fen", .money),
            Column("signed_on", "r.signed_on"),
            Column("ends_on", "r.ends_on"),
            Column("project", "p.name", listed: false),
            Column("procurement", "(SELECT name FROM procurement WHERE id = r.procurement_id)", listed: false),
            Column("published_on", "r.published_on", listed: false),
            Column("filed_on", "r.filed_on", listed: false),
            Column("starts_on", "r.starts_on", listed: false),
            Column("parent", "(SELECT number FROM contract WHERE id = r.parent_id)", listed: false),
            Column("handler", "r.handler", listed: false),
        ],
        filters: [
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商的合同。", en: "Only this vendor's contracts.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目的合同。", en: "Only this project's contracts.")),
            Filter("procurement", .reference(kind: .procurement), "r.procurement_id = ?", help: Wording(zh: "只看该采购的合同。", en: "Only contracts of this purchase.")),
        ],
        rules: [datesInOrder, notItsOwnParent],
        childSets: [ChildSet(
            field: "stages", label: Term(zh: "付款阶段", en: "payment stage"),
            help: Wording(zh: "付款阶段，每个一行（可重复 --stages）：阶段 | 金额 | 比例% | 条件，如 \"首付款 | | 30 | 合同签订后\"。",
                          en: "Payment stages, one per line (or repeat --stages): stage | amount | share % | condition, e.g. \"首付款 | | 30 | 合同签订后\"."),
            table: "contract_stage", ownerColumn: "contract_id",
            fields: [
                Field("stage", .text, required: true, zh: "阶段", help: Wording(zh: "阶段名称。", en: "The stage's name.")),
                Field("amount", column: "amount_fen", .money, zh: "金额", help: Wording(zh: "本阶段金额。", en: "The stage's amount.")),
                Field("share", .decimal, zh: "比例", help: Wording(zh: "占合同金额的百分比。", en: "Its share of the contract amount, in per cent.")),
                Field("condition", .text, zh: "付款条件", help: Wording(zh: "付款条件，如 验收合格。", en: "What makes it due, e.g. 验收合格.")),
            ])]
    )

    /// A contract's service cannot end before it starts.
    private static let datesInOrder: Rule = { values, _, _ in
        if let starts = values["starts_on"]?.string, let ends = values["ends_on"]?.string, ends < starts {
            throw DRCError.invalid(field: "ends-on", value: ends, reason: .beforeStart(starts))
        }
    }

    /// A supplementary contract supplements another contract.
    private static let notItsOwnParent: Rule = { values, existing, _ in
        if let id = existing?.int64("id"), values["parent_id"]?.int64 == id {
            throw DRCError.invalid(field: "parent", value: "#\(id)", reason: .isThisContract)
        }
    }
}
