import DRCCore
import Testing

/// History notes are kept as typed values and read back into their cases, so the edges can say
/// them in either language; the English sentences older databases hold are read too.
@Suite struct HistoryNoteTests {
    @Test func notesReadBackAsTheyWereWritten() {
        let notes: [HistoryNote] = [
            .imported(source: "a: b.csv"), .importBatch(source: "in.csv", written: 4, kind: .order, rejected: 0),
            .importBatch(source: "x: y.csv", written: 1, kind: .category, rejected: 2), .seed, .seedBatch(count: 9424, kind: .order),
            .action(.close), .reversal(of: 3), .restore, .text("试用"), .text("import"),
        ]
        for note in notes { #expect(HistoryNote(stored: note.stored) == note, "\(note)") }
        // Kept as a value, not a sentence: no English in the column.
        #expect(HistoryNote.importBatch(source: "in.csv", written: 4, kind: .order, rejected: 0).stored
                == #"{"importBatch":{"kind":"order","rejected":0,"source":"in.csv","written":4}}"#)
        #expect(HistoryNote.undoneBatch(batch: 7).stored == #"{"undoneBatch":{"batch":7}}"#)
        // The stored forms older databases hold.
        #expect(HistoryNote(stored: "import of in.csv: 4 work orders") == .importBatch(source: "in.csv", written: 4, kind: .order, rejected: 0))
        #expect(HistoryNote(stored: "2020 report: 9424 work orders") == .seedBatch(count: 9424, kind: .order))
        #expect(HistoryNote(stored: "import of v.csv: 2 vendors, 1 rows rejected")
            == .importBatch(source: "v.csv", written: 2, kind: .vendor, rejected: 1))
        #expect(HistoryNote(stored: "undo of import batch 3") == .undoneBatch(batch: 3))
        #expect(HistoryNote(stored: "reversal of #3") == .reversal(of: 3))
        #expect(HistoryNote(stored: "restore") == .restore)
        #expect(HistoryNote(stored: "close") == .action(.close))
    }
}
