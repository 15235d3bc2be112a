/// How `drc serve` runs: cookie settings and the sign-in throttle.
public struct WebConfiguration: Sendable {
    /// Mark the session cookie Secure: set when the server is reached over HTTPS (behind a
    /// TLS-terminating proxy), so the cookie never travels in clear text.
    public var secureCookies: Bool
    public var throttle: SignInThrottle
    /// How long a session lasts without a new sign-in.
    public var sessionHours: Int

    public init(secureCookies: Bool = false, throttle: SignInThrottle = SignInThrottle(), sessionHours: Int = 10) {
        self.secureCookies = secureCookies
        self.throttle = throttle
        self.sessionHours = sessionHours
    }
}
