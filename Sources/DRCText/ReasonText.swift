import DRCCore

extension Messages {
    /// Why a value or a line was refused, as it follows the field's name and value:
    /// `is not a year; …` / `不是年份；…`.
    public func reason(_ reason: Reason) -> String {
        switch reason {
        case .required: return say("必须填写", "is required")
        case .requiredNotCleared: return say("必须填写，不能清空", "is required and cannot be cleared")
        case .containsNUL: return say("含有空字符（编码为 0 的字符）", "contains a NUL character")
        case .notAWholeNumber: return say("不是整数", "is not a whole number")
        case .negativeCount: return say("是负数；数量应为零或正数", "is negative; a count is zero or more")
        case .notAYear: return say("不是年份；请写四位数字，如 2020", "is not a year; give four digits such as 2020")
        case .outOfRange(let lowest, let highest):
            return say("超出范围；应在 \(lowest) 到 \(highest) 之间", "is out of range; give a number from \(lowest) to \(highest)")
        case .givenTwice: return say("给了不止一次；只能给一个值", "is given more than once; give one value")
        case .negativeAmount: return say("是负数；金额应为零或正数", "is negative; amounts are zero or more")
        case .notYesOrNo: return say("应填“是”或“否”", "is not yes or no")
        case .notOneOf(let choices):
            return say("不在可选范围内；可选：\(list(choices.map(\.zh)))", "is not one of: \(choices.map(\.en).joined(separator: ", "))")
        case .childRowsOnly: return say("包含多行明细，每行一条", "holds rows of their own, one per line")
        case .notADecimal: return say("不是数字；请写成 1340 或 99.5 这样", "is not a number such as 1340 or 99.5")
        case .emptyReference: return say("为空；请给出编号、名称或代码", "is empty; give an id, a name or a code")
        case .emptyPath: return say("为空；请写出数据库文件", "is empty; name the database file")

        case .emptyAmount:
            return say("为空；请写金额，如 1234.56 或 113.03万", "is empty; give an amount such as 1234.56 or 113.03万")
        case .notAnAmount:
            return say("不是金额；请写成 1234.56、1,234.56、¥1,234.56 或 113.03万",
                       "is not an amount; write it like 1234.56, 1,234.56, ¥1,234.56 or 113.03万")
        case .tooManyDecimals(let inWan):
            return inWan
                ? say("以万元为单位时小数超过六位；金额精确到分", "has more than six decimals in 万元; amounts are exact to the fen")
                : say("小数超过两位；金额精确到分（0.01）", "has more than two decimals; amounts are exact to the fen (0.01)")
        case .amountTooLarge:
            let largest = Money.yuan(Money.largestAmount)
            return say("超过了 drc 能接受的最大金额 \(largest) 元（1万亿元）；请检查是否输错",
                       "is more than the largest amount drc accepts, \(largest) yuan (1万亿元); check for a mistyped amount")
        case .notADate:
            return say("不是日期；请写成 2020-03-02、2020/3/2 或 2020年3月2日，可以再加时间 14:05",
                       "is not a date; write it like 2020-03-02, 2020/3/2 or 2020年3月2日, with an optional time 14:05")
        case .noSuchMonth(let month):
            return say("没有 \(month) 月；月份是 1 到 12", "has no month \(month); months run 1 to 12")
        case .noSuchDay(let year, let month, let days):
            return say("日期不存在：\(year) 年 \(month) 月只有 \(days) 天",
                       "is not a real date: \(year)-\(month < 10 ? "0" : "")\(month) has \(days) days")
        case .timeNotHHMM: return say("时间应写成 时:分，如 14:05", "has a time that is not HH:MM")
        case .impossibleTime(let time): return say("时间 \(time) 不存在", "has an impossible time \(time)")
        case .timeHasSeconds:
            return say("带有秒；记录只精确到分钟（时:分）", "has seconds; records keep the time to the minute (HH:MM)")
        case .creditCodeLength(let count):
            return say("有 \(count) 个字符；统一社会信用代码应为 18 位", "has \(count) characters; a unified social credit code has 18")
        case .creditCodeCharacter(let character, let position):
            return say("第 \(position) 位是\"\(character)\"，信用代码不用这个字符（不用 I、O、S、V、Z）",
                       "has \"\(character)\" at position \(position), which a credit code never uses (no I, O, S, V or Z)")
        case .creditCodeCheck(let expected, let found):
            return say("校验位不对：应为 \(expected)，实为 \(found)；有字符输错了",
                       "has the wrong check character: expected \(expected), found \(found); a character is mistyped")

        case .yearNeeded:
            return say("必须填写（或者填写报修时间，年度从中取得）", "is required (or give the opened date, and the year is taken from it)")
        case .outsideOrderYear(let year): return say("不在工单所属的 \(year) 年度内", "is not in the order's year \(year)")
        case .beforeOrderEvent(let field, let at):
            return say("早于工单的\(label(field))（\(at)）", "is before the order was \(field) (\(at))")
        case .remoteFixArrived:
            return say("与“远程处理”矛盾：远程处理的工单没有到场时间；请清空到场时间，或取消远程处理",
                       "contradicts remote: a remote fix has no arrival time; clear arrived, or set remote to no")
        case .statusByCommandsOnly:
            return say("只能用状态命令修改（assign、pend、solve、close、cancel、reopen）",
                       "changes only through the status commands (assign, pend, solve, close, cancel, reopen)")
        case .beforeFirstYear(let first): return say("早于起始年度 \(first)", "is before the first year \(first)")
        case .projectOrUnitRequired:
            return say("必须填写，除非给出了单位（整个单位的指标）", "is required unless a unit is given (for a whole-unit indicator)")
        case .isThisLine: return say("就是这一行本身", "is this line itself")
        case .parentElsewhere(let year, let kind):
            return say("是另一个年度、单位或类型的行（\(year) \(ChoiceNames.zh(kind))）",
                       "is a line of another year, unit or kind (\(year) \(kind))")
        case .unitBelowItself:
            return say("就是这个单位本身或它的下级；单位不能隶属于自己", "is this unit or one below it; a unit cannot sit below itself")
        case .beforeStart(let start): return say("早于开始日期 \(start)", "is before the start \(start)")
        case .isThisContract: return say("就是这份合同本身", "is this contract itself")
        case .parentIsASupplement(let original):
            return say("本身是补充合同；补充合同应指向原合同 \(original)", "is itself a supplementary contract; name the original contract \(original)")
        case .paymentNotPaid:
            return say("尚未支付（没有支付日期）；只有已支付的款项才能入账", "is not paid (it has no paid-on date); only a paid payment can be booked")
        case .vendorDiffers(let invoiceVendor, let contractVendor):
            return say("开票供应商（\(invoiceVendor)）与合同供应商（\(contractVendor)）不一致；发票只能对应开票供应商自己的合同",
                       "the invoice's vendor \(invoiceVendor) is not the contract's vendor \(contractVendor); an invoice bills its own vendor's contract")
        case .notOnReversal: return say("冲销记录不能填写这一项", "cannot be set on a reversing entry")
        case .negatedOnReversal:
            return say("冲销记录自动取原记录的相反数，不用填写", "is the original's, negated, on a reversing entry")
        case .notWorkingHours:
            return say("不是服务时间；写 08:30-17:30（开始早于结束）", "is not working hours; write 08:30-17:30 (the start before the end)")
        case .notPositive:
            return say("须大于 0；不考核时不填", "must be more than 0; leave it empty for no limit")
        case .samePolicyScope(let other):
            return say("与策略“\(other)”的优先级、合同、供应商和服务类别相同；请修改那一项", "has the same priority, contract, vendor and category as the policy \"\(other)\"; edit that one instead")
        case .tooManyChildValues(let count, let fields):
            return say("有 \(count) 个值；每行最多 \(fields.count) 个：\(fields.map(label).joined(separator: " | "))",
                       "has \(count) values; a line holds at most \(fields.count): \(fields.joined(separator: " | "))")
        case .notAFilter(let kind): return say("不是\(noun(kind))的筛选条件", "is not a filter of \(noun(kind, count: 2))")
        case .notAField(let kind, let fields):
            return say("不是\(noun(kind))的字段；它的字段有：\(list(fields.map(labelAndName)))",
                       "is not a field of \(Self.withArticle(noun(kind))); its fields are: \(fields.joined(separator: ", "))")
        case .referenceMissing: return say("引用的记录不存在", "refers to a record that does not exist")
        case .breaksRule(let message): return say("违反了记录的规则（\(message)）", "breaks a rule of the records (\(message))")
        case .vendorInactive: return say("已停用，不再接受新工单", "is inactive and takes no new work orders")

        case .emptyFile: return say("是空的；第一行应写明各列的名称", "is empty; the first line must name the columns")
        case .emptySeedFile: return say("是空的", "is empty")
        case .notUTF8:
            return say("不是有效的 UTF-8 文本；中文 Excel 保存的文件通常是 GB18030 编码",
                       "is not valid UTF-8; a file saved by Chinese Excel is usually GB18030")
        case .onLine(let line, let reason): return say("第 \(line) 行\(self.reason(reason))", "line \(line) \(self.reason(reason))")
        case .fieldCount(let found, let header):
            return say("有 \(found) 个字段，表头有 \(header) 个", "has \(found) fields, the header has \(header)")
        case .tooManyColumns(let limit): return say("超过了 \(limit) 列", "has more than \(limit) columns")
        case .recordTooLong(let megabytes): return say("超过了 \(megabytes) MB", "is longer than \(megabytes) MB")
        case .quoteInUnquotedField:
            return say("没有加引号的字段里有引号；请给整个字段加上引号，并把其中的引号写两遍（\"\"）",
                       "has a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
        case .unclosedQuote:
            return say("有一个加了引号的字段没有结束（从这里起少了一个 \"）", "has a quoted field that is never closed (a missing \" from here on)")
        case .textAfterClosingQuote(let tabs):
            return say("结束引号后面还有文字；加引号的字段必须在\(tabs ? "制表符" : "逗号")或行尾结束",
                       "has text after a closing quote; a quoted field must end at \(tabs ? "a tab" : "a comma") or the line's end")
        case .missingColumn(let name):
            return say("没有\(labelAndName(name))列；这一列必须有", "has no \(name) column; it is required")
        case .needsYearOrOpened:
            return say("需要年度（year）列或报修时间（opened）列", "needs a year column or an opened column")
        case .unknownColumn(let index, let kind, let columns):
            return say("第 \(index + 1) 列不是\(noun(kind))的字段；可用的列有：\(list(columns.map(labelAndName)))",
                       "column \(index + 1) is not a field of \(noun(kind, count: 2)); the columns are: \(columns.joined(separator: ", "))")
        case .repeatedColumn(let index, let field):
            return say("第 \(index + 1) 列与\(labelAndName(field))列重复", "column \(index + 1) repeats the column \(field)")
        case .unknownColumns(let names, let kind, let columns):
            return say("有 \(names.count) 列不是\(noun(kind))的字段：\(names.joined(separator: "、"))；可用的列有：\(list(columns.map(labelAndName)))",
                       "has \(names.count) columns that are not fields of \(noun(kind, count: 2)): \(names.joined(separator: ", ")); the columns are: \(columns.joined(separator: ", "))")
        case .unnamedColumn(let index):
            return say("第 \(index + 1) 列没有列名，但后面还有列；请写上列名或删掉这一列",
                       "column \(index + 1) has no name but columns follow it; name it or remove it")
        case .valueInUnnamedColumn(let index):
            return say("第 \(index + 1) 列有值，但这一列没有列名", "has a value in column \(index + 1), which has no name")
        case .notAPair: return say("应写成“列名=字段”，多项之间用逗号分隔", "should be written name=value, pairs separated by commas")
        case .noSuchSheet(let sheets):
            if sheets.isEmpty { return say("没有工作表；请在表格软件中打开后另存为 .xlsx 或 CSV", "has no worksheet; open it in a spreadsheet program and save it as .xlsx or CSV") }
            return say("不在这个工作簿里；工作表有：\(sheets.map { "“\($0)”" }.joined(separator: "、"))；请用 --sheet 指定其中之一",
                       "is not in the workbook; its sheets are: \(sheets.map { "\"\($0)\"" }.joined(separator: ", ")); name one with --sheet")
        case .notAWorkbook(let oldExcel):
            return oldExcel
                ? say("是旧版 Excel（.xls）文件，无法直接读取；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV",
                      "is an old Excel (.xls) file, which cannot be read; save it as .xlsx or CSV in Excel or WPS")
                : say("不是扩展名所说的工作簿（内容与扩展名不符）；请在表格软件中打开后另存为 .xlsx 或 CSV",
                      "is not the workbook its name says (its content does not match its extension); open it in a spreadsheet program and save it as .xlsx or CSV")
        case .brokenWorkbook(let part, let line, let problem):
            let place = line.map { say("\(part) 第 \($0) 行", "\(part) line \($0)") } ?? part
            return say("工作簿已损坏，无法读取（\(place)：\(problem)）；请在表格软件中打开后另存为 .xlsx 或 CSV",
                       "is a damaged workbook (\(place): \(problem)); open it in a spreadsheet program and save it as .xlsx or CSV")
        case .workbookPartTooLarge(let part, let megabytes):
            return part.isEmpty
                ? say("超过 \(megabytes) MiB，太大，无法从标准输入或上传读取；请把文件保存到磁盘后导入，或另存为 CSV",
                      "is larger than \(megabytes) MiB, too large to read from standard input or an upload; save it to disk and import it from there, or save it as CSV")
                : say("的 \(part) 解压后超过 \(megabytes) MiB，太大，无法读取；请另存为 CSV",
                      "has a part \(part) larger than \(megabytes) MiB unpacked, too large to read; save it as CSV")
        case .workbookUnpacksTooLarge(let megabytes):
            return say("解压后超过 \(megabytes) MiB，太大，无法读取；请另存为 CSV",
                       "unpacks to more than \(megabytes) MiB, too large to read; save it as CSV")
        case .workbookPackedTooTightly(let part, let ratio):
            return say("的 \(part) 压缩得超过 \(ratio) 倍，正常的工作簿不会这样（可能是“压缩炸弹”），不予读取；请在表格软件中打开后另存为 .xlsx 或 CSV",
                       "has a part \(part) packed more than \(ratio) to 1, which no ordinary workbook is (it may be a zip bomb), so it is not read; open it in a spreadsheet program and save it as .xlsx or CSV")
        case .workbookMergesTooLarge(let part, let megabytes):
            return say("的 \(part) 中合并单元格的值填入它们覆盖的单元格后超过 \(megabytes) MiB，正常的工作表不会这样，不予读取；请取消合并后另存为 .xlsx 或 CSV",
                       "has merged ranges in \(part) whose value, given to every cell they cover, passes \(megabytes) MiB, which no ordinary sheet does, so it is not read; unmerge them and save it as .xlsx or CSV")
        case .encryptedWorkbook:
            return say("是加了密码的工作簿，无法读取；请在 Excel 或 WPS 中打开，去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存，再导入",
                       "is a workbook saved with a password, which cannot be read; open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it and import it again")
        case .tooManyRowsForSheet(let limit):
            return say("记录太多：一个工作表最多 \(limit) 行（含表头）；请用 --format csv，或用 --year 等筛选缩小范围",
                       "has too many records: a worksheet holds at most \(limit) rows (the header included); use --format csv, or narrow it with --year and the other filters")
        case .unknownParentKey(let key): return say("上级键 \(key) 不存在", "unknown parent key \(key)")
        case .unknownUnitKey(let key): return say("单位键 \(key) 不存在", "unknown unit key \(key)")

        case .isAFolder: return say("是文件夹，不是文件", "is a folder, not a file")
        case .cannotOpenFile(let code): return say(system(code), system(code).lowercased())
        case .cannotBeRead(let code): return say("无法读取：\(system(code))", "cannot be read: \(system(code))")
        case .cannotBeWritten(let code): return say("无法写入：\(system(code))", "cannot be written: \(system(code))")
        case .encodingUnsupported: return say("这个系统不支持这种编码", "is not supported on this system")
        case .cannotHoldText: return say("无法表示写入的部分文字", "cannot hold some of the text written to it")
        case .queryWrites: return say("会修改数据库；只允许读取", "would change the database; only reading is allowed")
        case .queryNotAllowed:
            return say("不允许；只允许读取（不能写入、ATTACH 或修改 PRAGMA 设置）",
                       "is not allowed; only reading is allowed (no writes, ATTACH or PRAGMA settings)")
        case .sqlite(let message): return say("数据库报告：\(message)", message)
        case .readOnlyLocation: return say("文件或它所在的文件夹是只读的", "the file or its folder is read-only")
        case .permissionDenied: return say("没有权限，或者文件夹不存在", "permission denied or the folder does not exist")
        case .cannotCreateFolder(let folder): return say("无法创建文件夹 \(folder)", "cannot create the folder \(folder)")
        case .brokenReferences(let count, let table, let row):
            return say("会留下 \(count) 处失效的引用（第一处在 \(table) 表的第 \(row) 行）",
                       "it would leave \(count) broken reference\(count == 1 ? "" : "s") (the first in \(table), row \(row))")
        case .backupNotMoved(let destination, let code):
            return say("备份无法移到 \(destination)：\(system(code))", "the backup could not be moved to \(destination): \(system(code))")
        case .backupFailed(let destination, let message):
            return say("备份到 \(destination) 失败：\(message)", "the backup to \(destination) failed: \(message)")
        case .backupDamaged(let path, let problem):
            return say("备份 \(path) 已损坏，不能用来恢复（完整性检查：\(problem)）",
                       "the backup \(path) is damaged and cannot be restored from (integrity check: \(problem))")
        case .backupNotAFolder(let path):
            return say("\(path) 不是文件夹；--keep 要把带日期的备份写进一个已有的文件夹",
                       "\(path) is not a folder; --keep writes dated backups into an existing folder")
        case .backupNotRemoved(let path, let code):
            return say("旧备份 \(path) 无法删除：\(system(code))", "the old backup \(path) could not be removed: \(system(code))")
        }
    }

    /// A field's label with the name a header or option uses: 供应商（vendor）; the name in English.
    private func labelAndName(_ field: String) -> String {
        let label = self.label(field)
        return label == field ? field : say("\(label)（\(field)）", field)
    }
}
