/// The words of the budget totals, in both languages.
public enum BudgetWords {
    public static let kind = Term(zh: "支出类型", en: "kind")
    public static let name = Term(zh: "名称", en: "name")
    public static let budget = Term(zh: "预算数", en: "budget")
    public static let final = Term(zh: "决算数", en: "final")
    public static let itemisedFinal = Term(zh: "已列明决算", en: "itemised_final")
    public static let notItemisedFinal = Term(zh: "未列明决算", en: "not_itemised_final")
    public static let breakdown = Term(zh: "明细", en: "breakdown")
    /// The footer's name for what the totals add: 三公经费 is a view across the other two.
    public static let basicAndProject = Term(zh: "基本支出＋项目支出", en: "basic + project")
    /// The part of a line its parts do not list.
    public static let notItemised = Term(zh: "（未列明）", en: "(not itemised)")
    /// A share no classification names.
    public static let unclassified = Term(zh: "（未分类）", en: "(unclassified)")

    /// A choice's value (`basic`, `partial`) as a word: 基本支出 in Chinese, the key in English.
    static func choice(_ value: String, _ choices: [Field.Choice]) -> ResultTable.Cell {
        guard let choice = choices.first(where: { $0.value == value }) else { return .text(value) }
        return .word(key: value, choice.term)
    }
}
