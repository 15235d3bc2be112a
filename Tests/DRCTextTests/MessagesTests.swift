import DRCCore
import DRCText
import Testing

/// Messages as a clerk reads them: field labels from the kinds, kinds by their nouns, values
/// quoted as typed; and the English exactly as drc has always said it.
@Suite struct MessagesTests {
    let zh = Messages(.zh)
    let en = Messages(.en)

    @Test func chineseNamesTheFieldByItsLabelAndTheKindByItsNoun() {
        #expect(zh.error(.notFound(kind: .vendor, reference: "不存在的公司")) == "供应商\"不存在的公司\"：找不到")
        #expect(zh.row(RowError(line: 3, column: "opened", value: "2021-02-30", reason: .noSuchDay(year: 2021, month: 2, days: 28)))
                == "第 3 行 报修时间 \"2021-02-30\"：日期不存在：2021 年 2 月只有 28 天")
        #expect(zh.error(.invalid(field: "year", value: "", reason: .yearNeeded)) == "年度：必须填写（或者填写报修时间，年度从中取得）")
        #expect(zh.error(.invalid(field: "credit-code", value: "91350100M000100Y44", reason: .creditCodeCheck(expected: "3", found: "4")))
                == "统一社会信用代码\"91350100M000100Y44\"：校验位不对：应为 3，实为 4；有字符输错了")
        #expect(zh.error(.illegalTransition(id: 1, from: "closed", to: "close", allowed: ["reopen"]))
                == "工单 1 当前是“已关闭”，现在不能关闭（close）；从“已关闭”可以：重新打开（reopen）")
    }

    @Test func aChildRowsPlaceIsNamedLineByLine() {
        // A contract's payment stages: the set, the line, the field.
        let error = DRCError.invalid(field: "stages 2 condition", value: "x", reason: .required)
        #expect(zh.error(error) == "付款阶段 第 2 行 付款条件\"x\"：必须填写")
        #expect(en.error(error) == "stages 2 condition \"x\": is required")
    }

    @Test func aNameThatIsNoFieldStaysAsItIs() {
        #expect(zh.error(.invalid(field: "no-such-thing", value: "1", reason: .required)) == "no-such-thing\"1\"：必须填写")
    }

    @Test func choicesAreListedByTheirChineseNames() {
        #expect(zh.reason(.notOneOf(WorkOrderStatus.allCases.map { Term(zh: $0.label, en: $0.rawValue) }))
                == "不在可选范围内；可选：新建、已分配、待定、已解决、已关闭、已取消")
    }

    @Test func englishIsWordForWordWhatDrcAlwaysSaid() {
        #expect(en.error(.ambiguous(kind: .vendor, reference: "美音", matches: ["#1 a", "#2 b"]))
                == "\"美音\" matches 2 vendors: #1 a; #2 b; give the id or the exact name")
        #expect(en.error(.deleteRefused(kind: .vendor, id: 1, referredBy: [Referrers(noun: Term(zh: "工单", en: "work order"), count: 1),
                                                                          Referrers(noun: Term(zh: "项目", en: "project"), count: 2)]))
                == "vendor 1 cannot be deleted: it has 1 work order and 2 projects")
        #expect(en.error(.duplicate(kind: .indicator, field: "name", value: "x")) == "an indicator with name \"x\" already exists")
        #expect(en.error(.queryTimedOut(seconds: 1)) == "the query was stopped after 1 second (its time limit); narrow it (add WHERE or LIMIT) or allow it longer")
        #expect(en.error(.undecodableText(encoding: "UTF-16", byte: nil)) == "file \"end\": ends in the middle of a UTF-16 character")
        #expect(en.row(RowError(line: 11, column: nil, value: nil, reason: .fieldCount(found: 4, header: 12)))
                == "line 11: has 4 fields, the header has 12")
        #expect(en.error(.invalid(field: "output", value: "-", reason: .cannotBeWritten(errno: 28)))
                == "output \"standard output\": cannot be written: No space left on device")
        #expect(en.warning(.futureYear(kind: .budget, year: 2031, currentYear: 2025))
                == "the budget line's year 2031 is after the current year 2025; check it is not a slip")
    }
}
