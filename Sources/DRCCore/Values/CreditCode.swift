/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
/// 31-character alphabet, the last one a check character over the first seventeen.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The code in upper case when it is valid, else the reason it is not.
    public static func validate(_ input: String) -> Result<String, ValueError> {
        let code = input.trimmingSpaces().uppercased()
        let characters = Array(code)
        guard characters.count == 18 else {
            return .failure(.init(.creditCodeLength(characters.count)))
        }
        var values: [Int] = []
        for (position, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else {
                return .failure(.init(.creditCodeCharacter(String(character), position: position + 1)))
            }
            values.append(value)
        }
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        guard values[17] == check else {
            return .failure(.init(.creditCodeCheck(expected: String(alphabet[check]), found: String(characters[17]))))
        }
        return .success(code)
    }
}
