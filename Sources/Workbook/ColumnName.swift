/// A worksheet column's letters (A … Z, AA … XFD) and its index from 0, as cell references
/// (`C5`) name them.
public enum ColumnName {
    /// The most columns a worksheet has (XFD).
    public static let limit = 16_384

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The column and row of a reference such as `C5` (the row nil when absent, as in `C`);
    /// nil when it is not a reference within a worksheet's bounds.
    static func parse(reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - 48)
                digits += 1
                if digits > 7 { return nil }
            default:
                return nil
            }
            if letters > 3 { return nil }
        }
        guard letters > 0, column <= limit else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }
}
