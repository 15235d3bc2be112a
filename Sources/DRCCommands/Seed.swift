import ArgumentParser
import DRCCore

extension Drc {
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the 2020 report of the Furong District Data Resource Centre (compiled in) into the database.",
            discussion: "Runs in one transaction; running it again adds nothing.")

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
            return "The \(SeedLoader.source) is already in this database; nothing was added."
        }
        return """
            Loaded the \(SeedLoader.source): \(summary.units) units, \(summary.vendors) vendors, \(summary.projects) projects, \
            \(summary.categories) categories, \(summary.budgetLines) budget lines, \(summary.indicators) indicators, \
            \(summary.findings) findings and \(summary.workOrders) work orders.
            """
    }
}
