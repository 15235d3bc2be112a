import ArgumentParser
import DRCCore

extension WorkOrderTotals.Dimension: ExpressibleByArgument {}
extension BudgetTotals.Dimension: ExpressibleByArgument {}

/// A choice that also has a name for people (`vendor` is 供应商), which a clerk may type instead.
protocol WordedChoice {
    var term: Term { get }
}

extension WorkOrderTotals.Dimension: WordedChoice {}
extension BudgetTotals.Dimension: WordedChoice {}

/// `--by a,b,c` (or `--by 供应商，月份`): a list of dimensions, each by its name or its Chinese
/// heading, checked against its choices and named once (a repeated one would repeat a column
/// and a JSON key).
func parseDimensions<D: RawRepresentable & CaseIterable & Equatable>(_ text: String?, as _: D.Type, option: String = "--by") throws -> [D] where D.RawValue == String {
    guard let text else { return [] }
    var dimensions: [D] = []
    for part in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
        let name = part.trimmingCharacters(in: " ")
        let choices = D.allCases.map { choice in
            (choice as? WordedChoice).map { Speech.say("\(choice.rawValue)（\($0.term.zh)）", choice.rawValue) } ?? choice.rawValue
        }.joined(separator: Speech.say("、", ", "))
        guard let dimension = D(rawValue: name) ?? D.allCases.first(where: { ($0 as? WordedChoice)?.term.zh == name }) else {
            throw ValidationError(Speech.say("\(option)：“\(name)”不是可选项，可选：\(choices)",
                                             "\(option): \"\(name)\" is not one of: \(choices)"))
        }
        guard !dimensions.contains(dimension) else {
            throw ValidationError(Speech.say("\(option)：“\(name)”给了不止一次；每项只写一次",
                                             "\(option): \"\(name)\" is given more than once; name each dimension once"))
        }
        dimensions.append(dimension)
    }
    return dimensions
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension Drc {
    struct Totals: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("按供应商、服务类别、项目、报修单位、月份或状态统计工单数；可筛选、排名，可多年对比。",
                                     "Count work orders by vendor, category, project, unit, month or status; filtered, ranked, or years side by side."),
                discussion: Speech.say("""
                    没有报修时间的工单计入“未知月份”；给出 --from/--to 时不计入（日期未知，不猜）。已取消的工单不计入，除非给出 --include-cancelled 或 --status。                    --year 2019-2021 或 2019,2021 按年并列，并给出首末年的增减和增减率。--sort count 按数量从多到少排名（多年时按最后一年），--top N 只显示前 N 项，合计仍为全部。
                    """, """
                    Orders without an opened date count under "unknown month", and fall outside --from/--to (their date is unknown, not guessed).                     Cancelled orders are left out unless --include-cancelled or --status is given. --year 2019-2021 or 2019,2021 shows the years side by side,                     with the change from the first to the last. --sort count ranks by count, largest first (the last year's, for several years);                     --top N shows the first N, the total still counting all.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("年度：2020，或多年 2019-2021、2019,2021。", "The year: 2020, or several: 2019-2021, 2019,2021.")))
        var year: String
        @Option(help: ArgumentHelp(Speech.say("统计维度，逗号分隔：vendor（供应商）、category（服务类别）、project（项目）、unit（报修单位）、month（月份）、status（状态）；默认 vendor。",
                                              "Dimensions, comma-separated: vendor, category, project, unit, month, status (default: vendor).")))
        var by: String?
        @Option(help: ArgumentHelp(Speech.say("只统计该供应商的工单。", "Only this vendor's orders."))) var vendor: String?
        @Option(help: ArgumentHelp(Speech.say("只统计该服务类别的工单。", "Only orders of this category."))) var category: String?
        @Option(help: ArgumentHelp(Speech.say("只统计该报修单位的工单。", "Only orders of this unit."))) var unit: String?
        @Option(help: ArgumentHelp(Speech.say("只统计该项目的工单。", "Only orders of this project."))) var project: String?
        @Option(help: ArgumentHelp(Speech.say("只统计该状态的工单（new、assigned … 或 新建、已关闭 …）。", "Only orders in this status (new, assigned … or 新建, 已关闭 …)."))) var status: String?
        @Option(help: ArgumentHelp(Speech.say("报修日期不早于该日（2021-03-01）。", "Opened on or after this day (2021-03-01)."))) var from: String?
        @Option(help: ArgumentHelp(Speech.say("报修日期不晚于该日。", "Opened on or before this day."))) var to: String?
        @Option(help: ArgumentHelp(Speech.say("排序：count（按数量排名）或 name（默认，按维度顺序）。", "Order: count (ranked, largest first) or name (default, the dimensions' order).")))
        var sort: String?
        @Option(help: ArgumentHelp(Speech.say("只显示前 N 项。", "Show only the first N."))) var top: Int?
        @Flag(help: ArgumentHelp(Speech.say("已取消的工单也计入。", "Count cancelled orders too."))) var includeCancelled = false
        @Option(help: ArgumentHelp(Speech.say(
            "服务级别，逗号分隔：count（工单数）、response（响应）、arrival（到场）、fix（修复）各给出已知/未知数、平均、中位数和90分位（分钟），sla 给出各项达标数、考核数、及时率和未考核数（到场另列远程处理数，与缺到场时间的分开）。只限一个年度。",
            "Service levels, comma-separated: count; response, arrival, fix give minutes known/unknown, mean, median and p90; sla gives each measure's met, measured, rate and unmeasured (for arrival, remote fixes apart from missing arrival times). One year only.")))
        var measure: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try parseDimensions(by, as: WorkOrderTotals.Dimension.self)
            _ = try Self.years(year)
            if let sort, !["count", "name"].contains(sort) {
                throw ValidationError(Speech.say("--sort：“\(sort)”不是可选项，可选：count、name", "--sort: \"\(sort)\" is not one of: count, name"))
            }
            _ = try status.map(Self.status)
            _ = try from.map { try Self.day($0, option: "--from") }
            _ = try to.map { try Self.day($0, option: "--to") }
            if let top, top < 1 {
                throw ValidationError(Speech.say("--top 须为正整数，而不是 \(top)", "--top must be a positive whole number, not \(top)"))
            }
            if let measure {
                _ = try parseDimensions(measure, as: ServiceLevelTotals.Figure.self, option: "--measure")
                if try Self.years(year).count > 1 {
                    throw ValidationError(Speech.say("--measure 只限一个年度，而不是 \(year)", "--measure takes one year, not \(year)"))
                }
            }
        }

        func run() throws {
            let store = try root.global.openStore(readOnly: true)
            var query = WorkOrderTotals.Query(years: try Self.years(year), dimensions: try parseDimensions(by, as: WorkOrderTotals.Dimension.self))
            query.vendorID = try vendor.map { try store.resolve($0, to: .vendor) }
            query.categoryID = try category.map { try store.resolve($0, to: .category) }
            query.unitID = try unit.map { try store.resolve($0, to: .unit) }
            query.projectID = try project.map { try store.resolve($0, to: .project) }
            query.status = try status.map(Self.status)
            query.from = try from.map { try Self.day($0, option: "--from") }
            query.to = try to.map { try Self.day($0, option: "--to") }
            query.includeCancelled = includeCancelled
            query.sortByCount = sort == "count"
            query.top = top
            if let measure {
                output.print(try ServiceLevelTotals.compute(store.db, query, figures: try parseDimensions(measure, as: ServiceLevelTotals.Figure.self, option: "--measure")))
            } else {
                output.print(try WorkOrderTotals.compute(store.db, query))
            }
        }

        /// `2020`, `2019-2021` or `2019,2021`: at most ten years, each once, in order.
        static func years(_ text: String) throws -> [Int64] {
            let bad = ValidationError(Speech.say("--year：“\(text)”不是年度；写 2020、2019-2021 或 2019,2021",
                                                 "--year: \"\(text)\" is not a year; write 2020, 2019-2021 or 2019,2021"))
            func year(_ part: Substring) throws -> Int64 {
                let digits = part.trimmingCharacters(in: " ")
                guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int64(digits), (1949...2999).contains(value) else { throw bad }
                return value
            }
            var years: [Int64]
            let range = text.split(separator: "-", omittingEmptySubsequences: false)
            if range.count == 2 {
                let first = try year(range[0]), last = try year(range[1])
                guard first < last else { throw bad }
                years = Array(first...last)
            } else if range.count == 1 {
                years = try text.split(separator: ",", omittingEmptySubsequences: false).map(year)
            } else {
                throw bad
            }
            guard years.count <= 10 else {
                throw ValidationError(Speech.say("--year：最多并列 10 个年度", "--year: at most ten years side by side"))
            }
            guard years == years.sorted(), Set(years).count == years.count else { throw bad }
            return years
        }

        static func status(_ text: String) throws -> String {
            if let status = WorkOrderStatus.allCases.first(where: { $0.rawValue == text || $0.label == text }) { return status.rawValue }
            let choices = WorkOrderStatus.allCases.map { Speech.say($0.label, $0.rawValue) }.joined(separator: Speech.say("、", ", "))
            throw ValidationError(Speech.say("--status：“\(text)”不是工单状态，可选：\(choices)", "--status: \"\(text)\" is not a status; one of: \(choices)"))
        }

        static func day(_ text: String, option: String) throws -> String {
            guard case .success(let date) = TimeInput.parse(text) else {
                throw ValidationError(Speech.say("\(option)：“\(text)”不是日期；写 2021-03-01", "\(option): \"\(text)\" is not a date; write 2021-03-01"))
            }
            return String(date.text.prefix(10))
        }
    }
}
