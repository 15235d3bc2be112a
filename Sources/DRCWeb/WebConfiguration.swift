import Foundation

/// How `drc serve` runs: cookie settings and the sign-in throttle.
public struct WebConfiguration: Sendable {
    /// Mark the session cookie Secure: set when the server is reached over HTTPS (behind a
    /// TLS-terminating proxy), so the cookie never travels in clear text.
    public var secureCookies: Bool
    public var throttle: SignInThrottle
    /// How long a session lasts at most, however busy (the absolute limit).
    public var sessionHours: Int
    /// How long a session lasts unused (the idle limit).
    public var sessionIdleMinutes: Int
    /// Unix seconds now: the sessions' clock (a test moves it on).
    public var now: @Sendable () -> Double

    /// A connection that sends nothing for this long, half a request included, is closed, so
    /// slow or stalled clients cannot hold the server's connections.
    public var idleTimeoutSeconds: Int

    public init(secureCookies: Bool = false, throttle: SignInThrottle = SignInThrottle(), sessionHours: Int = 10,
                sessionIdleMinutes: Int = 120, idleTimeoutSeconds: Int = 30,
                now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.secureCookies = secureCookies
        self.throttle = throttle
        self.sessionHours = sessionHours
        self.sessionIdleMinutes = sessionIdleMinutes
        self.now = now
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
