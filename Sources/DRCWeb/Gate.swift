import Hummingbird
import NIOCore

/// What every door shares: reading a form within its limit, checking its anti-forgery token,
/// keeping a redirect on this site, and drawing tokens.
enum Gate {
    static func readForm(_ request: Request) async throws -> FormData {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: WebLimits.formBytes)
            return FormData(String(buffer: buffer))
        } catch is NIOTooManyBytesError {
            throw WebFailure(status: .contentTooLarge, error: .formTooLarge(limitBytes: WebLimits.formBytes))
        }
    }

    /// Compared in constant time, so the time taken tells nothing about the token.
    static func checkToken(_ given: String?, expected: String) throws {
        guard let given, !expected.isEmpty, given.utf8.count == expected.utf8.count else {
            throw WebFailure(status: .forbidden, error: .formExpired)
        }
        var difference: UInt8 = 0
        for (a, b) in zip(given.utf8, expected.utf8) { difference |= a ^ b }
        guard difference == 0 else { throw WebFailure(status: .forbidden, error: .formExpired) }
    }

    /// Only a path of this site (`/orders?x=1`), never another site (`//evil`, `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return next
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format2: UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension String {
    init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
