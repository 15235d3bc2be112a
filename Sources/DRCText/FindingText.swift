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
        case .dataNote: return zh ? "数据说明" : "data note"
        case .procurement(let id, let name): return (zh ? "采购 #\(id) " : "procurement #\(id) ") + name
        case .contract(let number): return (zh ? "合同 " : "contract ") + number
        case .acceptance(let id, let document): return (zh ? "验收 #\(id) " : "acceptance #\(id) ") + document
        case .payment(let id, let voucher): return (zh ? "支付 #\(id)" : "payment #\(id)") + (voucher.map { " " + $0 } ?? "")
        case .invoice(let vendor, let number): return (zh ? "发票 " : "invoice ") + number + "（\(vendor)）"
        case .ruleSetting(let name): return (zh ? "规则设置 " : "rule ") + name
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
