import DRCCore
import DRCDocuments
import Hummingbird

/// The manager's pages: totals, service levels, the 自评表 and budget execution. Each calls the
/// core function its command calls (`drc totals`, `drc sla`, `drc score`, `drc budget totals
/// --wan`), so the page's numbers are the command's; each table downloads as CSV (for Excel)
/// or an .xlsx workbook by adding `format=csv` or `format=xlsx` to the page's address.
extension WebApp {
    /// A page's table, or the same table as a download when the query asks for one.
    func tablePage(_ request: Request, _ viewer: Viewer, table: ResultTable, fileName: (zh: String, en: String),
                   page: () -> HTML) throws -> Response {
        switch request.uri.queryParameters.get("format") {
        case "csv":
            return Responses.bytes(try TableExport.csv(table, in: viewer.language), contentType: "text/csv; charset=utf-8",
                                   downloadName: viewer.say(fileName.zh, fileName.en) + ".csv")
        case "xlsx":
            return Responses.bytes(try TableExport.xlsx(table, in: viewer.language, sheetName: viewer.say(fileName.zh, fileName.en)),
                                   contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   downloadName: viewer.say(fileName.zh, fileName.en) + ".xlsx")
        case nil, "", "html":
            return Responses.page(page())
        case let other?:
            throw WebFailure(status: .badRequest, error: .invalid(field: "format", value: NumberParameter.shown(other),
                                                                   reason: .notOneOf([Term(zh: "csv", en: "csv"), Term(zh: "xlsx", en: "xlsx")])))
        }
    }

    /// The download links of a page: its own query with `format=` added.
    static func downloads(_ viewer: Viewer, path: String, query: [(String, String)]) -> HTML {
        let base = path + "?" + (query.map { "\($0.0)=\($0.1.queryEncoded)" } + [""]).joined(separator: "&")
        return """
            <p class="downloads"><a class="button secondary" href="\(base + "format=csv")" download>\(viewer.say("下载 CSV（Excel）", "Download CSV (Excel)"))</a>
            <a class="button secondary" href="\(base + "format=xlsx")" download>\(viewer.say("下载 Excel 工作簿（.xlsx）", "Download an Excel workbook (.xlsx)"))</a></p>
            """
    }

    /// A `<select>` of a filter form, labelled, with "all" (or a first choice) and the chosen value kept.
    static func select(_ viewer: Viewer, name: String, label: String, options: [(value: String, text: String)], chosen: String?,
                       empty: String? = nil, className: String? = nil) -> HTML {
        let id = "q-" + name
        let first: HTML = empty.map { "<option value=\"\">\($0)</option>" } ?? ""
        let classAttribute: HTML = className.map { " class=\"\($0)\"" } ?? ""
        return """
            <label for="\(id)">\(label)<select id="\(id)" name="\(name)"\(classAttribute)>\(first)\(options.html { option -> HTML in
                "<option value=\"\(option.value)\"\(option.value == chosen ? HTML(" selected") : "")>\(option.text)</option>" })</select></label>
            """
    }

    /// A choice read from the query that must be one of a fixed set; nil when absent or empty.
    static func choice<C: RawRepresentable & CaseIterable>(_ query: Parameters, _ name: String, as _: C.Type,
                                                            term: (C) -> Term) throws -> C? where C.RawValue == String {
        guard let text = query.get(name), !text.isEmpty else { return nil }
        guard let value = C(rawValue: text) else {
            throw WebFailure(status: .badRequest, error: .invalid(field: name, value: NumberParameter.shown(text),
                                                                   reason: .notOneOf(C.allCases.map(term))))
        }
        return value
    }

    /// The year a page shows: the one asked for, else the latest with records, else this year.
    func pageYear(_ query: Parameters) async throws -> (year: Int64, years: [Int64]) {
        let asked = try NumberParameter.year.read(query)
        let (years, now) = try await service.read { store in (try PickLists.reportYears(store), store.clock.now().stamp) }
        let year = asked ?? years.first ?? Int64(now.prefix(4)) ?? 2020
        return (year, years.contains(year) ? years : (years + [year]).sorted(by: >))
    }

    // MARK: Totals

