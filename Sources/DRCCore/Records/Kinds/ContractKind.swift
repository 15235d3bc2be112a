import SQLiteDB

extension RecordKind {
    /// Contracts (合同) with vendors, and their payment stages (付款阶段) as part of them.
    public static let contract = RecordKind(
        id: .contract, noun: Term(zh: "合同", en: "contract", measure: "份"), table: "contract",
        fields: [
            Field("number", .text, required: true, zh: "合同编号", help: Wording(zh: "合同编号，唯一。", en: "The contract's number (unique).")),
            Field("name", .text, zh: "合同名称", help: Wording(zh: "合同名称。", en: "The contract's title.")),
            Field("procurement", column: "procurement_id", .reference(kind: .procurement), zh: "采购", help: Wording(zh: "所依据的采购（限额以下可不填）。", en: "The purchase it comes from (may be empty below the threshold).")),
            Field("budget-line", column: "budget_line_id", .reference(kind: .budget), zh: "预算科目",
                  help: Wording(zh: "合同资金的预算科目（编号）；不填时取所依据采购的预算科目，补充合同取主合同的。",
                                en: "The budget line it is paid from (its id); when empty, its purchase's line, or for a supplementary contract its parent's.")),
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
            Column("budget_line", "r.budget_line_id", .number, listed: false),
            Column("handler", "r.handler", listed: false),
        ],
        filters: [
            Filter("vendor", .reference(kind: .vendor), "r.vendor_id = ?", help: Wording(zh: "只看该供应商的合同。", en: "Only this vendor's contracts.")),
            Filter("project", .reference(kind: .project), "r.project_id = ?", help: Wording(zh: "只看该项目的合同。", en: "Only this project's contracts.")),
            Filter("procurement", .reference(kind: .procurement), "r.procurement_id = ?", help: Wording(zh: "只看该采购的合同。", en: "Only contracts of this purchase.")),
        ],
        rules: [datesInOrder, notItsOwnParent, parentIsTheOriginal],
        childSets: [ChildSet(
            field: "stages", label: Term(zh: "付款阶段", en: "payment stage"),
            help: Wording(zh: "付款阶段，每个一行（可重复 --stages）：阶段 | 金额 | 比例% | 条件 | 条件类型 | 应付日期，如 \"首付款 | | 30 | 合同签订后 | signing | 2021-10-15\"。",
                          en: "Payment stages, one per line (or repeat --stages): stage | amount | share % | condition | kind | due on, e.g. \"首付款 | | 30 | 合同签订后 | signing | 2021-10-15\"."),
            table: "contract_stage", ownerColumn: "contract_id",
            fields: [
                Field("stage", .text, required: true, zh: "阶段", help: Wording(zh: "阶段名称。", en: "The stage's name.")),
                Field("amount", column: "amount_fen", .money, zh: "金额", help: Wording(zh: "本阶段金额。", en: "The stage's amount.")),
                Field("share", .decimal, zh: "比例", help: Wording(zh: "占合同金额的百分比。", en: "Its share of the contract amount, in per cent.")),
                Field("condition", .text, zh: "付款条件", help: Wording(zh: "付款条件，如 验收合格。", en: "What makes it due, e.g. 验收合格.")),
                Field("when", column: "condition_kind", .choice(StageCondition.choices), zh: "条件类型",
                      help: Wording(zh: "付款条件的类型：signing 合同签订、acceptance 验收合格、final-acceptance 终验合格、monthly 按月、quarterly 按季、invoice 收到发票、other 其他。",
                                    en: "The kind of condition: signing, acceptance, final-acceptance, monthly, quarterly, invoice or other.")),
                Field("due-on", column: "due_on", .timestamp, zh: "应付日期", help: Wording(zh: "按合同约定本阶段应付的日期（可不填，不填时以合同结束日期为准）。", en: "The day the contract schedules this stage (may be empty: the contract's end then).")),
            ])]
    )

    /// A contract's service cannot end before it starts.
    private static let datesInOrder: Rule = { values, _, _ in
        if let starts = values["starts_on"]?.string, let ends = values["ends_on"]?.string, ends < starts {
            throw DRCError.invalid(field: "ends-on", value: ends, reason: .beforeStart(starts))
        }
    }

    /// A supplementary contract names the original contract, not another supplement: 法第49条
    /// measures additions against the original (R6), and the supplement's budget line is the
    /// original's when it names none.
    private static let parentIsTheOriginal: Rule = { values, _, db in
        guard let parent = values["parent_id"]?.int64,
              let row = try db.rows("""
                SELECT p.number, o.number AS original FROM contract AS p JOIN contract AS o ON o.id = p.parent_id WHERE p.id = ?
                """, parent).first else { return }
        throw DRCError.invalid(field: "parent", value: row.string("number") ?? "#\(parent)",
                               reason: .parentIsASupplement(original: row.string("original") ?? ""))
    }

    /// A supplementary contract supplements another contract.
    private static let notItsOwnParent: Rule = { values, existing, _ in
        if let id = existing?.int64("id"), values["parent_id"]?.int64 == id {
            throw DRCError.invalid(field: "parent", value: "#\(id)", reason: .isThisContract)
        }
    }
}

/// What makes a payment stage due (付款条件类型), typed; the stage's free text says the rest.
public enum StageCondition: String, Sendable, CaseIterable {
    case signing, acceptance, finalAcceptance = "final-acceptance", monthly, quarterly, invoice, other

    public static let choices: [Field.Choice] = [
        Field.Choice("signing", "合同签订"), Field.Choice("acceptance", "验收合格"), Field.Choice("final-acceptance", "终验合格"),
        Field.Choice("monthly", "按月"), Field.Choice("quarterly", "按季"), Field.Choice("invoice", "收到发票"), Field.Choice("other", "其他"),
    ]

    /// Due only once the work is accepted (R8 reads these).
    public var waitsOnAcceptance: Bool { self == .acceptance || self == .finalAcceptance }

    public var term: Term {
        switch self {
        case .signing: return Term(zh: "合同签订", en: "signing")
        case .acceptance: return Term(zh: "验收合格", en: "acceptance")
        case .finalAcceptance: return Term(zh: "终验合格", en: "final acceptance")
        case .monthly: return Term(zh: "按月", en: "monthly")
        case .quarterly: return Term(zh: "按季", en: "quarterly")
        case .invoice: return Term(zh: "收到发票", en: "invoice received")
        case .other: return Term(zh: "其他", en: "other")
        }
    }
}
