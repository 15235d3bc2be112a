/// What a cell's number format shows, as far as reading its value needs: a date, a time, an
/// elapsed time (a duration, `[h]:mm:ss`), a percentage, or a plain number. Built-in formats are known by id (14–22 and 45–47 in every
/// locale, 27–36 and 50–58 the Chinese, Japanese and Korean dates); a workbook's own formats
/// by their code (`yyyy"年"m"月"d"日"`, `yyyy-mm-dd hh:mm`).
struct NumberFormat: Equatable {
    var showsDate = false
    var showsTime = false
    var isPercent = false
    /// A duration's format: `[h]:mm:ss` shows 255:10:10, a length of time and no time of day.
    var elapsed: ElapsedTime.Format?

    var isDateOrTime: Bool { (showsDate || showsTime) && elapsed == nil }

    static let general = NumberFormat()

    init(showsDate: Bool = false, showsTime: Bool = false, isPercent: Bool = false, elapsed: ElapsedTime.Format? = nil) {
        self.showsDate = showsDate
        self.showsTime = showsTime
        self.isPercent = isPercent
        self.elapsed = elapsed
    }

    /// A built-in format by its id.
    init(builtIn id: Int) {
        switch id {
        case 9, 10: isPercent = true
        case 14...17, 27...31, 36, 50...54, 57, 58: showsDate = true
        case 18...21, 32...35, 45...47, 55, 56: showsTime = true
        case 22: showsDate = true; showsTime = true
        default: break
        }
    }

    /// A format by its code: what is left once quoted text, escaped characters, fill and
    /// padding marks and bracketed sections (colours, locales) are removed decides; an elapsed
    /// [h], [m] or [s] makes it a duration, whose largest unit counts on past 24 or 60.
    init(code: String) {
        let lowered = code.lowercased()
        guard lowered != "general", lowered != "@" else { return }
        var tokens: [Character] = []
        var iterator = Array(lowered.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")[...]
        var elapsedUnit: ElapsedTime.Unit?
        while let character = iterator.popFirst() {
            switch character {
            case "\"":
                while let next = iterator.popFirst(), next != "\"" {}
            case "\\", "_", "*":
                _ = iterator.popFirst()
            case "[":
                var inside = ""
                while let next = iterator.popFirst(), next != "]" { inside.append(next) }
                if let first = inside.first, inside.allSatisfy({ $0 == first }), elapsedUnit == nil {
                    elapsedUnit = ElapsedTime.Unit(rawValue: first)
                }
            default:
                tokens.append(character)
            }
        }
        let text = String(tokens)
        isPercent = text.contains("%")
        if let elapsedUnit {
            // The unit's own seconds ([s]) or seconds after it (`[h]:mm:ss`, `[mm]:ss`).
            elapsed = ElapsedTime.Format(unit: elapsedUnit, showsSeconds: elapsedUnit == .seconds || text.contains("s"))
            showsTime = true
            return
        }
        showsTime = text.contains("h") || text.contains("s") || text.contains("am/pm") || text.contains("上午/下午")
        showsDate = text.contains("y") || text.contains("d") || (text.contains("m") && !showsTime)
    }
}
