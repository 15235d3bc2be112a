import SQLiteDB

/// What `check` asks of a year's self-evaluation: weights that add up to 100 in each scored
/// set, a 偏差原因 wherever an indicator falls short, and a score for every weighted indicator.
enum ScoringChecks {
    static func findings(_ db: Connection, year: Int64) throws -> [Reconciliation.Finding] {
        var findings: [Reconciliation.Finding] = []
        for set in try SelfEvaluation(db, year: year).sets where set.isWeighted {
            if let total = set.weightTotal, total != Points(hundredths: 10000) {
                findings.append(.init(year: year, subject: .indicatorSet(name: set.name), issue: .weightsDoNotAddUp(total: total)))
            }
            for row in set.rows {
                let subject = Reconciliation.Subject.indicator(id: row.id, name: row.name)
                switch row.score.outcome {
                case .unscored(let why):
                    findings.append(.init(year: year, subject: subject, issue: .unscored(why)))
                case .scored(let points, _, _):
                    // Field values are stored trimmed, so any text is a reason.
                    if let weight = row.score.weight, !row.score.isFull, (row.deviation ?? "").isEmpty {
                        findings.append(.init(year: year, subject: subject, issue: .shortWithoutReason(score: points, weight: weight)))
                    }
                }
            }
        }
        return findings
    }
}
