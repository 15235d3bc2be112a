import SQLiteDB

/// The year's performance evaluation (部门整体支出绩效评价报告), regenerated from the
/// records in Chinese, section by section as the report itself is written: every figure in it
/// is read from the database, amounts in 万元. It is built as a `ReportDocument` (headings,
/// paragraphs, tables, figures), which DRCDocuments renders as Markdown, HTML or Word.
public struct EvaluationReport {
    let db: Connection
    let year: Int64
    let unitID: Int64
    /// The day the loop's ages are counted to (a `DayNumber`); nil leaves the rules that count
    /// days to today out.
    var asOf: Int64?

    /// The report of `unitID`, or of the unit the year's budget, findings and indicators belong to.
    public init(db: Connection, year: Int64, unitID: Int64? = nil, asOf: Int64? = nil) throws {
        self.db = db
        self.asOf = asOf
        self.year = year
        if let unitID {
            self.unitID = unitID
        } else if let found = try db.scalar("""
            SELECT unit_id FROM (SELECT unit_id FROM budget_line WHERE year = ?1 UNION ALL SELECT unit_id FROM finding WHERE year = ?1
            UNION ALL SELECT p.unit_id FROM indicator AS i JOIN project AS p ON p.id = i.project_id WHERE i.year = ?1)
            WHERE unit_id IS NOT NULL GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1
            """, year)?.int64 {
            self.unitID = found
        } else {
            throw DRCError.nothingToReport(year: year)
        }
    }

    /// The report; `describe` says a `check` finding in Chinese for its 数据说明 (the core
    /// finds them as facts, and builds no sentences of them). The outline is the 2020 report's:
    /// 一 to 七 in its order, then the evaluation's conclusion (八、评价结论) when the year's
    /// indicators are scored; then the annexes named (附件：…), the closing 落款 (the unit and
    /// `signedOn`, a `DayNumber`), and the annexes themselves: the 自评表, the procurement
    /// internal control, the service levels, and last the data notes.
    public func document(signedOn: Int64, describing describe: (Reconciliation.Finding) -> String) throws -> ReportDocument {
        guard let unit = try db.rows("SELECT * FROM unit WHERE id = ?", unitID).first else {
            throw DRCError.notFound(kind: .unit, reference: "#\(unitID)")
        }
        let name = unit.string("name") ?? ""
        var report = ReportDocument(title: "\(name)\(year)年度部门整体支出绩效评价报告")
        report.blocks += try overview(unit)
        report.blocks += try expenditure()
        report.blocks += section("三、部门项目组织实施情况", try FindingLog.texts(db, year: year, section: "organisation"))
        // 四 from the asset register and the last inventory, after what was written of the year.
        report.blocks += [.heading(level: 2, text: "四、资产管理情况")]
            + (try AssetSection(db: db, year: year).blocks(after: try FindingLog.texts(db, year: year, section: "assets")))
        report.blocks += try performance()
        report.blocks += section("六、存在的主要问题", try FindingLog.texts(db, year: year, section: "problem"))
        report.blocks += section("七、改进措施和有关建议", try FindingLog.texts(db, year: year, section: "recommendation"))
        let sets = try SelfEvaluation(db, year: year).sets.filter(\.isWeighted)
        report.blocks += conclusion(sets, unitName: name)

        var annexes: [(title: String, blocks: [ReportDocument.Block])] = []
        let sheets = selfEvaluation(sets)
        if !sheets.isEmpty { annexes.append(("部门整体支出绩效自评表", sheets)) }
        let procurement = try ProcurementControlSection(db: db, year: year, asOf: asOf).blocks(describing: describe)
        if !procurement.isEmpty { annexes.append(("政府采购内部控制情况", procurement)) }
        let service = try ServiceLevelSection(db: db, year: year).blocks()
        if !service.isEmpty { annexes.append(("运维服务级别情况", service)) }
        annexes.append(("数据说明", try dataNotes(describe)))

        report.blocks.append(.annexList(annexes.map(\.title)))
        report.blocks.append(.signature(unit: name, date: Self.date(signedOn)))
        for (index, annex) in annexes.enumerated() {
            report.blocks.append(.annex(number: index + 1, title: annex.title))
            report.blocks += annex.blocks
        }
        return report
    }

