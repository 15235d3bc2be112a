import DRCCore

/// `check`'s findings as a table, for every face (the command line and the web's 疑点 page): the
/// severity a word, subject and finding in the reader's language, the rule code and its basis,
/// and the records the finding rests on. In JSON (`structured`) the records are a list of
/// {kind, id, number} objects (an invoice with its vendor too); elsewhere they are one line of
/// text naming each by its business number.
public enum CheckTable {
    public static func table(_ findings: [Reconciliation.Finding], in language: Language, structured: Bool = false) -> ResultTable {
        var table = ResultTable(columns: ["severity", "year", "subject", "finding", "rule", "basis", "records"],
                                headings: [Term(zh: "级别", en: "severity"), Term(zh: "年度", en: "year"),
                                           Term(zh: "对象", en: "subject"), Term(zh: "发现", en: "finding"),
                                           Term(zh: "规则", en: "rule"), Term(zh: "依据", en: "basis"),
                                           Term(zh: "涉及记录", en: "records")])
        for finding in findings {
            let rule = FindingText.rule(finding.issue)
            let records: ResultTable.Cell = structured ? .json(json(finding.records))
                : finding.records.isEmpty ? .null : .text(text(finding.records, in: language))
            table.rows.append([.word(key: finding.severity.rawValue, FindingText.severity(finding.severity)), .init(finding.year),
                               .text(FindingText.subject(finding.subject, in: language)),
                               .text(FindingText.issue(finding.issue, in: language)),
                               rule.map { .text($0.rawValue) } ?? .null, rule.map { .text($0.basis.text(in: language)) } ?? .null,
                               records])
        }
        return table
    }

    /// The records as JSON: `[{"kind":"contract","id":3,"number":"HT-1"}, …]`.
    public static func json(_ records: [Reconciliation.Evidence]) -> String {
        "[" + records.map { record in
            JSONText.object([("kind", JSONText.string(record.kind.rawValue)), ("id", String(record.id)), ("number", JSONText.string(record.number))]
                            + (record.vendor.map { [("vendor", JSONText.string($0))] } ?? []))
        }.joined(separator: ",") + "]"
    }

    /// The records in words: `合同 HT-1、支付 ZF-1、发票 FP-1（某公司）`; an invoice always with its
    /// vendor, since two vendors may issue the same number.
    public static func text(_ records: [Reconciliation.Evidence], in language: Language) -> String {
        records.map { record in
            let noun = RecordKinds.kind(record.kind).noun.text(in: language)
            let vendor = record.vendor.map { language == .zh ? "（\($0)）" : " (\($0))" } ?? ""
            return noun + " " + record.number + vendor
        }.joined(separator: language == .zh ? "、" : "; ")
    }
}