    func totalsPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let query = request.uri.queryParameters
        let (year, years) = try await pageYear(query)
        let compare = try NumberParameter(name: "compare", range: 1000...9999).read(query)
        let first = try Self.choice(query, "by", as: WorkOrderTotals.Dimension.self) { $0.term } ?? .vendor
        var dimensions = [first]
        if let second = try Self.choice(query, "by2", as: WorkOrderTotals.Dimension.self, term: { $0.term }), second != first {
            dimensions.append(second)
        }
        let status = try Self.choice(query, "status", as: WorkOrderStatus.self) { $0.term }
        let sort = query.get("sort") == "count"
        let includeCancelled = query.get("cancelled") == "yes"
        var names: [String: String] = [:]
        for name in ["vendor", "category", "unit", "project"] {
            if let value = query.get(name)?.trimmingCharacters(in: " "), !value.isEmpty { names[name] = value }
        }
        let chosenYears = Array(Set([year] + (compare.map { [$0] } ?? []))).sorted()
        let givenNames = names
        let wanted = dimensions
        let (table, choices) = try await service.read { store in
            var totals = WorkOrderTotals.Query(years: chosenYears, dimensions: wanted)
            func resolve(_ kind: RecordKind) throws -> Int64? {
                try givenNames[kind.id.rawValue].map { try store.resolve($0, to: kind) }
            }
            totals.vendorID = try resolve(.vendor)
            totals.categoryID = try resolve(.category)
            totals.unitID = try resolve(.unit)
            totals.projectID = try resolve(.project)
            totals.status = status?.rawValue
            totals.includeCancelled = includeCancelled
            totals.sortByCount = sort
            return (try WorkOrderTotals.compute(store.db, totals), try EntryChoices.read(store))
        }
        var kept: [(String, String)] = [("year", String(year))]
        if let compare { kept.append(("compare", String(compare))) }
        kept.append(("by", first.rawValue))
        if dimensions.count > 1 { kept.append(("by2", dimensions[1].rawValue)) }
        for (name, value) in names.sorted(by: { $0.key < $1.key }) { kept.append((name, value)) }
        if let status { kept.append(("status", status.rawValue)) }
        if sort { kept.append(("sort", "count")) }
        if includeCancelled { kept.append(("cancelled", "yes")) }
        let dimensionOptions = WorkOrderTotals.Dimension.allCases.map { (value: $0.rawValue, text: viewer.word($0.term)) }
        let yearOptions = years.map { (value: String($0), text: String($0)) }
        func namesOf(_ field: String) -> [(value: String, text: String)] { (choices.lists[field] ?? []).map { ($0, $0) } }
        let all = viewer.say("全部", "all")
        let cancelledBox: HTML = includeCancelled ? " checked" : ""
        let form: HTML = """
            <form method="get" action="/totals" class="filters wrap" aria-label="\(viewer.say("统计条件", "What to count"))">
            \(Self.select(viewer, name: "year", label: viewer.say("年度", "Year"), options: yearOptions, chosen: String(year), className: "year"))
            \(Self.select(viewer, name: "compare", label: viewer.say("对比年度", "Beside"), options: yearOptions, chosen: compare.map(String.init), empty: "—", className: "year"))
            \(Self.select(viewer, name: "by", label: viewer.say("统计维度", "By"), options: dimensionOptions, chosen: first.rawValue))
            \(Self.select(viewer, name: "by2", label: viewer.say("第二维度", "Then by"), options: dimensionOptions, chosen: dimensions.count > 1 ? dimensions[1].rawValue : nil, empty: "—"))
            \(Self.select(viewer, name: "vendor", label: viewer.say("供应商", "Vendor"), options: namesOf("vendor"), chosen: names["vendor"], empty: all))
            \(Self.select(viewer, name: "category", label: viewer.say("服务类别", "Category"), options: namesOf("category"), chosen: names["category"], empty: all))
            \(Self.select(viewer, name: "unit", label: viewer.say("报修单位", "Unit"), options: namesOf("unit"), chosen: names["unit"], empty: all))
            \(Self.select(viewer, name: "project", label: viewer.say("项目", "Project"), options: namesOf("project"), chosen: names["project"], empty: all))
            \(Self.select(viewer, name: "status", label: viewer.say("状态", "Status"), options: WorkOrderStatus.allCases.map { ($0.rawValue, viewer.word($0.term)) }, chosen: status?.rawValue, empty: all))
            \(Self.select(viewer, name: "sort", label: viewer.say("排序", "Order"), options: [("name", viewer.say("按名称", "by name")), ("count", viewer.say("按数量", "by count"))], chosen: sort ? "count" : "name"))
            <label class="check" for="q-cancelled"><input type="checkbox" id="q-cancelled" name="cancelled" value="yes"\(cancelledBox)>\(viewer.say("含已取消", "with cancelled"))</label>
            <button type="submit">\(viewer.say("统计", "Count"))</button></form>
            """
        let title = viewer.say("工单统计", "Order totals")
        return try tablePage(request, viewer, table: table, fileName: ("工单统计", "order-totals")) {
            let body: HTML = """
                <h1>\(title)</h1>\(form)
                <p class="note">\(viewer.say("与命令 drc totals 的结果相同；已取消的工单不计入，除非勾选“含已取消”或选定状态。",
                                             "The same as drc totals; cancelled orders are left out unless \"with cancelled\" or a status is chosen."))</p>
                \(Self.downloads(viewer, path: "/totals", query: kept))
                <div class="charts">\(Charts.bars(ReportFigures.totals(table, dimensions: dimensions.count, years: chosenYears), in: viewer.language))</div>
                <div id="totals-table">\(Layout.table(table, viewer))</div>
                """
            return Layout.page(viewer, title: title, body: body)
        }
    }

    // MARK: Service levels

    func slaPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let query = request.uri.queryParameters
        let (year, years) = try await pageYear(query)
        let vendor = query.get("vendor").flatMap { $0.isEmpty ? nil : $0 }
        let detail = query.get("detail") == "yes"
        let (table, vendors) = try await service.read { store in
            let vendorID = try vendor.map { try store.resolve($0, to: .vendor) }
            let assessment = try ServiceAssessment(store.db, year: year, vendorID: vendorID)
            return (detail ? assessment.breachTable() : assessment.table(), try EntryChoices.read(store).lists["vendor"] ?? [])
        }
        var kept: [(String, String)] = [("year", String(year))]
        if let vendor { kept.append(("vendor", vendor)) }
        if detail { kept.append(("detail", "yes")) }
        let detailBox: HTML = detail ? " checked" : ""
        let title = viewer.say("服务级别考核", "Service levels")
        let form: HTML = """
            <form method="get" action="/sla" class="filters" aria-label="\(viewer.say("考核条件", "Which assessment"))">
            \(Self.select(viewer, name: "year", label: viewer.say("年度", "Year"), options: years.map { (String($0), String($0)) }, chosen: String(year), className: "year"))
            \(Self.select(viewer, name: "vendor", label: viewer.say("供应商", "Vendor"), options: vendors.map { ($0, $0) }, chosen: vendor, empty: viewer.say("全部", "all")))
            <label class="check" for="q-detail"><input type="checkbox" id="q-detail" name="detail" value="yes"\(detailBox)>\(viewer.say("列出每次超时", "every breach"))</label>
            <button type="submit">\(viewer.say("查看", "Show"))</button></form>
            """
        return try tablePage(request, viewer, table: table, fileName: ("服务级别考核", "service-levels")) {
            Layout.page(viewer, title: title, body: """
                <h1>\(title)</h1>\(form)
                <p class="note">\(viewer.say("各供应商每月得分：100 分减去各次超时的扣分，最低 0 分；与命令 drc sla 的结果相同。",
                                             "Each vendor's monthly score: 100 points less the deductions for breaches, at least 0; the same as drc sla."))</p>
                \(Self.downloads(viewer, path: "/sla", query: kept))
                <div id="sla-table">\(Layout.table(table, viewer))</div>
                """)
        }
    }

    // MARK: Scoring

    func scorePage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let query = request.uri.queryParameters
        let (year, years) = try await pageYear(query)
        let projectID = try NumberParameter.id("project").read(query)
        let unitID = try NumberParameter.id("unit").read(query)
        if projectID != nil && unitID != nil {
            throw WebFailure(status: .badRequest, error: .invalid(field: "unit", value: String(unitID!), reason: .notOneOf([])))
        }
        let (all, chosen) = try await service.read { store in
            // A project or unit that does not exist is not found (404); one without a sheet that year is said so.
            if let projectID { _ = try RecordRepository(store: store, kind: .project, actor: "").show(projectID) }
            if let unitID { _ = try RecordRepository(store: store, kind: .unit, actor: "").show(unitID) }
            let all = try SelfEvaluation(store.db, year: year)
            let chosen = projectID == nil && unitID == nil ? nil : try SelfEvaluation(store.db, year: year, projectID: projectID, unitID: unitID)
            return (all, chosen)
        }
        let table: ResultTable
        var kept: [(String, String)] = [("year", String(year))]
        var heading = viewer.say("\(year) 年各自评表", "The \(year) sheets")
        if let chosen {
            guard let set = chosen.sets.first else { throw DRCError.nothingToScore(year: year) }
            table = SelfEvaluationTable.sheet(set)
            heading = set.name
            if let projectID { kept.append(("project", String(projectID))) }
            if let unitID { kept.append(("unit", String(unitID))) }
        } else {
            table = SelfEvaluationTable.summary(all)
        }
        let sheets = all.sets.html { set -> HTML in
            let target = set.projectID.map { "project=\($0)" } ?? set.unitID.map { "unit=\($0)" } ?? ""
            let grade: HTML = set.grade.map { " <span class=\"grade\">\(viewer.word(SelfEvaluationTable.term($0)))</span>" } ?? ""
            return "<li><a href=\"/score?year=\(year)&amp;\(target)\">\(set.name)</a>\(grade)</li>"
        }
        let title = viewer.say("绩效自评", "Self-evaluation")
        let form: HTML = """
            <form method="get" action="/score" class="filters" aria-label="\(viewer.say("年度", "Year"))">
            \(Self.select(viewer, name: "year", label: viewer.say("年度", "Year"), options: years.map { (String($0), String($0)) }, chosen: String(year), className: "year"))
            <button type="submit">\(viewer.say("查看", "Show"))</button></form>
            """
        return try tablePage(request, viewer, table: table, fileName: ("绩效自评表", "self-evaluation")) {
            Layout.page(viewer, title: title, body: """
                <h1>\(title)</h1>\(form)
                <nav aria-label="\(viewer.say("自评表", "Sheets"))"><ul class="sheets"><li><a href="/score?year=\(year)">\(viewer.say("全部自评表总分", "Every sheet's total"))</a></li>\(sheets)</ul></nav>
                <h2>\(heading)</h2>
                <p class="note">\(viewer.say("等级：优 ≥ 90，良 80–89，中 60–79，差 < 60；与命令 drc score 的结果相同。",
                                             "Grades: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60; the same as drc score."))</p>
                \(Self.downloads(viewer, path: "/score", query: kept))
                <div id="score-table">\(Layout.table(table, viewer))</div>
                """)
        }
    }

    // MARK: Budget

    func budgetPage(_ request: Request, _ context: RoomContext<Reports>) async throws -> Response {
        let viewer = context.viewer
        let query = request.uri.queryParameters
        let (year, years) = try await pageYear(query)
        let first = try Self.choice(query, "by", as: BudgetTotals.Dimension.self) { $0.term } ?? .kind
        var dimensions = [first]
        if let second = try Self.choice(query, "by2", as: BudgetTotals.Dimension.self, term: { $0.term }), second != first {
            dimensions.append(second)
        }
        let wanted = dimensions
        let (table, figure) = try await service.read { store in
            (try BudgetTotals.compute(store.db, year: year, by: wanted, amountsInWan: true),
             try ReportFigures.budgetExecution(store.db, year: year))
        }
        var kept: [(String, String)] = [("year", String(year)), ("by", first.rawValue)]
        if dimensions.count > 1 { kept.append(("by2", dimensions[1].rawValue)) }
        let options = BudgetTotals.Dimension.allCases.map { (value: $0.rawValue, text: viewer.word($0.term)) }
        let title = viewer.say("预算执行", "Budget execution")
        let form: HTML = """
            <form method="get" action="/budget" class="filters" aria-label="\(viewer.say("汇总条件", "How to total"))">
            \(Self.select(viewer, name: "year", label: viewer.say("年度", "Year"), options: years.map { (String($0), String($0)) }, chosen: String(year), className: "year"))
            \(Self.select(viewer, name: "by", label: viewer.say("汇总维度", "By"), options: options, chosen: first.rawValue))
            \(Self.select(viewer, name: "by2", label: viewer.say("第二维度", "Then by"), options: options, chosen: dimensions.count > 1 ? dimensions[1].rawValue : nil, empty: "—"))
            <button type="submit">\(viewer.say("汇总", "Total"))</button></form>
            """
        return try tablePage(request, viewer, table: table, fileName: ("预算执行", "budget-execution")) {
            Layout.page(viewer, title: title, body: """
                <h1>\(title)</h1>\(form)
                <p class="note">\(viewer.say("金额单位：万元。执行率 = 全年执行数 ÷ 全年预算数；与命令 drc budget totals --wan 的结果相同。",
                                             "Amounts in 万元 (10,000 yuan). Execution rate = spent ÷ adjusted budget; the same as drc budget totals --wan."))</p>
                \(Self.downloads(viewer, path: "/budget", query: kept))
                <div class="charts">\(Charts.bars(figure, in: viewer.language))</div>
                <div id="budget-table">\(Layout.table(table, viewer))</div>
                """)
        }
    }
}
