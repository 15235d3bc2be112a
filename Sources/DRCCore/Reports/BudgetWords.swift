/// The words of the budget totals, in both languages.
public enum BudgetWords {
    public static let kind = Term(zh: "支出类型", en: "kind")
    public static let name = Term(zh: "名称", en: "name")
    /// The 自评表's three amounts. No column that holds what was spent is called a budget.
    public static let initial = Term(zh: "年初预算数", en: "budget")
    public static let adjusted = Term(zh: "全年预算数", en: "adjusted")
    public static let spent = Term(zh: "全年执行数", en: "final")
    /// 执行率 = 全年执行数 ÷ 全年预算数.
    public static let rate = Term(zh: "执行率(%)", en: "rate")
    /// Where the 全年预算数 comes from: adjusted, or the 年初预算数 standing for it.
    public static let basis = Term(zh: "全年预算数来源", en: "adjusted_from")
    public static let itemisedFinal = Term(zh: "已列明执行数", en: "itemised_final")
    public static let notItemisedFinal = Term(zh: "未列明执行数", en: "not_itemised_final")
    public static let breakdown = Term(zh: "明细", en: "breakdown")
    /// The footer's name for what the totals add: 三公经费 is a view across the other two.
    public static let basicAndProject = Term(zh: "基本支出＋项目支出", en: "basic + project")
    /// The part of a line its parts do not list.
    public static let notItemised = Term(zh: "（未列明）", en: "(not itemised)")
    /// A share no classification names.
    public static let unclassified = Term(zh: "（未分类）", en: "(unclassified)")

    /// A 全年预算数's source as a word.
    static func basis(_ basis: BudgetExecution.Basis) -> ResultTable.Cell {
        switch basis {
        case .adjusted: return .word(key: "adjusted", Term(zh: "调整后预算", en: "adjusted"))
        case .initial: return .word(key: "start of year", Term(zh: "未调整，即年初预算数", en: "start of year"))
        case .mixed: return .word(key: "partly adjusted", Term(zh: "部分科目调整", en: "partly adjusted"))
        }
    }

    /// A choice's value (`basic`, `partial`) as a word: 基本支出 in Chinese, the key in English.
    static func choice(_ value: String, _ choices: [Field.Choice]) -> ResultTable.Cell {
        guard let choice = choices.first(where: { $0.value == value }) else { return .text(value) }
        return .word(key: value, choice.term)
    }
}
