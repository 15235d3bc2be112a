import ArgumentParser
import DRCCore

extension Drc {
    struct Demo: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("新建一个载入 2020 年度报告数据的数据库，并显示其统计和核对结果。",
                                     "Create a new database seeded with the 2020 report and show its totals and checks."),
                discussion: Speech.say("不给 --db 时，在当前文件夹新建 drc-demo.sqlite（或 drc-demo-2.sqlite …），决不覆盖已有文件。",
                                       "Without --db it creates drc-demo.sqlite in the working folder (or drc-demo-2.sqlite …), never overwriting a file."))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let path = try root.global.db ?? Self.freshPath()
            try DatabaseLocation.createParentFolders(of: path)
            let store = try Store(path: path, access: .create)
            let summary = try SeedLoader(store: store, actor: root.global.actorName).load()
            let year: Int64 = 2020
            let table = Renderer()
            Console.line(Speech.say("已新建 \(path)。", "Created \(path). ") + SeedText.describe(summary))
            Console.line(Speech.say("\n\(year) 年度工单数，按供应商：", "\n\(year) work orders by vendor:"))
            table.print(try WorkOrderTotals.compute(store.db, year: year, by: [.vendor]))
            Console.line(Speech.say("\n\(year) 年度工单数，按供应商和服务类别：", "\n\(year) work orders by vendor and category:"))
            table.print(try WorkOrderTotals.compute(store.db, year: year, by: [.vendor, .category]))
            Console.line(Speech.say("\n\(year) 年度支出（万元）：", "\n\(year) expenditure, 万元:"))
            table.print(try BudgetTotals.compute(store.db, year: year, by: [.kind], amountsInWan: true))
            Console.line(Speech.say("\n\(year) 年度核对：", "\nCheck of \(year):"))
            CheckOutput.print(try Reconciliation.check(store.db, year: year), with: table)
            Console.line(Speech.say("\n下一步：drc --db \(path) report --year \(year)", "\nNext: drc --db \(path) report --year \(year)"))
        }

        /// drc-demo.sqlite, or the first drc-demo-N.sqlite not taken.
        static func freshPath() throws -> String {
            if !Store.fileExists("drc-demo.sqlite") { return "drc-demo.sqlite" }
            for number in 2...999 where !Store.fileExists("drc-demo-\(number).sqlite") {
                return "drc-demo-\(number).sqlite"
            }
            throw ValidationError(Speech.say("这里已有 999 个示例数据库；请删掉一些，或用 --db 指定", "there are already 999 demo databases here; remove some or give --db"))
        }
    }
}
