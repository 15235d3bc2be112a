import DRCCore

/// The procurement loop's 疑点 in words, Chinese and English. Each says what the data shows and
/// the limit it passes; the rule's code and citation are said beside it (`FindingText`).
public enum DoubtText {
    public static func text(_ doubt: LoopDoubt, in language: Language) -> String {
        language == .zh ? chinese(doubt) : english(doubt)
    }

    /// What `check` says of every 疑点 it lists.
    public static let caveat = Term(zh: "疑点是需要核实的事项，不是结论。", en: "Points to verify (疑点) are not verdicts.")

    private static func wan(_ fen: Int64) -> String { Money.wan(fen) + "万元" }
    private static func list(_ items: [String], _ language: Language) -> String { items.joined(separator: language == .zh ? "、" : ", ") }

    private static func method(_ value: String, _ language: Language) -> String {
        guard let choice = ProcurementMethod.choices.first(where: { $0.value == value }) else { return value }
        return choice.term.text(in: language)
    }

    private static func english(_ doubt: LoopDoubt) -> String {
        switch doubt {
        case .splitPurchase(let item, let count, let total, let threshold, let names):
            return "\(count) non-tender purchases of \(item) on one budget line add up to \(wan(total)), over the tender threshold of \(wan(threshold)), each below it (\(list(names, .en)))"
        case .methodNotApproved(let method, let amount, let threshold):
            return "bought by \(self.method(method, .en)) for \(wan(amount)), at or above the tender threshold of \(wan(threshold)), with no approval of the method recorded"
        case .workBeforeContract(let work, let reference, let on, let signedOn):
            let signed = signedOn.map { "signed \($0)" } ?? "not signed"
            switch work {
            case .signedBeforeAward: return "signed \(signedOn ?? "") before the award of \(reference) on \(on)"
            case .acceptance: return "acceptance \(reference) on \(on), but the contract was \(signed)"
            case .payment: return "payment \(reference) applied for or paid on \(on), but the contract was \(signed)"
            case .workOrder: return "work order \(reference) opened \(on), but the contract was \(signed)"
            }
        case .lateContract(let awardOn, let signedOn, let days, let limit):
            return "signed \(signedOn), \(days) days after the award on \(awardOn) (limit \(limit) days)"
        case .latePublication(let signedOn, let publishedOn, let workingDays, let limit):
            return (publishedOn.map { "published \($0)" } ?? "not published") + ", \(workingDays) working days after signing on \(signedOn) (limit \(limit))"
        case .lateFiling(let signedOn, let filedOn, let workingDays, let limit):
            return (filedOn.map { "filed \($0)" } ?? "not filed") + ", \(workingDays) working days after signing on \(signedOn) (limit \(limit))"
        case .supplementsOver(let original, let supplements, let percent, let numbers):
            return "supplementary contracts \(list(numbers, .en)) add \(wan(supplements)) to \(wan(original)), over \(percent)% of it"
        case .overBudget(let measure, let amount, let budget):
            let what = measure == .committed ? "contracts commit" : measure == .paid ? "payments come to" : "the award is"
            return "\(what) \(wan(amount)), over the budget of \(wan(budget))"
        case .paidBeforeAcceptance(let stage, let kind, let condition, let paidOn, let acceptedOn):
            let due = "due on " + kind.term.en + (condition.map { ": \($0)" } ?? "")
            return (stage.isEmpty ? "a payment naming no stage, every stage \(due)," : "stage \(stage) (\(due))") + " paid \(paidOn), "
                + (acceptedOn.map { "before the passed acceptance on \($0)" } ?? "with no passed acceptance")
        case .acceptanceOverdue(let endsOn, let days, let limit):
            return "service ended \(endsOn), \(days) days ago (limit \(limit)), and is not wholly accepted"
        case .acceptedBeforeServiceEnded(let acceptedOn, let endsOn):
            return "accepted \(acceptedOn), before the service it accepts ended on \(endsOn)"
        case .methodWithoutReason(let method):
            return "bought by \(self.method(method, .en)), not open tendering, with no reason for the method recorded"
        case .singleSourceNotPublicised(let amount, let from, let to, let workingDays, let limit):
            let period = workingDays.map { "publicised \(from ?? "") to \(to ?? ""), \($0) working days" } ?? "no publicity recorded"
            return "single source for \(wan(amount)), at or above the tender threshold: \(period) (at least \(limit))"
        case .vendorsConnected(let vendors, let tie, let value):
            let what = tie == .principal ? "person in charge" : tie == .phone ? "phone" : "email"
            return "competing vendors \(list(vendors, .en)) share one \(what): \(value)"
        case .incompleteAcceptance(let unsigned, let open, let noItems, let vendorNotSigned):
            var parts: [String] = []
            if !unsigned.isEmpty { parts.append("not signed by \(list(unsigned, .en))") }
            if vendorNotSigned { parts.append("not signed by the vendor") }
            if !open.isEmpty { parts.append("no result for \(list(open, .en))") }
            if noItems { parts.append("no items checked") }
            return "the acceptance report is incomplete: " + parts.joined(separator: "; ")
        case .dutiesCombined(let person, let duty, let acceptance):
            return "\(person) handled the \(duty == .purchaseHandler ? "purchase" : "contract") and sits on its acceptance \(acceptance)"
        case .selfApproved(let person):
            return "\(person) both applied for and approved it"
        case .paidOverContract(let paid, let amount):
            return "paid \(wan(paid)), over the contract's \(wan(amount)) (with its supplementary contracts)"
        case .invoicesDifferFromPayments(let invoiced, let paid):
            return "invoices come to \(wan(invoiced)), payments to \(wan(paid))"
        case .paidWithoutInvoice(let paidOn):
            return "paid \(paidOn) against no invoice"
        case .invoiceOfAnotherContract(let invoice, let vendor, let billed):
            return "pays invoice \(invoice) (\(vendor)), which bills " + (billed.map { "another contract, \($0)" } ?? "no contract")
        case .invoicePaidTwice(let payments):
            return "paid by \(payments.count) payments: \(list(payments, .en))"
        case .notBooked(let paidOn, let days, let limit, let reverses):
            return (reverses.map { "the reversal of \($0), " } ?? "") + "paid \(paidOn), \(days) days ago (limit \(limit)), and not booked"
        case .notCarded(let code):
            return "booked payments on a capital line (economic class \(code)) with no asset card"
        case .assetNotBooked:
            return "an asset card with no booking"
        case .assetValueDiffers(let value, let booked):
            return "the asset cards it books are worth \(wan(value)), the booking books \(wan(booked))"
        case .assetValueDiffersFromInvoice(let value, let invoiced):
            return "the asset cards it bills are worth \(wan(value)), the invoice is for \(wan(invoiced))"
        case .assetBookedBeforeAcceptance(let bookedOn, let acceptedOn):
            return "booked \(bookedOn), before its acceptance on \(acceptedOn)"
        case .loopOpen(let stage, let dueOn, let days, let limit, let due, let booked):
            return "\(wan(due)) of it fell due by its end date and payment schedule, the first unbooked part on \(dueOn), \(days) days ago (limit \(limit)); booked \(wan(booked)), still at \(stage.term.en)"
        }
    }

