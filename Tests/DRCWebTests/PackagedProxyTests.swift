import DRCWeb
import Foundation
import Testing

/// The packaged nginx site (packaging/nginx/drc) lets through exactly what drc accepts: its
/// client_max_body_size is drc's upload limit, so a file nginx passes is never refused by drc
/// for its size, and one drc would refuse is stopped at nginx (413).
@Suite struct PackagedProxyTests {
    static let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("packaging/nginx/drc")

    /// nginx's size syntax: bytes, or k/m/g (binary multiples).
    static func bytes(_ size: String) -> Int? {
        let lower = size.lowercased()
        let multiples: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        if let last = lower.last, let multiple = multiples[last] { return Int(lower.dropLast()).map { $0 * multiple } }
        return Int(lower)
    }

    @Test func theSitesBodyLimitIsDrcsUploadLimit() throws {
        let text = try String(contentsOf: Self.site, encoding: .utf8)
        let settings = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("client_max_body_size ") }
        #expect(settings.count == 1, "one client_max_body_size in \(Self.site.path)")
        let value = try #require(settings.first?.dropFirst("client_max_body_size ".count).split(separator: ";").first)
        #expect(Self.bytes(String(value)) == WebLimits.uploadBytes, "client_max_body_size \(value) ≠ WebLimits.uploadBytes \(WebLimits.uploadBytes)")
        #expect(text.contains("proxy_set_header X-Forwarded-Proto $scheme;"))
        #expect(text.contains("return 301 https://$host$request_uri;"))
    }

    @Test func sizesAreReadAsNginxReadsThem() {
        #expect(Self.bytes("20m") == 20 * 1024 * 1024)
        #expect(Self.bytes("512k") == 512 * 1024)
        #expect(Self.bytes("1048576") == 1_048_576)
        #expect(Self.bytes("20x") == nil)
    }
}
