import Dispatch
import HummingbirdBcrypt

/// Password hashing with bcrypt. Hashing and checking are slow on purpose (a quarter second at
/// cost 12), so the async forms run on a Dispatch queue, never on the server's event loops.
public enum Passwords {
    /// The work factor for new hashes; tests use a lower one to stay quick.
    public static let defaultCost: UInt8 = 12

    public static func hash(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    static func verifyOffLoop(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: verify(password, hash: hash)) }
        }
    }

    /// A hash nobody's password matches, checked when the name is unknown so that an unknown
    /// name takes as long as a wrong password (the timing tells nothing): the same cost as every
    /// account's hash, made once when the server starts, not on the first unknown name.
    static let decoy = Bcrypt.hash("decoy password that no account has", cost: defaultCost)

    /// The decoy, for the test that checks its cost.
    public static var decoyForTests: String { decoy }

    /// The work factor a bcrypt hash was made with (`$2b$12$…` → 12).
    public static func cost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$")
        return parts.count >= 3 ? Int(parts[1]) : nil
    }
}