    /// 2021年3月31日, as a document's date is written (Arabic numerals, no leading zeros).
    static func date(_ day: Int64) -> String {
        let civil = DayNumber.civil(day)
        return "\(civil.year)年\(civil.month)月\(civil.day)日"
    }

    /// 八、评价结论: each scored set's 总分 and 等级, as `drc score` gives them; the department's
    /// own set first. Nothing when no set is weighted.
    private func conclusion(_ sets: [SelfEvaluation.Set], unitName: String) -> [ReportDocument.Block] {
        guard !sets.isEmpty else { return [] }
        let ordered = sets.filter { $0.projectID == nil } + sets.filter { $0.projectID != nil }
        let sentences = ordered.map { set -> String in
            let subject = set.projectID == nil ? "\(unitName)部门整体" : set.name
            if let total = set.total, let grade = set.grade {
                return "\(subject)自评总分\(SelfEvaluationTable.prefix(set.totalBound))\(total.text)分，等级为“\(SelfEvaluationTable.term(grade).zh)”。"
            } else if set.unscored > 0 {
                return "\(subject)有\(set.unscored)项指标尚未评分，总分未定。"
            } else if let weight = set.weightTotal {
                return "\(subject)各指标分值合计\(weight.text)，不是100，不评等级。"
            }
            return "\(subject)总分未定。"
        }
        return [.heading(level: 2, text: "八、评价结论"),
                .paragraph("根据绩效自评表（见附件1），按各指标分值和评分规则计分：" + sentences.joined())]
    }

    // MARK: Sections

    private func overview(_ unit: Row) throws -> [ReportDocument.Block] {
        let name = unit.string("name") ?? ""
        var blocks: [ReportDocument.Block] = [.heading(level: 2, text: "一、部门概况")]
        var text = "（一）\(name)"
        if let short = unit.string("short_name") { text += "（以下简称\(short)）" }
        if let description = unit.string("description") { text += "是\(description)" }
        let offices = try db.rows("SELECT name FROM unit WHERE parent_id = ? ORDER BY id", unitID).compactMap { $0.string("name") }
        if !offices.isEmpty { text += "，内设机构有\(Self.list(offices))" }
        if let posts = unit.int64("authorised_posts") { text += "，核定全额拨款事业编制\(posts)名" }
        if let staff = unit.int64("staff_in_post") { text += "，实际在职人员\(staff)名" }
        // The duties go on the same sentence, as the report writes it: "…实际在职人员5名，主要职能是…".
        let duties = try FindingLog.texts(db, year: year, section: "duties")
        text += duties.isEmpty ? "。" : "，" + duties.joined()
        blocks.append(.paragraph(text))
        let roots = try rootLines()
        // One figure per kind: two project lines are one 项目支出, their sum (unknown if either is).
        var kinds: [String] = []
        for line in roots where line.kind != "sangong" && !kinds.contains(line.kind) { kinds.append(line.kind) }
        let spending = try kinds.compactMap { kind -> String? in
            guard let total = try MoneySum.totalIfKnown(roots.filter { $0.kind == kind }.map(\.final), year: year) else { return nil }
            return "\(BudgetKind.label(kind))\(Self.wan(total))万元"
        }
        if !spending.isEmpty {
            // What the spending covers (涉及…) is the report's words, kept as a `scope` finding.
            let scope = try FindingLog.texts(db, year: year, section: "scope")
            blocks.append(.paragraph("（二）\(year)年部门\(spending.joined(separator: "，"))" + (scope.isEmpty ? "。" : "，" + scope.joined())))
        }
        return blocks
    }

