import SQLiteDB

/// The report's 四、资产管理情况 from the asset register and the last inventory, when there are
/// cards: how many, their value and status, and whether the last count found every one
/// (账实相符 only then). Without cards it says so after whatever was written of the year.
struct AssetSection {
    let db: Connection
    let year: Int64

    /// The section's paragraphs after the year's written words (`texts`).
    func blocks(after texts: [String]) throws -> [ReportDocument.Block] {
        let yearEnd = "\(year)-12-31"
        // The cards on the books by the year's end: booked by then, or with no booking day.
        let cards = try db.rows("""
            SELECT number, value_fen, status FROM asset
            WHERE booked_on IS NULL OR substr(booked_on, 1, 10) <= ? ORDER BY id
            """, yearEnd)
        guard !cards.isEmpty else {
            return texts.map { .paragraph($0) } + [.paragraph("资产卡片和盘点尚无数据记录。")]
        }
        var blocks = texts.map { ReportDocument.Block.paragraph($0) }
        let held = cards.filter { $0.string("status") != "disposed" }
        let values = held.compactMap { $0.int64("value_fen") }
        let total = try MoneySum.total(values, year: year)
        let unknown = held.count - values.count
        var statuses: [String] = []
        for choice in AssetChoices.statuses {
            let count = cards.filter { $0.string("status") == choice.value }.count
            if count > 0 { statuses.append("\(choice.aliases.first ?? choice.value)\(count)张") }
        }
        blocks.append(.paragraph("（一）资产卡片。截至\(year)年末，固定资产卡片\(cards.count)张（\(EvaluationReport.list(statuses))），"
            + "在账资产价值合计\(EvaluationReport.amount(total))" + (unknown > 0 ? "，另有\(unknown)张价值未知" : "") + "。"))
        guard let inventory = try db.rows("""
            SELECT id, number, substr(taken_on, 1, 10) AS taken_on FROM inventory
            WHERE substr(taken_on, 1, 10) <= ? ORDER BY taken_on DESC, id DESC LIMIT 1
            """, yearEnd).first else {
            blocks.append(.paragraph("（二）盘点。截至\(year)年末无盘点记录，无法判断账实是否相符。"))
            return blocks
        }
        let items = try db.rows("SELECT trim(asset) AS asset, found FROM inventory_item WHERE inventory_id = ? ORDER BY position",
                                inventory.int64("id") ?? 0)
        let found = Set(items.filter { $0.int64("found") == 1 }.compactMap { $0.string("asset") })
        let missing = held.compactMap { $0.string("number") }.filter { !found.contains($0) }
        var text = "（二）盘点。最近一次盘点于\(inventory.string("taken_on") ?? "")进行（\(inventory.string("number") ?? "")），"
            + "盘点\(items.count)张，找到\(found.count)张"
        if missing.isEmpty {
            text += "，在账资产全部找到，账实相符。"
        } else {
            text += "；在账资产中\(missing.count)张未盘到（\(missing.joined(separator: "、"))），账实不符。"
        }
        blocks.append(.paragraph(text))
        return blocks
    }
}
