import Foundation
import Testing

/// Vendors' monthly logs imported as they are sent: GB18030 or UTF-16 text, Chinese or the
/// vendor's own column names, a trailing empty column, blank and 合计 rows, times with seconds
/// and the vendor's status words, whole-file defaults. Each feature has an error case too.
@Suite struct VendorFileTests {
    /// A fresh database with the vendor and category the files name.
    func prepared(_ folder: String) throws -> String {
        let db = folder + "/v.sqlite"
        _ = try drc(["init", "--db", db], in: folder)
        _ = try drc(["vendor", "add", "--name", "美音", "--db", db], in: folder)
        _ = try drc(["category", "add", "--name", "网络", "--db", db], in: folder)
        _ = try drc(["project", "add", "--name", "政务网络", "--code", "ZW", "--unit", "", "--db", db], in: folder)
        return db
    }

    func orders(_ db: String, _ folder: String) throws -> String {
        try drc(["export", "orders", "--headers", "en", "--db", db], in: folder).stdout
    }

    @Test func gb18030LogWithChineseHeadersTrailingColumnBlankAndTotalRows() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            let log = "供应商,服务类别,状态,报修时间,解决时间,故障描述,\n"
                + "美音,网络,已完成,2021/03/05 08:05:33,2021年3月5日10时30分,断网,\n"
                + "美音,网络,处理中,2021-03-06 下午2:05,,打印机,\n"
                + ",,,,,,\n"
                + "合计,2,,,,,\n"
            try Data(log.data(using: .init(rawValue: 0x8000_0632))!).write(to: URL(fileURLWithPath: folder + "/gb.csv"))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/gb.csv"))
            #expect(String(data: bytes, encoding: .utf8) == nil, "the fixture must not be UTF-8")
            let imported = try drc(["import", "orders", folder + "/gb.csv", "--db", db], in: folder)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("Passed over 1 blank row and the total row on line 5"))
            #expect(imported.stdout.contains("4 rows read, 2 written"))
            let out = try orders(db, folder)
            #expect(out.contains("2021,美音,,网络,,solved,2021-03-05 08:05,2021-03-05 10:30,,断网"))
            #expect(out.contains("2021,美音,,网络,,assigned,2021-03-06 14:05,,,打印机"))
            #expect(out.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3)
            // The same note in Chinese.
            try FileManager.default.createDirectory(atPath: folder + "/zh", withIntermediateDirectories: true)
            let db2 = try prepared(folder + "/zh")
            let zh = try drc(["import", "orders", folder + "/gb.csv", "--db", db2], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(zh.stdout.contains("已跳过 1 个空行和合计行（第 5 行），它们不是记录。"), "\(zh.stdout)")
        }
    }

    @Test func gb18030RejectsStayGB18030() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            let log = "供应商,服务类别,报修时间\n美音,网络,2021-03-05\n美音,网络,2021-02-30 08:00:00\n"
            try log.data(using: .init(rawValue: 0x8000_0632))!.write(to: URL(fileURLWithPath: folder + "/gb.csv"))
            let result = try drc(["import", "orders", folder + "/gb.csv", "--skip-bad", "--rejects", folder + "/bad.csv", "--db", db], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let rejects = try Data(contentsOf: URL(fileURLWithPath: folder + "/bad.csv"))
            #expect(String(data: rejects, encoding: .utf8) == nil)
            let text = String(data: rejects, encoding: .init(rawValue: 0x8000_0632)) ?? ""
            #expect(text.hasPrefix("供应商,服务类别,报修时间,reason\n美音,网络,2021-02-30 08:00:00,"), "\(text)")
        }
    }

    @Test func utf16WithByteOrderMarkAndNamedWithout() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            let log = "供应商\t服务类别\t报修时间\n美音\t网络\t2021-3-3 下午2:05\n"
            var little = Data([0xFF, 0xFE]); little.append(log.data(using: .utf16LittleEndian)!)
            var big = Data([0xFE, 0xFF]); big.append(log.data(using: .utf16BigEndian)!)
            try little.write(to: URL(fileURLWithPath: folder + "/le.txt"))
            try big.write(to: URL(fileURLWithPath: folder + "/be.txt"))
            try log.data(using: .utf16LittleEndian)!.write(to: URL(fileURLWithPath: folder + "/bare.txt"))
            for file in ["le.txt", "be.txt"] {
                let result = try drc(["import", "orders", folder + "/" + file, "--db", db], in: folder)
                #expect(result.status == 0, "\(file): \(result.stderr)")
            }
            let named = try drc(["import", "orders", folder + "/bare.txt", "--encoding", "utf-16le", "--db", db], in: folder)
            #expect(named.status == 0, "\(named.stderr)")
            #expect(try orders(db, folder).components(separatedBy: "2021,美音,,网络,,new,2021-03-03 14:05").count == 4)
            // Without a byte-order mark and unnamed, UTF-16 is not guessed: refused, nothing written.
            let unnamed = try drc(["import", "orders", folder + "/bare.txt", "--db", db], in: folder)
            #expect(unnamed.status == 1)
            let bad = try drc(["import", "orders", folder + "/bare.txt", "--encoding", "utf-32", "--db", db], in: folder)
            #expect(bad.status == 64 && bad.stderr.contains("--encoding: use utf-8, gb18030, utf-16le or utf-16be"))
        }
    }

    @Test func secondsVendorStatusWordsAndFullWidthDigits() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            let log = """
                vendor,category,status,opened,closed
                美音,网络,已关闭,2021/03/05 08:05:33,2021年3月6日9时0分5秒
                美音,网络,已取消,２０２１－０３－０６　１４：０５,
                美音,网络,待处理,2021-03-07 14：05,
                美音,网络,完工,2021-03-08,

                """
            try log.write(toFile: folder + "/s.csv", atomically: true, encoding: .utf8)
            // 完工 is not a word drc or the common table knows: refused by name, nothing written.
            let refused = try drc(["import", "orders", folder + "/s.csv", "--db", db], in: folder)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("line 5, column status \"完工\": is not one of"), "\(refused.stderr)")
            #expect(try orders(db, folder).components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
            let mapped = try drc(["import", "orders", folder + "/s.csv", "--status-map", "完工=solved", "--db", db], in: folder)
            #expect(mapped.status == 0, "\(mapped.stderr)")
            let out = try orders(db, folder)
            #expect(out.contains("2021,美音,,网络,,closed,2021-03-05 08:05,,2021-03-06 09:00,"))
            #expect(out.contains("2021,美音,,网络,,cancelled,2021-03-06 14:05,"))
            #expect(out.contains("2021,美音,,网络,,new,2021-03-07 14:05,"))
            #expect(out.contains("2021,美音,,网络,,solved,2021-03-08,"))
            // A vendor's time that is no time is still refused, named.
            try "vendor,category,opened\n美音,网络,2021/02/30 08:00:00\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
            let bad = try drc(["import", "orders", folder + "/bad.csv", "--db", db], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(bad.status == 1 && bad.stderr.contains("2021/02/30 08:00:00") && bad.stderr.contains("2021 年 2 月只有 28 天") || bad.stderr.contains("28"),
                    "\(bad.stderr)")
            let badMap = try drc(["import", "orders", folder + "/s.csv", "--status-map", "完工=done", "--db", db], in: folder)
            #expect(badMap.status == 1 && badMap.stderr.contains("status-map \"完工=done\": is not one of"), "\(badMap.stderr)")
        }
    }

    @Test func mappedIgnoredColumnsAndWholeFileDefaults() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            try "故障类别,报修时间,备注,联系人\n网络,2021-03-03 09:00,楼上,张三\n网络,,,\n".write(toFile: folder + "/m.csv", atomically: true, encoding: .utf8)
            // Two columns drc does not know: both named at once, with the way out; nothing written.
            let unknown = try drc(["import", "orders", folder + "/m.csv", "--vendor", "美音", "--db", db], in: folder)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("has 3 columns that are not fields of work orders: 故障类别, 备注, 联系人"), "\(unknown.stderr)")
            #expect(unknown.stderr.contains("--map 'column=field'") && unknown.stderr.contains("--ignore COLUMN"))
            let zh = try drc(["import", "orders", folder + "/m.csv", "--vendor", "美音", "--db", db], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(zh.stderr.contains("有 3 列不是工单的字段：故障类别、备注、联系人") && zh.stderr.contains("--map '列名=字段'"), "\(zh.stderr)")
            let good = try drc(["import", "orders", folder + "/m.csv", "--map", "故障类别=category", "--ignore", "备注", "--ignore", "联系人",
                                "--vendor", "美音", "--project", "政务网络", "--year", "2021", "--db", db], in: folder)
            #expect(good.status == 0, "\(good.stderr)")
            let out = try orders(db, folder)
            #expect(out.contains("2021,美音,政务网络,网络,,new,2021-03-03 09:00,"))
            #expect(out.contains("2021,美音,政务网络,网络,,new,,"))
            // Errors of each option, named.
            // The file is in already: --again, so each option's own error is the one shown.
            let badTarget = try drc(["import", "orders", folder + "/m.csv", "--again", "--map", "故障类别=kind", "--db", db], in: folder)
            #expect(badTarget.status == 1 && badTarget.stderr.contains("map \"kind\": is not a field of a work order"), "\(badTarget.stderr)")
            let badPair = try drc(["import", "orders", folder + "/m.csv", "--again", "--map", "故障类别", "--db", db], in: folder)
            #expect(badPair.status == 1 && badPair.stderr.contains("map \"故障类别\": should be written name=value"), "\(badPair.stderr)")
            let badVendor = try drc(["import", "orders", folder + "/m.csv", "--again", "--map", "故障类别=category", "--ignore", "备注,联系人",
                                     "--vendor", "无此公司", "--year", "2021", "--db", db], in: folder)
            #expect(badVendor.status == 1 && badVendor.stderr.contains("无此公司"), "\(badVendor.stderr)")
            let badYear = try drc(["import", "orders", folder + "/m.csv", "--again", "--map", "故障类别=category", "--ignore", "备注,联系人",
                                   "--vendor", "美音", "--year", "21", "--db", db], in: folder)
            #expect(badYear.status == 1 && badYear.stderr.contains("year \"21\": is not a year"), "\(badYear.stderr)")
            #expect(try orders(db, folder) == out)
        }
    }

    @Test func emptyColumnsBeforeANamedOneAndValuesUnderNoName() throws {
        try withTemporaryFolder { folder throws in
            let db = try prepared(folder)
            try "供应商,,服务类别,报修时间\n美音,,网络,2021-03-03\n".write(toFile: folder + "/gap.csv", atomically: true, encoding: .utf8)
            let gap = try drc(["import", "orders", folder + "/gap.csv", "--db", db], in: folder)
            #expect(gap.status == 1 && gap.stderr.contains("column 2 has no name but columns follow it"), "\(gap.stderr)")
            try "供应商,服务类别,报修时间,,\n美音,网络,2021-03-03,,\n美音,网络,2021-03-04,,x\n美音,网络,2021-03-05\n".write(
                toFile: folder + "/tail.csv", atomically: true, encoding: .utf8)
            let tail = try drc(["import", "orders", folder + "/tail.csv", "--db", db], in: folder)
            #expect(tail.status == 1 && tail.stderr.contains("line 3 has a value in column 5, which has no name") || tail.stderr.contains("line 3") && tail.stderr.contains("column 5, which has no name"),
                    "\(tail.stderr)")
            #expect(try orders(db, folder).components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        }
    }
}
