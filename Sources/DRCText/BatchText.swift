import DRCCore

extension Messages {
    /// Import batches: a file imported before, a ticket that names an order with other values,
    /// a batch that is not there, an undo refused.
    func batch(_ error: DRCError) -> String? {
        switch error {
        case .alreadyImported(let fileName, let at, let batch, let rejected) where rejected > 0:
            // Imported only in part: the way on is that import's rejects, not this file again.
            return say("这个文件的内容已经在 \(at) 导入过（批次 \(batch)，当时的文件名 \(fileName)），其中 \(rejected) 行被拒收；"
                       + "没有写入任何内容。请改正那次导入的拒收文件，再导入拒收文件",
                       "this file's content was imported on \(at) as batch \(batch) (then named \(fileName)), with \(rejected) "
                       + "row\(rejected == 1 ? "" : "s") rejected; nothing was written. Correct that import's rejects file and import it")
        case .alreadyImported(let fileName, let at, let batch, _):
            return say("这个文件的内容已经在 \(at) 导入过（批次 \(batch)，当时的文件名 \(fileName)）；没有写入任何内容",
                       "this file's content was imported on \(at) as batch \(batch) (then named \(fileName)); nothing was written")
        case .ticketConflict(let ticket, let id, let differences):
            return say("工单号\"\(ticket)\"已是工单 #\(id)，但内容不同：", "ticket \"\(ticket)\" is work order #\(id) already, with other values: ")
                + list(differences.map(difference))
        case .recordConflict(let kind, let id, let differences):
            return say("\(noun(kind)) #\(id) 的内容与文件不同：", "\(noun(kind)) #\(id) holds other values: ") + list(differences.map(difference))
        case .noSuchBatch(let reference):
            return say("没有导入批次\"\(reference)\"；drc import list 列出所有批次",
                       "there is no import batch \"\(reference)\"; drc import list shows the batches")
        case .undoRefused(let batch, let reason):
            return say("导入批次 \(batch) 不能撤销：", "import batch \(batch) cannot be undone: ") + undoRefusal(reason)
        default:
            return nil
        }
    }

    /// `summary: stored "a", file "b"` / `故障描述：现为"a"，文件中为"b"`.
    func difference(_ difference: FieldDifference) -> String {
        let stored = difference.stored.map { "\"\($0)\"" } ?? say("空", "empty")
        let incoming = difference.incoming.map { "\"\($0)\"" } ?? say("空", "empty")
        return say("\(label(difference.field))：现为\(stored)，文件中为\(incoming)",
                   "\(difference.field): stored \(stored), file \(incoming)")
    }

    func undoRefusal(_ reason: UndoRefusal) -> String {
        switch reason {
        case .alreadyUndone(let at):
            return say("它已在 \(at) 撤销过", "it was undone already, on \(at)")
        case .changedLater(let kind, let id, let at, let actor):
            return say("它写入的\(noun(kind)) #\(id) 之后又被 \(actor) 在 \(at) 修改过；撤销会丢掉那次修改。请先处理该记录",
                       "\(noun(kind)) #\(id), which it wrote, was changed afterwards (by \(actor) on \(at)); "
                           + "undoing would lose that change. Deal with that record first")
        case .referenced(let kind, let id, let referrers):
            let counts = referrers.map { say("\($0.count) \($0.noun.measure)\($0.noun.zh)", "\($0.count) \($0.noun.text(in: .en, count: $0.count))") }
            return say("它新增的\(noun(kind)) #\(id) 现在被" + counts.joined(separator: "、") + "引用",
                       "\(noun(kind)) #\(id), which it added, is referred to by " + counts.joined(separator: " and ") + " now")
        }
    }
}
