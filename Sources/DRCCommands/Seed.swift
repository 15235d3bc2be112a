import ArgumentParser
import DRCCore

extension Drc {
    struct Seed: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("把芙蓉区数据资源中心 2020 年度报告的数据（内置）载入数据库。",
                                     "Load the 2020 report of the Furong District Data Resource Centre (compiled in) into the database."),
                discussion: Speech.say("在一个事务中完成；再次运行不会重复添加。", "Runs in one transaction; running it again adds nothing."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try root.global.openStore()
            let summary = try SeedLoader(store: store, actor: root.global.actorName).load()
            Console.line(SeedText.describe(summary))
        }
    }
}

enum SeedText {
    static func describe(_ summary: SeedLoader.Summary) -> String {
        if summary.alreadyLoaded {
            return Speech.say("本数据库已载入 2020 年度报告的数据；未添加任何内容。",
                              "The \(SeedLoader.source) is already in this database; nothing was added.")
        }
        guard Speech.language == .en else {
            return """
                已载入 2020 年度报告的数据：\(summary.units) 个单位、\(summary.vendors) 家供应商、\(summary.projects) 个项目、\
                \(summary.categories) 个服务类别、\(summary.budgetLines) 条预算科目、\(summary.indicators) 项绩效指标、\
                \(summary.findings) 条评价发现和 \(summary.workOrders) 条工单。
                """
        }
        return """
            Loaded the \(SeedLoader.source): \(summary.units) units, \(summary.vendors) vendors, \(summary.projects) projects, \
            \(summary.categories) categories, \(summary.budgetLines) budget lines, \(summary.indicators) indicators, \
            \(summary.findings) findings and \(summary.workOrders) work orders.
            """
    }
}
