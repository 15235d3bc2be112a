import DRCCore

/// `check`'s findings as a table, for every face (the command line and the web's 疑点 page): the
/// severity a word, subject and finding in the reader's language, the rule code and its basis.
public enum CheckTable {
    public static func table(_ findings: [Reconciliation.Finding], in language: Language) -> ResultTable {
        var table = ResultTable(columns: ["severity", "year", "subject", "finding", "rule", "basis"],
                                headings: [Term(zh: "级别", en: "severity"), Term(zh: "年度", en: "year"),
                                           Term(zh: "对象", en: "subject"), Term(zh: "发现", en: "finding"),
                                           Term(zh: "规则", en: "rule"), Term(zh: "依据", en: "basis")])
        for finding in findings {
            let rule = FindingText.rule(finding.issue)
            table.rows.append([.word(key: finding.severity.rawValue, FindingText.severity(finding.severity)), .init(finding.year),
                               .text(FindingText.subject(finding.subject, in: language)),
                               .text(FindingText.issue(finding.issue, in: language)),
                               rule.map { .text($0.rawValue) } ?? .null, rule.map { .text($0.basis.text(in: language)) } ?? .null])
        }
        return table
    }

}
