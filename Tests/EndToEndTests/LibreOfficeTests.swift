import Foundation
import Testing

/// The .docx opened by a word processor: LibreOffice (when installed; CI does not install it)
/// converts the 2020 report to plain text, and the text says every clause of the published report.
@Suite struct LibreOfficeTests {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed"))
    func libreOfficeReadsTheDocxAsTheReport() throws {
        let original = try String(contentsOf: ReportTextTests.original, encoding: .utf8)
        try withClerk { clerk throws in
            _ = try clerk.ok("seed")
            _ = try clerk.ok("report", "--year", "2020", "--format", "docx", "-o", "report.docx")
            // A profile of its own, so a LibreOffice already running elsewhere is not asked instead.
            let converted = try drc(["-env:UserInstallation=file://\(clerk.folder)/office-profile", "--headless",
                                     "--convert-to", "txt:Text", "--outdir", clerk.folder, clerk.folder + "/report.docx"],
                                    in: clerk.folder, executable: URL(fileURLWithPath: try #require(Self.soffice)), timeout: 300)
            #expect(converted.status == 0, "\(converted.stderr)")
            var text = try String(contentsOf: URL(fileURLWithPath: clerk.folder + "/report.txt"), encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first == "长沙市芙蓉区数据资源中心2020年度部门整体支出绩效评价报告")
            for heading in ["一、部门概况", "五、部门整体支出绩效情况", "七、改进措施和有关建议", "预算执行（万元）", "每月工单数"] {
                #expect(lines.contains(heading), "LibreOffice's text lacks the line \(heading)")
            }
            let normalised = ReportTextTests.normalised(text)
            let missing = ReportTextTests.clauses(original).filter { !normalised.contains(ReportTextTests.differences[$0] ?? $0) }
            #expect(missing.isEmpty, "clauses LibreOffice did not read in the docx: \(missing)")
        }
    }
}
