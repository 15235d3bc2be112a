import DRCCore

extension Messages {
    /// A bad row of an import: `line 3, column opened "2021-02-30": …` /
    /// `第 3 行 报修时间 "2021-02-30"：…`. Long values are cut at 60 characters.
    public func row(_ error: RowError) -> String {
        var place = say("第 \(error.line) 行", "line \(error.line)")
        if let sheet = error.sheet {
            // A workbook's row: its sheet, its row number and the cell's column as the sheet heads them.
            place = say("工作表“\(sheet.sheet)” 第 \(error.line) 行", "sheet \"\(sheet.sheet)\", row \(error.line)")
            if let letters = sheet.columnLetters {
                place += say(" 列 \(letters)", ", column \(letters)")
                if let column = error.column { place += say("（\(label(column))）", " (\(column))") }
            } else if let column = error.column {
                place += say(" \(label(column))", ", column \(column)")
            }
        } else if let column = error.column {
            place += say(" \(label(column))", ", column \(column)")
        }
        if let value = error.value { place += " \"\(value.count > 60 ? String(value.prefix(60)) + "…" : value)\"" }
        return place + say("：", ": ") + problem(error.problem)
    }

    /// The rejects file's reason column: what is wrong, without the place, since the row is
    /// there as it was read; but a line that could not be read as fields (malformed quoting) is
    /// there as one cell of its text, so its reason says which line of the file it was.
    public func rejectReason(_ error: RowError) -> String {
        switch error.problem {
        case .invalid(.quoteInUnquotedField), .invalid(.unclosedQuote), .invalid(.textAfterClosingQuote),
             .invalid(.tooManyColumns), .invalid(.recordTooLong):
            return say("第 \(error.line) 行：", "line \(error.line): ") + problem(error.problem)
        default:
            return problem(error.problem)
        }
    }

    /// What is wrong with a row, without its place.
    public func problem(_ problem: RowError.Problem) -> String {
        switch problem {
        case .invalid(let reason): return self.reason(reason)
        case .failed(let error): return self.error(error)
        }
    }
}