    private static func chinese(_ doubt: LoopDoubt) -> String {
        switch doubt {
        case .splitPurchase(let item, let count, let total, let threshold, let names):
            return "同一预算科目、同一品目（\(item)）的\(count)次非招标采购合计\(wan(total))，超过公开招标数额\(wan(threshold))，而每次均低于该数额（\(list(names, .zh))）"
        case .methodNotApproved(let method, let amount, let threshold):
            return "以\(self.method(method, .zh))方式采购\(wan(amount))，达到公开招标数额\(wan(threshold))，未记录采购方式变更批准文件"
        case .workBeforeContract(let work, let reference, let on, let signedOn):
            let signed = signedOn.map { "合同于\($0)签订" } ?? "合同尚未签订"
            switch work {
            case .signedBeforeAward: return "合同于\(signedOn ?? "")签订，早于采购\(reference)的中标通知日\(on)"
            case .acceptance: return "验收\(reference)日期为\(on)，但\(signed)"
            case .payment: return "支付\(reference)于\(on)申请或支付，但\(signed)"
            case .workOrder: return "工单\(reference)于\(on)开单，但\(signed)"
            }
        case .lateContract(let awardOn, let signedOn, let days, let limit):
            return "中标通知日\(awardOn)，合同于\(signedOn)签订，相隔\(days)日（期限\(limit)日）"
        case .latePublication(let signedOn, let publishedOn, let workingDays, let limit):
            return (publishedOn.map { "合同于\($0)公告" } ?? "合同尚未公告") + "，距签订日\(signedOn)已\(workingDays)个工作日（期限\(limit)个工作日）"
        case .lateFiling(let signedOn, let filedOn, let workingDays, let limit):
            return (filedOn.map { "合同于\($0)备案" } ?? "合同尚未备案") + "，距签订日\(signedOn)已\(workingDays)个工作日（期限\(limit)个工作日）"
        case .supplementsOver(let original, let supplements, let percent, let numbers):
            return "补充合同\(list(numbers, .zh))合计\(wan(supplements))，超过原合同金额\(wan(original))的\(percent)%"
        case .overBudget(let measure, let amount, let budget):
            let what = measure == .committed ? "合同承诺" : measure == .paid ? "已支付" : "中标金额"
            return "\(what)\(wan(amount))，超过预算\(wan(budget))"
        case .paidBeforeAcceptance(let stage, let kind, let condition, let paidOn, let acceptedOn):
            let due = "付款条件：\(kind.term.zh)" + (condition.map { "，\($0)" } ?? "")
            return (stage.isEmpty ? "未注明付款阶段，而合同各阶段均以验收为条件（\(due)），" : "付款阶段“\(stage)”（\(due)）") + "于\(paidOn)支付，"
                + (acceptedOn.map { "早于\($0)的验收合格" } ?? "没有验收合格的记录")
        case .acceptanceOverdue(let endsOn, let days, let limit):
            return "履约于\(endsOn)结束，已过\(days)日（期限\(limit)日），尚未全部验收"
        case .acceptedBeforeServiceEnded(let acceptedOn, let endsOn):
            return "验收日期\(acceptedOn)早于所验收服务的结束日期\(endsOn)"
        case .methodWithoutReason(let method):
            return "以\(self.method(method, .zh))方式采购（非公开招标），未载明采用该方式的原因"
        case .singleSourceNotPublicised(let amount, let from, let to, let workingDays, let limit):
            let period = workingDays.map { "公示期\(from ?? "")至\(to ?? "")，共\($0)个工作日" } ?? "没有公示记录"
            return "单一来源采购\(wan(amount))，达到公开招标数额：\(period)（不少于\(limit)个工作日）"
        case .vendorsConnected(let vendors, let tie, let value):
            let what = tie == .principal ? "负责人" : tie == .phone ? "联系电话" : "电子邮箱"
            return "参与同一采购竞争的供应商\(list(vendors, .zh))的\(what)相同：\(value)"
        case .incompleteAcceptance(let unsigned, let open, let noItems, let vendorNotSigned):
            var parts: [String] = []
            if !unsigned.isEmpty { parts.append("\(list(unsigned, .zh))未签字") }
            if vendorNotSigned { parts.append("供应商未签字") }
            if !open.isEmpty { parts.append("\(list(open, .zh))没有验收结果") }
            if noItems { parts.append("没有逐项验收内容") }
            return "验收书不完整：" + parts.joined(separator: "；")
        case .dutiesCombined(let person, let duty, let acceptance):
            return "\(person)是\(duty == .purchaseHandler ? "采购" : "合同")经办人，又是验收\(acceptance)的验收人员"
        case .selfApproved(let person):
            return "\(person)既是付款申请人又是审批人"
        case .paidOverContract(let paid, let amount):
            return "已支付\(wan(paid))，超过合同金额（含补充合同）\(wan(amount))"
        case .invoicesDifferFromPayments(let invoiced, let paid):
            return "发票合计\(wan(invoiced))，支付合计\(wan(paid))，两者不符"
        case .paidWithoutInvoice(let paidOn):
            return "于\(paidOn)支付，未对应任何发票"
        case .invoiceOfAnotherContract(let invoice, let vendor, let billed):
            return "所付发票\(invoice)（\(vendor)）" + (billed.map { "属于另一份合同\($0)" } ?? "未对应任何合同")
        case .invoicePaidTwice(let payments):
            return "同一发票被\(payments.count)笔支付重复支付：\(list(payments, .zh))"
        case .notBooked(let paidOn, let days, let limit, let reverses):
            return (reverses.map { "冲销\($0)的记录，" } ?? "") + "于\(paidOn)支付，已过\(days)日（期限\(limit)日），尚未入账"
        case .notCarded(let code):
            return "资本性支出（经济分类\(code)）的支付已入账，但没有固定资产卡片"
        case .assetNotBooked:
            return "资产卡片没有入账凭证"
        case .assetValueDiffers(let value, let booked):
            return "所入账的资产卡片价值合计\(wan(value))，入账金额\(wan(booked))，两者不符"
        case .assetValueDiffersFromInvoice(let value, let invoiced):
            return "所对应的资产卡片价值合计\(wan(value))，发票金额\(wan(invoiced))，两者不符"
        case .assetBookedBeforeAcceptance(let bookedOn, let acceptedOn):
            return "资产于\(bookedOn)入账，早于\(acceptedOn)的验收"
        case .loopOpen(let stage, let dueOn, let days, let limit, let due, let booked):
            return "按合同结束日期和付款阶段应付\(wan(due))，最早未入账部分于\(dueOn)到期，已过\(days)日（期限\(limit)日），仅入账\(wan(booked))，仍停在“\(stage.term.zh)”环节，闭环未完成"
        }
    }
}
