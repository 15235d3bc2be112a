import DRCCore

/// `check`'s findings in words: the core finds them as typed facts (`Reconciliation.Issue`),
/// and every edge (the command line, the report, later the web) says them through here, in
/// Chinese or English. The English is word for word what `check` has always printed.
public enum FindingText {
    /// What the finding is about: 预算科目 #1 基本支出 / budget #1 基本支出.
    public static func subject(_ subject: Reconciliation.Subject, in language: Language) -> String {
        let zh = language == .zh
        switch subject {
        case .budgetLine(let id, let name): return (zh ? "预算科目 #\(id) " : "budget #\(id) ") + name
        case .indicator(let id, let name): return (zh ? "绩效指标 #\(id) " : "indicator #\(id) ") + name
        case .project(let name): return (zh ? "项目 " : "project ") + name
        case .indicatorSet(let name): return (zh ? "自评表 " : "self-evaluation of ") + name
        case .dataNote: return zh ? "数据说明" : "data note"
        case .procurement(let id, let name): return (zh ? "采购 #\(id) " : "procurement #\(id) ") + name
        case .contract(let number): return (zh ? "合同 " : "contract ") + number
        case .acceptance(let id, let document): return (zh ? "验收 #\(id) " : "acceptance #\(id) ") + document
        case .payment(let id, let voucher): return (zh ? "支付 #\(id)" : "payment #\(id)") + (voucher.map { " " + $0 } ?? "")
        case .invoice(let vendor, let number): return (zh ? "发票 " : "invoice ") + number + "（\(vendor)）"
        case .ruleSetting(let name): return (zh ? "规则设置 " : "rule ") + name
        case .asset(let number, let name): return (zh ? "资产 " : "asset ") + number + " " + name
        case .booking(let voucher): return (zh ? "入账 " : "booking ") + voucher
        }
    }

    /// The finding itself, without its subject.
    public static func issue(_ issue: Reconciliation.Issue, in language: Language) -> String {
        language == .zh ? chinese(issue) : english(issue)
    }

    /// The whole finding in one sentence: its subject, then what was found (a data note is
    /// its own subject, so it is said alone).
    public static func sentence(_ finding: Reconciliation.Finding, in language: Language) -> String {
        let text = issue(finding.issue, in: language)
        guard finding.subject != .dataNote else { return text }
        return subject(finding.subject, in: language) + (language == .zh ? "：" : ": ") + text
    }

    /// The severity as a word: 错误, 提示, 说明.
    public static func severity(_ severity: Reconciliation.Severity) -> Term {
        switch severity {
        case .error: return Term(zh: "错误", en: "error")
        case .warning: return Term(zh: "提示", en: "warning")
        case .note: return Term(zh: "说明", en: "note")
        case .doubt: return Term(zh: "疑点", en: "doubt")
        }
    }

    private static func wan(_ fen: Int64) -> String { Money.wan(fen) + "万元" }

    private static func english(_ issue: Reconciliation.Issue) -> String {
        switch issue {
        case .breakdownWithoutParts(let breakdown):
            return "is marked as broken down (\(breakdown)) but has no parts"
        case .amountsUnknown(let amount, let parts):
            return "\(amount.rawValue) amounts cannot be reconciled: the line or some of its \(parts) parts are unknown"
        case .partsDisagree(let amount, let itemised, let whole):
            return "\(amount.rawValue): the parts add up to \(wan(itemised)), the line says \(wan(whole))"
        case .partlyItemised(let amount, let itemised, let whole, let rest):
            return "\(amount.rawValue): the parts itemise \(wan(itemised)) of \(wan(whole)); \(wan(rest)) is not itemised (partial breakdown)"
        case .countDisagrees(let actual, let bound, let counted, let scope):
            let expected = bound == .lower ? "over \(actual)" : bound == .upper ? "under \(actual)" : actual
            return "says \(expected), but \(counted) work orders are recorded (\(scope.joined(separator: " / ")))"
        case .ordersFromOtherVendor(let count, let vendor):
            return "\(count) work orders are from \(vendor), who is not one of the project's vendors"
        case .note(let text):
            return text
        case .doubt(let doubt):
            return DoubtText.text(doubt, in: .en)
        case .settingMissing(let name):
            return "the setting \(name) is missing, so its 疑点 check was not run (drc rule add --name \(name) --value N)"
        case .weightsDoNotAddUp(let total):
            return "the weights add up to \(total.text), not 100"
        case .shortWithoutReason(let score, let weight):
            return "scores \(score.text) of \(weight.text) and gives no reason for falling short (偏差原因)"
        case .unscored(let why):
            return "cannot be scored: " + englishUnscored(why)
        case .spentOverBudget(let spent, let annual, let adjusted):
            return "spent \(wan(spent)), more than its \(adjusted ? "adjusted budget" : "budget (no adjustment recorded, so the start-of-year budget)") of \(wan(annual))"
        case .adjustedWithoutNote(let initial, let adjusted):
            return "the adjusted budget \(wan(adjusted)) differs from the start-of-year budget \(initial.map(wan) ?? "(unknown)") and no adjustment note says why"
        case .conditionUnclassified(let stage, let condition):
            return "payment stage \(stage) is due on \"\(condition)\", of no kind: choose one (signing, acceptance, final-acceptance, monthly, quarterly, invoice, other) so R8 can read it"
        }
    }

