import DRCCore
import DRCWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// An unknown account name and a known one with a wrong password take the same path and the same
/// time: the decoy hash checked for an unknown name has the cost every account's hash has.
@Suite struct SignInTimingTests {
    @Test func theDecoyCostsWhatAnAccountsHashCosts() {
        #expect(Passwords.cost(of: Passwords.hash("any password at all")) == Int(Passwords.defaultCost))
        #expect(Passwords.cost(of: Passwords.decoyForTests) == Int(Passwords.defaultCost))
    }

    /// Timed against each other in alternating tries, the fastest of five each (the least
    /// disturbed by whatever else the machine runs): the old decoy (cost 10 against 12) answered
    /// an unknown name in a quarter of the time; the band allowed is 0.5–2.
    @Test func anUnknownNameTakesAsLongAsAWrongPassword() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.service.write { store in
            try UserAccounts(store: store).add(name: "timed", role: .clerk, passwordHash: Passwords.hash("the right one"))
        }
        _ = Passwords.decoyForTests  // made once, as the server makes it when it starts
        try await fixture.test { client in
            var unknown: [Double] = []
            var known: [Double] = []
            for attempt in 0..<5 {
                for name in ["nobody-\(attempt)", "timed"] {
                    let browser = Browser(client)
                    let token = try #require(Browser.token(in: try await browser.get("/login").text))
                    let start = ContinuousClock.now
                    let response = try await browser.post("/login", form: [("_csrf", token), ("name", name), ("password", "wrong guess")])
                    let seconds = (ContinuousClock.now - start) / .seconds(1)
                    #expect(response.status == .unauthorized)
                    if name == "timed" { known.append(seconds) } else { unknown.append(seconds) }
                }
            }
            let ratio = unknown.min()! / known.min()!
            #expect(ratio > 0.5 && ratio < 2, "unknown \(unknown) against known \(known)")
        }
    }
}
