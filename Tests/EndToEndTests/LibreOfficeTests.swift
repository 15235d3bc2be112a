import Foundation
import Testing

/// The .docx as a reader prints it: LibreOffice (headless) converts the 2020 report to PDF, and
/// poppler's tools read the PDF back. `.ci/run` installs LibreOffice Writer and poppler-utils
/// and sets DRC_REQUIRE_OFFICE=1, so in CI their absence fails; run by hand without them, the
/// test says it did not run. Pictures of the pages go to .build/test-output/report (or
/// $DRC_TEST_OUTPUT/report), to be looked at.
@Suite struct LibreOfficeTests {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let poppler = ["pdfinfo", "pdftotext", "pdftoppm", "fc-match"].map { "/usr/bin/" + $0 }

    /// The 2020 report's pages, as measured with the fonts CI installs.
    static let expectedPages = 11

    static func missing() -> [String] {
        (soffice == nil ? ["soffice (libreoffice-writer-nogui)"] : []) + poppler.filter { !FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var output: URL {
        (ProcessInfo.processInfo.environment["DRC_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? BrowserSuiteTests.root.appendingPathComponent(".build/test-output")).appendingPathComponent("report")
    }

    /// The report's pages as pdftotext reads them (form feed between pages), or nil with the
    /// test failed when a tool fails.
    static func convert(_ clerk: Clerk, _ docx: String) throws -> (pdf: String, pages: [String])? {
        // A profile of its own, so a LibreOffice already running elsewhere is not asked instead.
        let converted = try drc(["-env:UserInstallation=file://\(clerk.folder)/office-profile", "--headless",
                                 "--convert-to", "pdf", "--outdir", clerk.folder, clerk.folder + "/" + docx],
                                in: clerk.folder, executable: URL(fileURLWithPath: try #require(soffice)), timeout: 300)
        #expect(converted.status == 0, "\(converted.stderr)")
        let pdf = clerk.folder + "/" + docx.replacingOccurrences(of: ".docx", with: ".pdf")
        let text = try drc(["-layout", pdf, "-"], in: clerk.folder, executable: URL(fileURLWithPath: "/usr/bin/pdftotext"), timeout: 60)
        #expect(text.status == 0, "\(text.stderr)")
        guard converted.status == 0, text.status == 0 else { return nil }
        var pages = text.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return (pdf, pages)
    }

    @Test func theDocxPrintsAsTheReportWithPageNumbersChartsAndAnnexes() throws {
        let missing = Self.missing()
        guard missing.isEmpty else {
            if ProcessInfo.processInfo.environment["DRC_REQUIRE_OFFICE"] == "1" {
                Issue.record("the report cannot be printed: missing \(missing.joined(separator: ", "))")
            }
            print("LibreOffice test: not run, missing \(missing.joined(separator: ", ")) (.ci/run installs them)")
            return
        }
        let original = try String(contentsOf: ReportTextTests.original, encoding: .utf8)
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("report", "--year", "2020", "--on", "2021-03-31", "--format", "docx", "-o", "report.docx")
            let package = try DocxPackage(try Data(contentsOf: URL(fileURLWithPath: clerk.folder + "/report.docx")))
            #expect(package.problems.isEmpty, "\(package.problems)")
            // The three figures as chart parts, each a bar chart.
            for number in 1...3 {
                let chart = try #require(package.trees["word/charts/chart\(number).xml"], "no chart\(number).xml")
                #expect(!chart.all("c:barChart").isEmpty)
            }
            guard let (pdf, pages) = try Self.convert(clerk, "report.docx") else { return }

            // Every page carries its number, "— N —" (pdftotext may drop the spaces), and no other.
            for (index, page) in pages.enumerated() {
                let numbers = page.matches(of: /—\s*(\d+)\s*—/).map { String($0.1) }
                #expect(numbers == ["\(index + 1)"], "page \(index + 1) is numbered \(numbers)")
            }
            let info = try drc([pdf], in: clerk.folder, executable: URL(fileURLWithPath: "/usr/bin/pdfinfo"), timeout: 60)
            #expect(info.stdout.contains("Pages:") && info.stdout.contains("A4"), "\(info.stdout)")
            // The body (一 to 七, its three charts with their tables, the 落款) and the annex of
            // data notes on a page of its own: as LibreOffice 7.4 sets them with WenQuanYi Micro
            // Hei, the CJK font .ci/run installs, \(Self.expectedPages) pages. Another font's
            // metrics may move a page either way (look at the pictures then).
            let fonts = try drc(["仿宋:lang=zh-cn"], in: clerk.folder, executable: URL(fileURLWithPath: "/usr/bin/fc-match"), timeout: 30)
            if fonts.stdout.contains("WenQuanYi Micro Hei") {
                #expect(pages.count == Self.expectedPages)
            } else {
                #expect((Self.expectedPages - 1...Self.expectedPages + 1).contains(pages.count), "\(pages.count) pages")
            }
            // Each page's lines, without spaces (pdftotext spaces out digits among Chinese).
            let lines = pages.map { $0.split(whereSeparator: \.isNewline).map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty } }
            #expect(Array(lines.first?.prefix(2) ?? []).joined() == "长沙市芙蓉区数据资源中心2020年度部门整体支出绩效评价报告")
            // The annex starts a page: its label first, its title under it.
            let annexPages = lines.enumerated().filter { $0.element.first?.hasPrefix("附件") == true && $0.element.first?.hasPrefix("附件：") == false }
            #expect(annexPages.map { Array($0.element.prefix(2)) } == [["附件1", "数据说明"]], "\(lines.map(\.first))")
            // The 落款 comes before the annex, the unit's name over the date.
            let body = pages.prefix(annexPages.first?.offset ?? pages.count).joined().filter { !$0.isWhitespace }
            #expect(body.contains("附件：1.数据说明长沙市芙蓉区数据资源中心2021年3月31日"))

            // Every clause of the published report, in the PDF's text (a clause may run on past
            // a page's number).
            let text = ReportTextTests.normalised(pages.map { $0.replacing(/—\s*\d+\s*—/, with: "") }.joined())
            let missingClauses = ReportTextTests.clauses(original).filter { !text.contains(ReportTextTests.differences[$0] ?? $0) }
            #expect(missingClauses.isEmpty, "clauses not printed: \(missingClauses)")
            // The charts are drawn: each budget figure is printed once more than the document's text
            // and tables say it, on its bar.
            let written = ReportTextTests.normalised(package.paragraphs.joined())
            for figure in ["113.03", "16.94", "737.93", "315.16"] {
                let said = written.components(separatedBy: figure).count - 1
                #expect(text.components(separatedBy: figure).count - 1 == said + 1, "the budget chart's \(figure) is not drawn")
            }

            // Pictures of the pages, for a person to look at.
            try? FileManager.default.removeItem(at: Self.output)
            try FileManager.default.createDirectory(at: Self.output, withIntermediateDirectories: true)
            let pictures = try drc(["-r", "70", "-png", pdf, Self.output.appendingPathComponent("page").path], in: clerk.folder,
                                   executable: URL(fileURLWithPath: "/usr/bin/pdftoppm"), timeout: 120)
            #expect(pictures.status == 0, "\(pictures.stderr)")
            try FileManager.default.copyItem(atPath: pdf, toPath: Self.output.appendingPathComponent("report-2020.pdf").path)
            let pngs = try FileManager.default.contentsOfDirectory(atPath: Self.output.path).filter { $0.hasSuffix(".png") }
            #expect(pngs.count == pages.count)
        }
    }
}