    private static func englishUnscored(_ why: IndicatorScore.Unscored) -> String {
        switch why {
        case .noWeight: return "it has no weight"
        case .noDirection: return "it says no direction (>=, <=, = or qualitative)"
        case .noTarget(let target): return target.map { "its target \"\($0)\" is not a number" } ?? "it has no target"
        case .noActual: return "it has no actual value"
        case .noGrade: return "a qualitative indicator needs its grade (achieved, partly or missed)"
        case .noGivenScore: return "a qualitative indicator's score is given by hand, within its grade's band"
        case .givenOutsideBand(let grade, let given, let low, let high):
            return "the score given, \(given.text), is outside the band of \(grade.rawValue) (\(low.text) to \(high.text))"
        case .givenAboveWeight(let given, let weight): return "the score given, \(given.text), is above its weight \(weight.text)"
        case .tooLarge: return "its numbers are too large to score"
        }
    }

    private static func chinese(_ issue: Reconciliation.Issue) -> String {
        switch issue {
        case .breakdownWithoutParts(let breakdown):
            return "标为有明细（\(breakdown == "complete" ? "完整" : "部分")），但没有明细项"
        case .amountsUnknown(let amount, let parts):
            return "\(name(amount))数或其\(parts)个明细项中有未知金额，无法核对"
        case .partsDisagree(let amount, let itemised, let whole):
            return "\(name(amount))明细合计\(wan(itemised))，与总额\(wan(whole))不符"
        case .partlyItemised(let amount, let itemised, let whole, let rest):
            return "\(name(amount))\(wan(whole))中列明明细\(wan(itemised))，另有\(wan(rest))未列明（明细不完整）"
        case .countDisagrees(let actual, let bound, let counted, let scope):
            let side = bound == .lower ? "以上" : bound == .upper ? "以下" : ""
            return "指标为\(actual)\(side)，但记录的工单为\(counted)条（\(scope.joined(separator: "／"))）"
        case .ordersFromOtherVendor(let count, let vendor):
            return "有\(count)条工单来自\(vendor)，但其不是该项目的供应商"
        case .note(let text):
            return text
        case .doubt(let doubt):
            return DoubtText.text(doubt, in: .zh)
        case .settingMissing:
            return "缺少该项设置，相应的疑点核查未运行（请用规则设置命令补上）"
        case .weightsDoNotAddUp(let total):
            return "各指标分值合计\(total.text)，不是100"
        case .shortWithoutReason(let score, let weight):
            return "得分\(score.text)（分值\(weight.text)），未满分却没有填写偏差原因"
        case .unscored(let why):
            return "无法评分：" + chineseUnscored(why)
        case .spentOverBudget(let spent, let annual, let adjusted):
            return "全年执行数\(wan(spent))超过\(adjusted ? "全年预算数" : "全年预算数（未调整，即年初预算数）")\(wan(annual))"
        case .adjustedWithoutNote(let initial, let adjusted):
            return "全年预算数\(wan(adjusted))与年初预算数\(initial.map(wan) ?? "（未知）")不同，但没有填写调整说明"
        case .conditionUnclassified(let stage, let condition):
            return "付款阶段“\(stage)”的付款条件“\(condition)”未分类：请选择条件类型（合同签订、验收合格、终验合格、按月、按季、收到发票、其他），以便核查付款是否早于验收"
        }
    }

    private static func chineseUnscored(_ why: IndicatorScore.Unscored) -> String {
        switch why {
        case .noWeight: return "没有分值"
        case .noDirection: return "没有比较方式（正向、反向、等于或定性）"
        case .noTarget(let target): return target.map { "年度指标值“\($0)”不是数字" } ?? "没有年度指标值"
        case .noActual: return "没有实际完成值"
        case .noGrade: return "定性指标须给出等级（达成、部分达成或未达成）"
        case .noGivenScore: return "定性指标的得分须在其等级区间内人工评定"
        case .givenOutsideBand(let grade, let given, let low, let high):
            let name = grade == .achieved ? "达成" : grade == .partly ? "部分达成" : "未达成"
            return "评定得分\(given.text)不在“\(name)”的区间（\(low.text)–\(high.text)）内"
        case .givenAboveWeight(let given, let weight): return "评定得分\(given.text)高于分值\(weight.text)"
        case .tooLarge: return "数值过大，无法计算"
        }
    }

    /// A finding's rule code and citation, for a 疑点; nil for the rest.
    public static func rule(_ issue: Reconciliation.Issue) -> LoopRule? {
        if case .doubt(let doubt) = issue { return doubt.rule }
        return nil
    }

    private static func name(_ amount: Reconciliation.Amount) -> String {
        amount == .final ? "决算" : "预算"
    }
}
