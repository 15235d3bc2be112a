// drc-gen: deterministic, realistic test data for drc's benchmarks and tests.
//
//   drc-gen FOLDER [--rows N] [--seed S] [--no-tickets] [--service-levels]
//
// Writes units.csv, vendors.csv, categories.csv, projects.csv (reference data: the 2020
// report's names plus generated ones) and orders.csv (N work orders over ten years, with
// Chinese summaries holding commas, quotes and line breaks, and each vendor's own ticket
// numbers, as vendor files carry them). The same seed gives the same files; --no-tickets
// leaves the ticket column out (the same rows otherwise), for a drc older than tickets;
// --service-levels adds a priority and responded and restored times (drawn from a second
// sequence, so the other columns stay the same), for the service-level benchmark.
#if canImport(Glibc)
import Glibc
#endif

/// SplitMix64: small, fast, and the same sequence on every machine.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

func complain(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var rows = 1_000_000
var seed: UInt64 = 2020
var folder: String?
var tickets = true
var serviceLevels = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--rows": rows = Int(arguments.isEmpty ? "" : arguments.removeFirst()) ?? -1
    case "--seed": seed = UInt64(arguments.isEmpty ? "" : arguments.removeFirst()) ?? 0
    case "--no-tickets": tickets = false
    case "--service-levels": serviceLevels = true
    default: folder = argument
    }
}
guard let folder, rows >= 0 else {
    complain("usage: drc-gen FOLDER [--rows N] [--seed S] [--no-tickets] [--service-levels]")
    exit(64)
}
mkdir(folder, 0o755)

func write(_ name: String, _ body: (inout [UInt8]) -> Void) {
    guard let file = fopen(folder + "/" + name, "wb") else {
        complain("drc-gen: cannot write \(folder)/\(name)")
        exit(1)
    }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    body(&buffer)
    fwrite(buffer, 1, buffer.count, file)
    fclose(file)
}

func flushing(_ file: UnsafeMutablePointer<FILE>, _ buffer: inout [UInt8]) {
    if buffer.count > 1 << 20 {
        fwrite(buffer, 1, buffer.count, file)
        buffer.removeAll(keepingCapacity: true)
    }
}

func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingQuotes() + "\""
}

extension String {
    func replacingQuotes() -> String { split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") }
}

var random = Random(state: seed)
let seedVendors = ["湖南美音网络技术有限公司", "长沙仕贤计算机有限公司", "长沙宜泽信息技术有限责任公司"]
let vendors = seedVendors + (1...17).map { "长沙测试\($0 < 10 ? "0" : "")\($0)信息技术有限公司" }
let seedCategories = ["服务器存储故障处理", "全区网络故障", "会议系统联调及保障", "终端桌面", "计算机外设安装调试", "机房基础设施及每日机房巡检", "维修工单"]
let categories = seedCategories + ["打印机维修", "软件安装", "网络布线", "视频会议保障", "账号开通"]
let streets = ["文艺路街道", "朝阳街道", "韭菜园街道", "湘湖街道", "火星街道", "马王堆街道", "东湖街道", "定王台街道", "初阳街道", "东岸街道", "荷花园街道", "五里牌街道", "鸿铭街道"]
let offices = ["党政办", "综治办", "社区服务中心", "财政所"]
let units = streets.flatMap { street in offices.map { street + $0 } }
let projects = ["全区政务网络运维服务项目", "机关大院内电脑设备运维", "全区计算机硬件维修维护项目"]
let projectVendor = [0, 1, 2]
let problems = ["电脑无法开机", "打印机卡纸", "网络不通", "交换机\"掉线\"", "会议室投影无信号", "邮箱无法登录", "显示器闪屏，需要更换", "IP 地址冲突"]
let fixes = ["重启后恢复", "更换电源", "更换网线，测试正常", "重新配置\"VLAN\"", "更换硬盘，数据已备份", "远程处理完成"]
let statuses = ["closed", "closed", "closed", "closed", "solved", "assigned", "pending", "new", "cancelled"]

write("units.csv") { out in
    out += Array("name,short-name,parent\n长沙市芙蓉区人民政府,区政府,\n".utf8)
    for unit in units { out += Array("\(unit),,长沙市芙蓉区人民政府\n".utf8) }
}
write("vendors.csv") { out in
    out += Array("name,active\n".utf8)
    for vendor in vendors { out += Array("\(vendor),yes\n".utf8) }
}
write("categories.csv") { out in
    out += Array("name\n".utf8)
    for category in categories { out += Array("\(category)\n".utf8) }
}
write("projects.csv") { out in
    out += Array("name,vendors\n".utf8)
    for (index, project) in projects.enumerated() { out += Array("\(project),\(vendors[projectVendor[index]])\n".utf8) }
}

guard let file = fopen(folder + "/orders.csv", "wb") else { exit(1) }
var out: [UInt8] = Array("year,vendor,project,category,unit,status,opened,solved,closed,summary,solution,source\(tickets ? ",ticket" : "")\(serviceLevels ? ",priority,responded,restored" : "")\n".utf8)
var levels = Random(state: seed &+ 17)
let priorities = ["urgent", "high", "medium", "medium", "low"]
/// Each vendor numbers its own tickets, in the order it sends them (no random draw: the other
/// columns stay what they were before tickets).
var nextTicket = [Int](repeating: 1, count: vendors.count)
func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
for _ in 0..<rows {
    let year = 2016 + random.below(10)
    let month = 1 + random.below(12), day = 1 + random.below(27)
    let hour = 8 + random.below(10), minute = random.below(60)
    let opened = "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    let vendorIndex = random.below(vendors.count)
    let project = vendorIndex < 3 ? projects[vendorIndex] : ""
    let status = random.pick(statuses)
    let solvedAt = status == "closed" || status == "solved" ? "\(year)-\(two(month))-\(two(day)) \(two(min(hour + 1, 23))):\(two(minute))" : ""
    let closedAt = status == "closed" ? "\(year)-\(two(month))-\(two(day + 1)) 09:00" : ""
    var summary = random.pick(units) + "：" + random.pick(problems)
    if random.below(10) == 0 { summary += "\n联系人：王\(random.below(100))，电话分机\(1000 + random.below(9000))" }
    let solution = status == "closed" || status == "solved" ? random.pick(fixes) : ""
    let line = "\(year),\(vendors[vendorIndex]),\(project),\(random.pick(categories)),\(random.pick(units)),\(status),\(opened),\(solvedAt),\(closedAt),\(field(summary)),\(field(solution)),generated"
    var ticket = ""
    if tickets {
        // Fixed width, as vendors' systems number them (GD3-0000127): each vendor's tickets
        // arrive in order, and so sort in order.
        let number = String(nextTicket[vendorIndex])
        ticket = ",GD\(vendorIndex)-" + String(repeating: "0", count: max(0, 7 - number.count)) + number
        nextTicket[vendorIndex] += 1
    }
    var service = ""
    if serviceLevels {
        // Responded within 0–179 minutes and restored within 30–629, the same day (never past 23:59).
        func later(_ minutes: Int) -> String {
            let total = min(hour * 60 + minute + minutes, 23 * 60 + 59)
            return "\(year)-\(two(month))-\(two(day)) \(two(total / 60)):\(two(total % 60))"
        }
        service = ",\(levels.pick(priorities)),\(later(levels.below(180))),\(later(30 + levels.below(600)))"
    }
    out += Array((line + ticket + service + "\n").utf8)
    flushing(file, &out)
}
fwrite(out, 1, out.count, file)
fclose(file)
