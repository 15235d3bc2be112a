/// Times as vendors' systems write them, read when the usual forms (`DateText`) fail:
/// `2021/03/05 08:05:33` (seconds, dropped: records keep minutes), `2021年3月3日10时30分`,
/// `2021-3-3 下午2:05`, full-width digits and `14：05`. The result is `DateText`'s, so a
/// vendor's time and a clerk's are checked alike (month, day, hour, minute).
public enum VendorTime {
    public static func parse(_ input: String) -> Result<DateText, ValueError> {
        guard let text = normalised(input) else { return .failure(.init(.notADate)) }
        return DateText.parse(text)
    }

    /// The time rewritten in a form `DateText` reads, or nil when it is not a vendor's form either.
    static func normalised(_ input: String) -> String? {
        var text = ""
        for character in input {
            text.append(halfWidth(character))
        }
        var afternoon: Bool?
        for (marker, isAfternoon) in [("上午", false), ("早上", false), ("凌晨", false), ("中午", true), ("下午", true), ("晚上", true),
                                      ("AM", false), ("am", false), ("PM", true), ("pm", true)] where text.contains(marker) {
            afternoon = isAfternoon
            text = text.replacing(marker, with: " ")
            break
        }
        text = text.replacing("年", with: "/").replacing("月", with: "/").replacing("日", with: " ").replacing("号", with: " ")
        text = text.replacing("时", with: ":").replacing("点", with: ":").replacing("分", with: ":").replacing("秒", with: "")
        text = text.replacing("T", with: " ")
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let date = parts.first, parts.count <= 3 else { return nil }
        let clockText = parts.dropFirst().joined()
        guard !clockText.isEmpty else { return afternoon == nil ? String(date) : nil }
        var clock = clockText.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        while clock.count > 2, clock.last?.isEmpty == true { clock.removeLast() }
        if clock.count == 1 || clock.count == 2 && clock[1].isEmpty { clock = [clock[0], "00"] }
        // Seconds, with or without a fraction, are dropped: the records keep minutes.
        guard (2...3).contains(clock.count), clock.allSatisfy({ !$0.isEmpty }),
              clock.count == 2 || clock[2].allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              var hour = Int(clock[0]), clock[0].allSatisfy(\.isASCIIDigit), clock[1].allSatisfy(\.isASCIIDigit) else { return nil }
        if let afternoon {
            guard hour <= 12 else { return nil }
            if afternoon && hour < 12 { hour += 12 }
            if !afternoon && hour == 12 { hour = 0 }
        }
        return "\(date) \(DateText.pad(hour)):\(clock[1].count == 1 ? "0" + clock[1] : clock[1])"
    }

    /// Full-width digits, colon, slash, hyphen, dot and space as their ASCII forms.
    static func halfWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF1A, 0xFF0F, 0xFF0D, 0xFF0E:
            return Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        case 0x3000: return " "
        default: return character
        }
    }
}
