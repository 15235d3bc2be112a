/// The self-evaluation as tables: one set's sheet (自评表), or the year's sets side by side.
/// Headings and words are terms, rendered in the run's language; CSV and JSON keep the keys.
public enum SelfEvaluationTable {
    public static func term(_ grade: SelfEvaluation.Grade) -> Term {
        switch grade {
        case .excellent: return Term(zh: "优", en: "excellent")
        case .good: return Term(zh: "良", en: "good")
        case .fair: return Term(zh: "中", en: "fair")
        case .poor: return Term(zh: "差", en: "poor")
        }
    }

    /// 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因; a footer with the total and grade.
    /// `amountsInWan` writes money values in 万元, as the report does.
    public static func sheet(_ set: SelfEvaluation.Set, amountsInWan: Bool = false) -> ResultTable {
        var table = ResultTable(
            columns: ["level1", "level2", "name", "target", "actual", "weight", "score", "deviation"],
            headings: [Term(zh: "一级指标", en: "level1"), Term(zh: "二级指标", en: "level2"), Term(zh: "三级指标", en: "name"),
                       Term(zh: "年度指标值", en: "target"), Term(zh: "实际完成值", en: "actual"), Term(zh: "分值", en: "weight"),
                       Term(zh: "得分", en: "score"), Term(zh: "偏差原因", en: "deviation")])
        for row in set.rows {
            table.rows.append([.text(row.level1), ResultTable.Cell(row.level2), .text(row.name), target(row, inWan: amountsInWan),
                               actual(row, inWan: amountsInWan),
                               row.score.weight.map { .number($0.text) } ?? .null, score(row.score), ResultTable.Cell(row.deviation)])
        }
        table.footer = [[.word(key: "total", TableWords.total), .null, .null, .null, .null,
                         set.weightTotal.map { .number($0.text) } ?? .null, total(set), grade(set)]]
        return table
    }

    /// Each set of the year: its indicators, weight, score, grade and how many are unscored.
    public static func summary(_ evaluation: SelfEvaluation) -> ResultTable {
        var table = ResultTable(
            columns: ["set", "indicators", "weight", "score", "grade", "unscored"],
            headings: [Term(zh: "项目或单位", en: "set"), Term(zh: "指标数", en: "indicators"), Term(zh: "分值合计", en: "weight"),
                       Term(zh: "得分", en: "score"), Term(zh: "等级", en: "grade"), Term(zh: "未评分", en: "unscored")])
        for set in evaluation.sets where set.isWeighted {
            table.rows.append([.text(set.name), .number(String(set.rows.count)), set.weightTotal.map { .number($0.text) } ?? .null,
                               total(set), grade(set), .number(String(set.unscored))])
        }
        return table
    }

    static func target(_ row: SelfEvaluation.Row, inWan: Bool) -> ResultTable.Cell {
        guard let target = row.target else { return .null }
        let sign: String
        switch row.direction {
        case .atLeast: sign = "≥"
        case .atMost: sign = "≤"
        case .equal: sign = "="
        case .qualitative, nil: sign = ""
        }
        return .text(sign + Money.quantity(target, measure: row.measure, inWan: inWan))
    }

    static func actual(_ row: SelfEvaluation.Row, inWan: Bool) -> ResultTable.Cell {
        guard let actual = row.actual else { return ResultTable.Cell(row.actualText) }
        return .text(prefix(row.actualBound) + Money.quantity(actual, measure: row.measure, inWan: inWan))
    }

    static func score(_ score: IndicatorScore) -> ResultTable.Cell {
        guard case .scored(let points, let bound, _) = score.outcome else { return .null }
        return .number(prefix(bound) + points.text)
    }

    static func total(_ set: SelfEvaluation.Set) -> ResultTable.Cell {
        set.total.map { .number(prefix(set.totalBound) + $0.text) } ?? .null
    }

    static func grade(_ set: SelfEvaluation.Set) -> ResultTable.Cell {
        set.grade.map { .word(key: $0.rawValue, term($0)) } ?? .null
    }

    static func prefix(_ bound: IndicatorScore.Bound) -> String {
        bound == .atLeast ? "≥" : bound == .atMost ? "≤" : ""
    }
}
