import ArgumentParser
import DRCCore

extension Drc {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new database seeded with the 2020 report and show its totals and checks.",
            discussion: "Without --db it creates drc-demo.sqlite in the working folder (or drc-demo-2.sqlite …), never overwriting a file.")

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let path = try root.global.db ?? Self.freshPath()
            try DatabaseLocation.createParentFolders(of: path)
            let store = try Store(path: path, access: .create)
            let summary = try SeedLoader(store: store, actor: root.global.actorName).load()
            let year: Int64 = 2020
            let table = Renderer()
            Console.line("Created \(path). " + SeedText.describe(summary))
            Console.line("\n\(year) work orders by vendor:")
            table.print(try WorkOrderTotals.compute(store.db, year: year, by: [.vendor]))
            Console.line("\n\(year) work orders by vendor and category:")
            table.print(try WorkOrderTotals.compute(store.db, year: year, by: [.vendor, .category]))
            Console.line("\n\(year) expenditure, 万元:")
            table.print(try BudgetTotals.compute(store.db, year: year, by: [.kind], amountsInWan: true))
            Console.line("\nCheck of \(year):")
            CheckOutput.print(try Reconciliation.check(store.db, year: year), with: table)
            Console.line("\nNext: drc --db \(path) report --year \(year)")
        }

        /// drc-demo.sqlite, or the first drc-demo-N.sqlite not taken.
        static func freshPath() throws -> String {
            if !Store.fileExists("drc-demo.sqlite") { return "drc-demo.sqlite" }
            for number in 2...999 where !Store.fileExists("drc-demo-\(number).sqlite") {
                return "drc-demo-\(number).sqlite"
            }
            throw ValidationError("there are already 999 demo databases here; remove some or give --db")
        }
    }
}
