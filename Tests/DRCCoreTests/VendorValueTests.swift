@testable import DRCCore
import Testing

/// Values and encodings as vendors' systems write them.
@Suite struct VendorValueTests {
    @Test(arguments: [
        ("2021/03/05 08:05:33", "2021-03-05 08:05"), ("2021-03-05 08:05:59.500", "2021-03-05 08:05"),
        ("2021年3月3日10时30分", "2021-03-03 10:30"), ("2021年3月3日10时30分15秒", "2021-03-03 10:30"),
        ("2021年3月3日 10点", "2021-03-03 10:00"), ("2021-3-3 下午2:05", "2021-03-03 14:05"),
        ("2021/3/3 上午12:10", "2021-03-03 00:10"), ("2021/3/3 下午 12:10:00", "2021-03-03 12:10"),
        ("２０２１－０３－０６　１４：０５", "2021-03-06 14:05"), ("2021-03-06 14：05", "2021-03-06 14:05"),
        ("2021/3/3 2:05 PM", "2021-03-03 14:05"), ("2021年3月3日", "2021-03-03"),
    ])
    func readsTheVendorsForms(input: String, stored: String) throws {
        #expect(try VendorTime.parse(input).get().text == stored)
    }

    @Test(arguments: ["2021/02/30 08:00:00", "2021-03-05 25:00:01", "下午2:05", "2021-03-05 下午14:05", "2021-03-05 08:05:xx",
                      "三月五日", "2021-03-05 08:61:00"])
    func refusesWhatIsNotATime(input: String) {
        #expect(throws: ValueError.self) { try VendorTime.parse(input).get() }
    }

    @Test func statusWordsTheMapFirstThenTheCommonTable() throws {
        var format = VendorFormat()
        #expect(format.status(forWord: "已完成") == .solved)
        #expect(format.status(forWord: "已处理") == .solved)
        #expect(format.status(forWord: "处理中") == .assigned)
        #expect(format.status(forWord: "待处理") == .new)
        #expect(format.status(forWord: "已关闭") == .closed)
        #expect(format.status(forWord: "已取消") == .cancelled)
        #expect(format.status(forWord: "完工") == nil)
        format.statusWords = ["完工": "solved", "已处理": "closed"]
        #expect(format.status(forWord: "完工") == .solved)
        #expect(format.status(forWord: "已处理") == .closed)
        format.statusWords = ["完工": "done"]
        #expect(throws: DRCError.invalid(field: "status-map", value: "完工=done", reason: .notOneOf(WorkOrderStatus.choices.map(\.term)))) {
            try format.validate()
        }
    }

    @Test func pairsAreReadAndBadOnesNamed() throws {
        let pairs = try VendorFormat.pairs("报修时间=opened，故障类别 = category;", field: "map")
        #expect(pairs.map { "\($0.0)>\($0.1)" } == ["报修时间>opened", "故障类别>category"])
        #expect(throws: DRCError.invalid(field: "map", value: "报修时间", reason: .notAPair)) { try VendorFormat.pairs("报修时间", field: "map") }
        #expect(throws: DRCError.invalid(field: "map", value: "=opened", reason: .notAPair)) { try VendorFormat.pairs("=opened", field: "map") }
    }

    @Test func gb18030IsDetectedWhenTheBytesAreNotUTF8() throws {
        // 供应商,服务类别 in GB18030.
        let gb: [UInt8] = [0xB9, 0xA9, 0xD3, 0xA6, 0xC9, 0xCC, 0x2C, 0xB7, 0xFE, 0xCE, 0xF1, 0xC0, 0xE0, 0xB1, 0xF0, 0x0A]
        let found = try ExcelTextTests().detected(gb, declared: nil)
        #expect(found.encoding == .gb18030 && found.text == "供应商,服务类别\n")
        let utf8 = try ExcelTextTests().detected(Array("供应商,服务类别\n".utf8), declared: nil)
        #expect(utf8.encoding == .utf8 && utf8.text == "供应商,服务类别\n")
        // A character cut by the end of the sample is still UTF-8.
        #expect(UTF8Check.isValid(Array("ab供".utf8).dropLast(1).map { $0 }, allowingCutEnd: true))
        #expect(!UTF8Check.isValid(Array("ab供".utf8).dropLast(1).map { $0 }, allowingCutEnd: false))
        // Named, the encoding is used as given.
        #expect(try ExcelTextTests().detected(Array("ab".utf8), declared: .gb18030).encoding == .gb18030)
    }

    @Test func totalRowsAreKnownByTheirFirstCell() {
        for word in ["合计", "合　计", "小计：", "总计", "Total", "TOTAL:", " 合计 "] { #expect(TotalRow.words.contains(TotalRow.normalised(word)), "\(word)") }
        for word in ["合计数", "2021", "美音", "totals"] { #expect(!TotalRow.words.contains(TotalRow.normalised(word)), "\(word)") }
    }
}