    private func expenditure() throws -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading(level: 2, text: "二、部门整体支出管理及使用情况")]
        let lines = try BudgetTotals.lines(db, year: year)
        let children = Dictionary(grouping: lines.filter { $0.parentID != nil }) { $0.parentID! }
        let roots = lines.filter { $0.parentID == nil }
        for root in roots {
            let parts = children[root.id] ?? []
            // A kind of several lines names each: "项目支出中示例网络运维费76万元".
            let several = roots.filter { $0.kind == root.kind }.count > 1
            let label = root.kind == "sangong" ? "“三公”经费" : BudgetKind.label(root.kind) + (several ? "中\(root.name)" : "")
            var paragraph = "\(year)年度"
            // The funding source (一般公共预算财政拨款) is kept as the line's note.
            if let note = root.note, root.kind != "sangong" { paragraph += note }
            if root.kind == "sangong" {
                // "2020年度“三公”经费财政拨款支出决算中，支出预算为0万元，支出决算为0万元。无因公出国（境）费支出预算与决算；…"
                // A part with nothing budgeted or spent is said in its note's words when it has one.
                paragraph += "\(root.note ?? label)决算中，支出预算为\(Self.amount(root.budget))，支出决算为\(Self.amount(root.final))。"
                if !parts.isEmpty {
                    paragraph += parts.map { part in
                        if part.budget == 0, part.final == 0, let note = part.note { return note }
                        return "\(part.name)预算\(Self.amount(part.budget))、决算\(Self.amount(part.final))"
                    }.joined(separator: "；") + "。"
                }
            } else {
                paragraph += "\(label)\(Self.amount(root.final))"
                if !parts.isEmpty {
                    paragraph += "，其中" + parts.map { "\($0.name)\(Self.amount($0.final))" }.joined(separator: "，")
                }
                paragraph += "。"
                let itemised = try MoneySum.totalIfKnown(parts.map(\.final), year: year)
                if let itemised, let whole = root.final, !parts.isEmpty {
                    if whole == itemised {
                        paragraph += "以上分项合计\(Self.wan(itemised))万元，与总额一致。"
                    } else {
                        let rest = try MoneySum.difference(whole, minus: itemised, year: year)
                        paragraph += "以上列明\(Self.wan(itemised))万元，另有\(Self.wan(rest))万元未列明明细。"
                    }
                }
            }
            blocks.append(.paragraph(paragraph))
        }
        let table = try BudgetTotals.compute(db, year: year, by: [.kind], amountsInWan: true)
        if !table.rows.isEmpty {
            var shown = DocumentTable(headings: ["支出", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率", "其中列明", "未列明", "明细"],
                                      alignments: [.leading, .trailing, .trailing, .trailing, .trailing, .trailing, .trailing, .leading])
            // Columns of `BudgetTotals` by kind: kind, name, budget, adjusted, adjusted_from,
            // final, rate, itemised_final, not_itemised_final, breakdown.
            let rate = { (cell: ResultTable.Cell) in cell == .null ? "未知" : cell.text + "%" }
            for row in table.rows {
                let breakdown = ["complete": "完整", "partial": "部分", "none": "无"][row[9].text] ?? row[9].text
                shown.rows.append([row[1].text, Self.cell(row[2]), Self.cell(row[3]), Self.cell(row[5]), rate(row[6]),
                                   Self.cell(row[7]), Self.cell(row[8]), breakdown])
            }
            if let total = table.footer.first {
                shown.footer.append(["合计（基本支出+项目支出）", Self.cell(total[2]), Self.cell(total[3]), Self.cell(total[5]), rate(total[6]), "", "", ""])
            }
            blocks.append(.table(shown))
            // Where no adjustment is recorded the 全年预算数 is the 年初预算数: the table says so.
            if (table.rows + table.footer).contains(where: { $0[4].text != "adjusted" && $0[3] != .null }) {
                blocks.append(.paragraph("注：执行率＝全年执行数÷全年预算数；未录入预算调整的，全年预算数即年初预算数。"))
            }
            blocks.append(.figure(try ReportFigures.budgetExecution(db, year: year)))
        }
        return blocks
    }

    private func performance() throws -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading(level: 2, text: "五、部门整体支出绩效情况")]
        let projects = try db.rows("""
            SELECT DISTINCT p.id, p.name, p.description FROM project AS p
            WHERE p.unit_id = ?1 AND (EXISTS (SELECT 1 FROM indicator WHERE project_id = p.id AND year = ?2)
               OR EXISTS (SELECT 1 FROM work_order WHERE project_id = p.id AND year = ?2)
               OR EXISTS (SELECT 1 FROM finding WHERE project_id = p.id AND year = ?2 AND section = 'performance'))
            ORDER BY p.id
            """, unitID, year)
        for (index, project) in projects.enumerated() {
            let projectID = project.int64("id") ?? 0
            blocks.append(.heading(level: 3, text: "（\(Self.chineseNumber(index + 1))）\(project.string("name") ?? "")"))
            // The year's own words about the project, whole; the project's description only
            // when the year has none.
            let paragraphs = try FindingLog.texts(db, year: year, section: "performance", projectID: projectID)
            if !paragraphs.isEmpty {
                blocks += paragraphs.map { .paragraph($0) }
            } else if let description = project.string("description") {
                blocks.append(.paragraph(description))
            }
            blocks += try orderSentences(projectID: projectID).map { .paragraph($0) }
            let indicators = try indicatorLines(projectID: projectID)
            if !indicators.isEmpty { blocks.append(.list(indicators)) }
        }
        let unitParagraphs = try FindingLog.texts(db, year: year, section: "performance", projectID: nil)
        blocks += unitParagraphs.map { .paragraph($0) }
        let unitIndicators = try indicatorLines(projectID: nil)
        if !unitIndicators.isEmpty { blocks += [.heading(level: 3, text: "单位整体绩效指标"), .list(unitIndicators)] }
        let totals = try WorkOrderTotals.compute(db, year: year, by: [.vendor])
        if let total = totals.footer.first?.last?.text, total != "0" {
            let done = try db.scalar("SELECT count(*) FROM work_order WHERE year = ? AND status IN ('solved', 'closed')", year)?.int64 ?? 0
            blocks.append(.heading(level: 3, text: "供应商服务记录合计"))
            blocks.append(.paragraph(String(done) == total ? "\(year)年各供应商共提供服务\(total)次："
                                                           : "\(year)年各供应商共受理工单\(total)次，\(Self.doneClause(done))："))
            blocks.append(.table(DocumentTable(headings: ["供应商", String(done) == total ? "服务次数" : "工单数"], alignments: [.leading, .trailing],
                                               rows: totals.rows.map { [$0[0].text, $0[1].text] }, footer: [["合计", total]])))
            // The same counts drawn: by month (undated orders under 未知月份), by vendor × category.
            blocks.append(.figure(ReportFigures.ordersByMonth(try WorkOrderTotals.compute(db, year: year, by: [.month]))))
            blocks.append(.figure(ReportFigures.ordersByVendorAndCategory(try WorkOrderTotals.compute(db, year: year, by: [.vendor, .category]))))
        }
        return blocks
    }

    /// The 自评表 of each set whose indicators carry weights, as `drc score` gives it (the
    /// report's 附件1).
    private func selfEvaluation(_ sets: [SelfEvaluation.Set]) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = []
        for set in sets {
            let table = SelfEvaluationTable.sheet(set, amountsInWan: true)
            blocks.append(.heading(level: 3, text: set.name))
            // The cells as `drc score` shows them in Chinese; an unknown is an empty cell.
            let text = { (cell: ResultTable.Cell) in cell == .null ? "" : cell.text(in: .zh) }
            blocks.append(.table(DocumentTable(headings: table.headings.map { $0?.zh ?? "" },
                                               alignments: Self.sheetAlignments(table.headings.map { $0?.zh ?? "" }),
                                               rows: table.rows.map { $0.map(text) }, footer: table.footer.map { $0.map(text) })))
            if let total = set.total, let grade = set.grade {
                blocks.append(.paragraph("总分\(SelfEvaluationTable.prefix(set.totalBound))\(total.text)分，等级为“\(SelfEvaluationTable.term(grade).zh)”。"))
            } else if set.unscored > 0 {
                blocks.append(.paragraph("有\(set.unscored)项指标尚未评分，总分未定。"))
            } else if let weight = set.weightTotal {
                blocks.append(.paragraph("各指标分值合计\(weight.text)，不是100，不评等级。"))
            }
        }
        return blocks
    }

    /// The 自评表's points (分值, 得分) lined up on the right; its words and values as written.
    static func sheetAlignments(_ headings: [String]) -> [DocumentTable.Alignment] {
        headings.map { ["分值", "得分"].contains($0) ? .trailing : .leading }
    }

    /// "2020年湖南美音网络技术有限公司提供了1340次服务，其中服务器存储故障处理36次，…", from the orders.
    /// Only solved and closed orders are services given (完成); the others are said to be
    /// orders received (受理) and how many of them are done.
    private func orderSentences(projectID: Int64) throws -> [String] {
        let rows = try db.rows("""
            SELECT v.name AS vendor, c.name AS category, count(*) AS n,
                   sum(o.status IN ('solved', 'closed')) AS done FROM work_order AS o
            JOIN vendor AS v ON v.id = o.vendor_id JOIN category AS c ON c.id = o.category_id
            WHERE o.year = ? AND o.project_id = ? AND o.status <> 'cancelled'
            GROUP BY o.vendor_id, o.category_id ORDER BY o.vendor_id, o.category_id
            """, year, projectID)
        var sentences: [String] = []
        var byVendor: [(String, [(category: String, count: Int64, done: Int64)])] = []
        for row in rows {
            let vendor = row.string("vendor") ?? "", category = row.string("category") ?? ""
            if byVendor.last?.0 != vendor { byVendor.append((vendor, [])) }
            byVendor[byVendor.count - 1].1.append((category, row.int64("n") ?? 0, row.int64("done") ?? 0))
        }
        for (vendor, categories) in byVendor {
            let total = try CountSum.total(categories.map(\.count), year: year)
            let done = try CountSum.total(categories.map(\.done), year: year)
            if categories.count == 1 && done == total {
                sentences.append("\(year)年\(vendor)共计完成\(categories[0].category)\(total)次。")
            } else if categories.count == 1 {
                sentences.append("\(year)年\(vendor)共计受理\(categories[0].category)\(total)次，" + Self.doneClause(done) + "。")
            } else {
                let parts = categories.map { "\($0.category)\($0.count)次" }.joined(separator: "，")
                sentences.append(done == total ? "\(year)年\(vendor)提供了\(total)次服务，其中\(parts)。"
                                               : "\(year)年\(vendor)受理工单\(total)次，其中\(parts)；" + Self.doneClause(done) + "。")
            }
        }
        // The figures are drc's, counted from the orders, beside the report's own words.
        if !sentences.isEmpty { sentences[0] = "据工单记录，" + sentences[0] }
        return sentences
    }

    private func indicatorLines(projectID: Int64?) throws -> [String] {
        let rows = try db.rows("""
            SELECT name, level1, level2, actual, actual_bound, actual_text, measure, budget_execution FROM indicator
            WHERE year = ? AND (project_id = ? OR (? IS NULL AND project_id IS NULL AND unit_id = ?)) AND category_id IS NULL
            ORDER BY id
            """, [.integer(year), projectID.map { .integer($0) } ?? .null, projectID.map { .integer($0) } ?? .null, .integer(unitID)])
        return try rows.map { row -> String in
            // The source's own words first; the number is added where they do not show it, or
            // to make a bound explicit ("900多万条" is at least 9000000).
            var value = row.string("actual_text") ?? ""
            if row.int64("budget_execution") == 1 {
                // 预算执行率 is computed: the project's own lines, or the department's.
                value = try executionSentence(projectID: projectID)
            } else if let actual = row.string("actual") {
                let measure = row.string("measure") ?? ""
                let bound = row.string("actual_bound") ?? "exact"
                // Money in the report's unit, 万元: 3000000 元 is 300万元.
                let quantity = Money.quantity(actual, measure: measure, inWan: true)
                if bound != "exact" {
                    value += "（\(bound == "lower" ? "下限" : "上限")：\(quantity)）"
                } else if value.isEmpty {
                    value = quantity
                }
            }
            let level = [row.string("level1"), row.string("level2")].compactMap { $0 }.joined(separator: "·")
            return "\(row.string("name") ?? "")：\(value)（\(level)）"
        }
    }

    /// "98.83%（全年执行数118.6万元÷全年预算数120万元）", the 全年预算数 said to be the 年初预算数
    /// where no adjustment is recorded; what is unknown is said to be unknown.
    private func executionSentence(projectID: Int64?) throws -> String {
        let figures = try projectID.map { try BudgetExecution.project(db, year: year, projectID: $0) }
            ?? BudgetExecution.department(db, year: year, unitID: unitID)
        guard let figures else { return projectID == nil ? "未知（本单位无预算科目）" : "未知（无预算科目列明属于本项目）" }
        let annual = figures.basis == .initial ? "全年预算数（未调整，即年初预算数）" : "全年预算数"
        let arithmetic = "全年执行数\(Self.amount(figures.spent))÷\(annual)\(Self.amount(figures.annual))"
        guard let rate = figures.rateBasisPoints else { return "未知（\(arithmetic)）" }
        return "\(Ledger.percent(rate))%（\(arithmetic)）"
    }

    private func dataNotes(_ describe: (Reconciliation.Finding) -> String) throws -> [ReportDocument.Block] {
        // The loop's 疑点 are the procurement section's; the data notes are the rest.
        let findings = try Reconciliation.check(db, year: year).filter { $0.severity != .doubt }
        // How the report was made, first; no Latin letters in it, the program's name included.
        let made: ReportDocument.Block = .paragraph("本报告根据数据库中的记录生成，金额单位为万元。")
        guard !findings.isEmpty else { return [made, .paragraph("数据核对未发现需要说明的事项。")] }
        let items = findings.map { finding -> String in
            let label: String
            switch finding.severity {
            case .error: label = "错误"
            case .warning: label = "提示"
            case .note: label = "说明"
            case .doubt: label = "疑点"
            }
            return "【\(label)】\(describe(finding))"
        }
        return [made, .list(items)]
    }

    // MARK: Helpers

    private func rootLines() throws -> [BudgetTotals.Line] {
        try BudgetTotals.lines(db, year: year).filter { $0.parentID == nil }
    }

    /// A section of the report's fixed outline: kept, with its number, when the year has
    /// nothing for it, so that 六 is still 六 in a year without findings.
    private func section(_ title: String, _ paragraphs: [String]) -> [ReportDocument.Block] {
        [.heading(level: 2, text: title)] + (paragraphs.isEmpty ? [.paragraph("本年度无记录。")] : paragraphs.map { .paragraph($0) })
    }


    /// "其中已完成3次", or "均未完成" when none is solved or closed yet.
    static func doneClause(_ done: Int64) -> String {
        done == 0 ? "均未完成" : "其中已完成\(done)次"
    }

    /// An amount in the report's sentences as the report writes it: "9万元", "0万元", "113.03万元".
    static func amount(_ fen: Int64?) -> String {
        fen.map { "\(Self.wan($0))万元" } ?? "（未知）"
    }

    /// 万元 in the report's sentences, without trailing zeros as the report writes them:
    /// 900 fen is "0.09", 90000 is "0.9", 100000 is "1". Tables keep two decimals.
    static func wan(_ fen: Int64) -> String {
        var text = Money.wan(fen)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func cell(_ cell: ResultTable.Cell) -> String {
        cell == .null ? "未知" : cell.text
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: "、") + "和" + items[items.count - 1]
    }

    static func chineseNumber(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if number < 10 { return digits[number] }
        if number < 20 { return "十" + (number % 10 == 0 ? "" : digits[number % 10]) }
        return digits[number / 10] + "十" + (number % 10 == 0 ? "" : digits[number % 10])
    }
}
