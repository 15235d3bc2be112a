extension RecordKind {
    /// Acceptances (验收) of contracts: who accepted (members) and against what (items).
    public static let acceptance = RecordKind(
        id: .acceptance, noun: Term(zh: "验收", en: "acceptance", measure: "次"), table: "acceptance",
        fields: [
            Field("contract", column: "contract_id", .reference(kind: .contract), required: true, zh: "合同", help: Wording(zh: "验收的合同（合同编号）。", en: "The contract accepted (its number).")),
            Field("stage", .text, zh: "阶段", help: Wording(zh: "验收的付款阶段（如有）。", en: "The payment stage accepted, if one.")),
            Field("accepted-on", column: "accepted_on", .timestamp, zh: "验收日期", help: Wording(zh: "验收日期。", en: "When it was accepted.")),
            Field("conclusion", .choice(AcceptanceConclusion.choices), zh: "验收结论",
                  help: Wording(zh: "passed（合格）、failed（不合格）或 rectified（整改后合格）。", en: "passed (合格), failed (不合格) or rectified (整改后合格).")),
            Field("document", .text, zh: "验收书编号", help: Wording(zh: "验收书编号。", en: "The acceptance report's number (验收书).")),
            Field("vendor-signed", column: "vendor_signed", .flag, zh: "供应商签字",
                  help: Wording(zh: "供应商是否已在验收书上签字（是/否；不填为未知）。", en: "Whether the vendor signed the acceptance report (yes/no; empty: unknown).")),
        ],
        lookupColumns: ["document"],
        titleColumn: "document",
        from: "acceptance AS r JOIN contract AS c ON c.id = r.contract_id",
        columns: [
            Column("id", "r.id", .number),
            Column("contract", "c.number"),
            Column("stage", "r.stage"),
            Column("accepted_on", "r.accepted_on"),
            Column("conclusion", "r.conclusion"),
            Column("document", "r.document"),
            Column("vendor_signed", "r.vendor_signed", .flag, listed: false),
        ],
        filters: [
            Filter("contract", .reference(kind: .contract), "r.contract_id = ?", help: Wording(zh: "只看该合同的验收。", en: "Only this contract's acceptances.")),
        ],
        childSets: [
            ChildSet(field: "members", label: Term(zh: "验收人员", en: "member"),
                     help: Wording(zh: "验收人员，每人一行：姓名 | 身份 | 是否签字；身份为 purchaser（采购人）、user（使用人）、expert（专家）或 third-party（第三方）。",
                                   en: "Members, one per line: person | role | signed; role is purchaser (采购人), user (使用人), expert (专家) or third-party (第三方)."),
                     table: "acceptance_member", ownerColumn: "acceptance_id",
                     fields: [
                        Field("person", .text, required: true, zh: "姓名", help: Wording(zh: "姓名。", en: "The person.")),
                        Field("role", .choice(AcceptanceConclusion.roles), zh: "身份", help: Wording(zh: "验收身份。", en: "Their role.")),
                        Field("signed", .flag, zh: "签字", help: Wording(zh: "是否已在验收书上签字。", en: "Whether they signed the report.")),
                     ]),
            ChildSet(field: "items", label: Term(zh: "验收项目", en: "item"),
                     help: Wording(zh: "验收项目，每项一行：标准 | 要求 | 实际 | 是否通过。", en: "Items, one per line: standard | required | observed | passed."),
                     table: "acceptance_item", ownerColumn: "acceptance_id",
                     fields: [
                        Field("standard", .text, required: true, zh: "验收标准", help: Wording(zh: "验收标准（合同条款）。", en: "The standard (a term of the contract).")),
                        Field("required", .text, zh: "要求", help: Wording(zh: "要求的结果。", en: "What is required.")),
                        Field("observed", .text, zh: "实际", help: Wording(zh: "实际的结果。", en: "What was observed.")),
                        Field("passed", .flag, zh: "通过", help: Wording(zh: "是否通过。", en: "Whether it passed.")),
                     ]),
        ]
    )
}

/// An acceptance's conclusion, and the roles of its members.
public enum AcceptanceConclusion {
    public static let choices = [Field.Choice("passed", "合格"), Field.Choice("failed", "不合格"), Field.Choice("rectified", "整改后合格")]
    public static let roles = [Field.Choice("purchaser", "采购人"), Field.Choice("user", "使用人"), Field.Choice("expert", "专家"),
                               Field.Choice("third-party", "第三方")]
}
