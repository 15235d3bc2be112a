import DRCCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1234.56", Int64(123_456)), ("1,234.56", 123_456), ("¥1,234.56", 123_456), ("￥1234.5", 123_450),
        ("113.03万", 113_030_000), ("113.03万元", 113_030_000), ("0", 0), ("0.1", 10), ("16.94万", 16_940_000),
        ("1,130,300.00", 113_030_000), ("737.93万", 737_930_000), ("12元", 1_200), ("0.000001万", 1),
    ])
    func parsesTheFormsClerksType(input: String, fen: Int64) throws {
        #expect(try Money.parse(input).get() == fen)
    }

    @Test(arguments: ["12.345", "1e309", "abc", "1,23.00", "1.2.3", "", "¥", "12,34", "1.", ".5万x", "0.0000001万", "99999999999999999999"])
    func refusesWhatIsNotAnExactAmount(input: String) {
        #expect(throws: ValueError.self) { try Money.parse(input).get() }
    }

    @Test func moreThanTwoDecimalsIsNamed() {
        guard case .failure(let error) = Money.parse("12.345") else { Issue.record("accepted 12.345"); return }
        #expect(error.reason == .tooManyDecimals(inWan: false))
    }

    @Test func integersNeverDrift() throws {
        let sum = try Money.parse("0.1").get() + Money.parse("0.2").get()
        #expect(try sum == Money.parse("0.3").get())
        #expect(Money.yuan(sum) == "0.30")
        var total: Int64 = 0
        for _ in 0..<1000 { total += try Money.parse("0.01").get() }
        #expect(Money.yuan(total) == "10.00")
    }

    @Test func formatsInYuanAndWan() {
        #expect(Money.yuan(113_030_000) == "1130300.00")
        #expect(Money.wan(113_030_000) == "113.03")
        #expect(Money.wan(900_000) == "0.90")
        #expect(Money.wan(9_000_000) == "9.00")
        #expect(Money.wan(123_456) == "0.123456")
        #expect(Money.yuan(5) == "0.05")
        #expect(Money.yuan(-150) == "-1.50")
    }

    @Test func roundTripsThroughText() throws {
        for fen: Int64 in [0, 1, 99, 100, 12_345, 113_030_000, 737_930_000, Money.largestAmount] {
            #expect(try Money.parse(Money.yuan(fen)).get() == fen)
            #expect(try Money.parse(Money.wan(fen) + "万").get() == fen)
        }
        // Past the ceiling an amount still prints, but is not accepted back.
        #expect(Money.yuan(Int64.max) == "92233720368547758.07")
        #expect(throws: ValueError.self) { try Money.parse(Money.yuan(Int64.max)).get() }
    }
}

@Suite struct CreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "9144030071526726XG", "91330100716105852F", "911100001000044477", "91110000802100433b"])
    func acceptsRealCodes(code: String) throws {
        #expect(try CreditCode.validate(code).get() == code.uppercased())
    }

    @Test(arguments: ["91350100M000100Y44", "9144030071526726XH", "91350100M000100Y4", "91350100M000100I43", "913501OOM000100Y43"])
    func refusesMistypedCodes(code: String) {
        #expect(throws: ValueError.self) { try CreditCode.validate(code).get() }
    }

    @Test func explainsTheCheckCharacter() {
        guard case .failure(let error) = CreditCode.validate("91350100M000100Y44") else { Issue.record("accepted"); return }
        #expect(error.reason == .creditCodeCheck(expected: "3", found: "4"))
    }
}

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2020-03-02", "2020-03-02"), ("2020-03-02 14:05", "2020-03-02 14:05"), ("2020/3/2", "2020-03-02"),
        ("2020年3月2日", "2020-03-02"), ("2020/3/2 9:05", "2020-03-02 09:05"), ("2020-03-02T14:05:00", "2020-03-02 14:05"),
        ("2020.12.31", "2020-12-31"), ("2020-02-29", "2020-02-29"), (" 2020-03-02 ", "2020-03-02"),
    ])
    func parsesTheFormsClerksType(input: String, expected: String) throws {
        #expect(try DateText.parse(input).get().text == expected)
    }

    @Test(arguments: ["2020-02-30", "2019-02-29", "2020-13-45", "2020-00-10", "20-03-02", "2020-03-02 24:00",
                      "2020-03-02 12:60", "2020-03-02 12:00:30", "March 2", "2020-3", "", "2020年3月2"])
    func refusesImpossibleDates(input: String) {
        #expect(throws: ValueError.self) { try DateText.parse(input).get() }
    }
}

@Suite struct DisplayWidthTests {
    @Test func measuresColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("长沙") == 4)
        #expect(DisplayWidth.of("湖南美音网络技术有限公司") == 24)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("第2名") == 5)
    }

    @Test func padsToTheSameWidth() {
        #expect(DisplayWidth.pad("长沙", to: 6) == "长沙  ")
        #expect(DisplayWidth.pad("12", to: 5, alignRight: true) == "   12")
    }
}

@Suite struct MoneySumUnitTests {
    @Test func addsExactlyAndKeepsUnknownsUnknown() throws {
        #expect(try MoneySum.total([Money.largestAmount, Money.largestAmount], year: 2020) == 2 * Money.largestAmount)
        #expect(try MoneySum.totalIfKnown([1, nil, 2], year: 2020) == nil)
        #expect(try MoneySum.totalIfKnown([1, 2], year: 2020) == 3)
    }

    @Test func overflowIsAnErrorNamingTheYear() {
        #expect(throws: DRCError.moneyOverflow(year: 2020)) { try MoneySum.total([Int64.max, 1], year: 2020) }
        #expect(throws: DRCError.moneyOverflow(year: 2020)) { try MoneySum.totalIfKnown([Int64.max, 1], year: 2020) }
        #expect(throws: DRCError.moneyOverflow(year: nil)) { try MoneySum.difference(Int64.min, minus: 1, year: nil) }
        #expect(throws: DRCError.countOverflow(year: 2020)) { try CountSum.total([Int64.max, 1], year: 2020) }
    }

    /// 92,233 lines at the ceiling still add up: the ceiling's reason, checked.
    @Test func theCeilingLeavesRoomForAnyRealisticNumberOfLines() throws {
        #expect(Int64.max / Money.largestAmount >= 90_000)
        #expect(throws: Never.self) { try MoneySum.total(Array(repeating: Money.largestAmount, count: 92_233), year: nil) }
        #expect(try Money.parse("1000000000000").get() == Money.largestAmount)
        #expect(try Money.parse("100000000万").get() == Money.largestAmount)
        #expect(throws: ValueError.self) { try Money.parse("1000000000000.01").get() }
        #expect(throws: ValueError.self) { try Money.parse("-1000000000000.01").get() }
    }
}
