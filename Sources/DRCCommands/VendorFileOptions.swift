import ArgumentParser
import DRCCore

/// How a vendor's file is read, for `import` and `import profile save`: its encoding, its
/// columns (mapped, ignored), values for rows that leave them out, its status words, the sheet
/// of a workbook.
struct VendorFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Speech.say("文件编码：utf-8、gb18030、utf-16le 或 utf-16be；默认自动识别（字节顺序标记；不是 UTF-8 时按 GB18030）。",
                                          "The file's encoding: utf-8, gb18030, utf-16le or utf-16be; default: detected (byte-order mark; GB18030 when not UTF-8)."),
                               valueName: "encoding"))
    var encoding: String?

    @Option(help: ArgumentHelp(Speech.say("把供应商的列名对应到字段，如 '报修时间=opened,故障类别=category'。",
                                          "Map the vendor's column names to fields, e.g. '报修时间=opened,故障类别=category'."),
                               valueName: "列名=字段,…"))
    var map: String?

    @Option(help: ArgumentHelp(Speech.say("不导入这一列；可重复，或用逗号分隔多个列名。", "A column not to import; repeat it, or separate several names by commas."),
                                                         valueName: "column"))
    var ignore: [String] = []

    @Option(name: .customLong("vendor"), help: ArgumentHelp(Speech.say("没有写供应商的行用这个供应商。", "The vendor of rows that do not name one."), valueName: "vendor"))
    var defaultVendor: String?

    @Option(name: .customLong("project"), help: ArgumentHelp(Speech.say("没有写项目的行用这个项目。", "The project of rows that do not name one."), valueName: "project"))
    var defaultProject: String?

    @Option(name: .customLong("year"), help: ArgumentHelp(Speech.say("既没有年度也没有报修时间的行用这个年度。", "The year of rows that give neither a year nor an opened time."),
                                                          valueName: "year"))
    var defaultYear: String?

    @Option(help: ArgumentHelp(Speech.say("供应商的状态用语，如 '已完成=solved,处理中=assigned'；常见用语（已完成、已处理、处理中、待处理、已关闭、已取消 …）不写也认得。",
                                          "The vendor's status words, e.g. '已完成=solved,处理中=assigned'; the common ones (已完成, 已处理, 处理中, 待处理, 已关闭, 已取消 …) are known without it."),
                               valueName: "用语=状态,…"))
    var statusMap: String?

    @Option(help: ArgumentHelp(Speech.say("工作簿（.xlsx）中要导入的工作表名称；默认为第一个工作表。",
                                          "The sheet of a workbook (.xlsx) to import, by its name; default: the first sheet."),
                               valueName: "sheet"))
    var sheet: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(Speech.say("整个文件的默认值：没有这一列、或这一格为空的行用这个值，如 --set 类别=维修工单；任何字段都可以（--vendor 是 --set vendor= 的简写）；可重复。",
                                                                "A whole-file default: rows without the column, or with the cell empty, take this value, e.g. --set category=维修工单; any field (--vendor is short for --set vendor=); repeat it for several."),
                                                  valueName: "字段=值"))
    var set: [String] = []

    @Option(help: ArgumentHelp(Speech.say("表头在第几行（CSV 的行号，工作表左侧的行号）；其上的标题行不导入。默认：前 10 行中第一个写着列名的行。",
                                          "The header's row (a CSV file's line, the row number a sheet shows at its left); the title rows above it are not imported. Default: the first of the top 10 rows that names columns."),
                               valueName: "N"))
    var headerRow: Int?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError(Speech.say("--encoding 只能是 utf-8、gb18030、utf-16le 或 utf-16be", "--encoding: use utf-8, gb18030, utf-16le or utf-16be"))
        }
    }

    /// The format these options describe, over `base` (a profile's): what is given here wins.
    func format(over base: VendorFormat = VendorFormat(), kind: RecordKind = .order) throws -> VendorFormat {
        var format = base
        for pair in set { try format.set(pair, kind: kind) }
        if let headerRow { format.headerRow = headerRow }
        if let encoding { format.encoding = TextEncoding(name: encoding) }
        if let map {
            for (column, field) in try VendorFormat.pairs(map, field: "map") { format.columnMap[column] = field }
        }
        format.ignored += ignore.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "，" }) }.map { String($0).trimmingSpaces() }
            .filter { !$0.isEmpty }
        if let defaultVendor { format.defaults["vendor"] = defaultVendor }
        if let defaultProject { format.defaults["project"] = defaultProject }
        if let defaultYear { format.defaults["year"] = defaultYear }
        if let statusMap {
            for (word, status) in try VendorFormat.pairs(statusMap, field: "status-map") { format.statusWords[word] = status }
        }
        if let sheet { format.sheet = sheet }
        try format.validate()
        return format
    }
}
