/// Slows password guessing: after `limit` failed sign-ins for one account name (or
/// `addressLimit` from one address: an office behind one NAT shares it, so it is higher)
/// within `window` seconds, further attempts for it are refused until the window has passed,
/// right password or not. A success clears the name's count.
public actor SignInThrottle {
    let limit: Int
    let addressLimit: Int
    let window: Double
    let now: @Sendable () -> Double
    private var failures: [String: [Double]] = [:]

    public init(limit: Int = 5, addressLimit: Int = 30, window: Double = 300,
                now: @escaping @Sendable () -> Double = SignInThrottle.monotonicSeconds) {
        self.limit = limit
        self.addressLimit = addressLimit
        self.window = window
        self.now = now
    }

    /// Seconds to wait before another attempt for these keys, or nil when one may be made.
    public func wait(for keys: [String]) -> Int? {
        let time = now()
        var longest: Double?
        for key in keys {
            let recent = (failures[key] ?? []).filter { time - $0 < window }
            failures[key] = recent.isEmpty ? nil : recent
            let allowed = key.hasPrefix("address:") ? addressLimit : limit
            if recent.count >= allowed, let oldest = recent.dropLast(allowed - 1).last {
                longest = max(longest ?? 0, window - (time - oldest))
            }
        }
        return longest.map { max(1, Int($0.rounded(.up))) }
    }

    public func failed(_ keys: [String]) {
        let time = now()
        for key in keys { failures[key, default: []].append(time) }
    }

    public func succeeded(_ key: String) {
        failures[key] = nil
    }

    public static let monotonicSeconds: @Sendable () -> Double = {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    private static let start = ContinuousClock.now
}
