import DRCCore
import Foundation
import Hummingbird
import ServiceLifecycle

/// Hummingbird's session storage over drc's own database (`web_session`, through the database
/// service), so a restart of `drc serve` signs no one out. Values are stored as JSON; lapsed
/// sessions are never read back and are tidied every ten minutes and at each new session.
struct DatabaseSessionDriver: PersistDriver {
    let service: DatabaseService
    /// Unix seconds now (a test moves it on).
    let now: @Sendable () -> Double

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = try Self.encode(value)
        let (now, expiresAt) = times(expires)
        let created = try await service.write { try SessionRecords(store: $0).create(key: key, value: json, expiresAt: expiresAt, now: now) }
        guard created else { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = try Self.encode(value)
        let (now, expiresAt) = times(expires)
        if expires == nil {
            // Hummingbird leaves the lapse time as it was when it updates a value.
            let kept = try await service.read { try SessionRecords(store: $0).get(key: key, now: now)?.expiresAt }
            try await service.write { try SessionRecords(store: $0).set(key: key, value: json, expiresAt: kept) }
        } else {
            try await service.write { try SessionRecords(store: $0).set(key: key, value: json, expiresAt: expiresAt) }
        }
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let now = Int64(self.now())
        guard let stored = try await service.read({ try SessionRecords(store: $0).get(key: key, now: now) }) else { return nil }
        guard let object = try? JSONDecoder().decode(type, from: Data(stored.value.utf8)) else { throw PersistError.invalidConversion }
        return (object, stored.expiresAt.map { .seconds($0 - now) })
    }

    func remove(key: String) async throws {
        try await service.write { try SessionRecords(store: $0).remove(key: key) }
    }

    /// Tidies lapsed sessions every ten minutes until the server stops. The sleep cut short by
    /// a graceful shutdown (SIGTERM) is the end of the work, not a failure: thrown on, it made
    /// `drc serve` report `CancellationError()` and exit 1 on every clean stop.
    func run() async throws {
        let now = self.now
        let service = self.service
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = try? await service.write { try SessionRecords(store: $0).removeLapsed(now: Int64(now())) }
                do {
                    try await Task.sleep(for: .seconds(600))
                } catch is CancellationError {
                    return
                }
            }
        }
    }

    private func times(_ expires: Duration?) -> (now: Int64, expiresAt: Int64?) {
        let now = Int64(self.now())
        return (now, expires.map { now + $0.components.seconds })
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
