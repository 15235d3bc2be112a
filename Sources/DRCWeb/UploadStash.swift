import Foundation

/// Files a clerk uploaded for a dry run, kept for the real import so the file need not be
/// chosen again (a browser forgets a file input once the page is sent). Each is a file of its
/// own in a private folder, named by a random token the import page carries, and belongs to
/// the account that uploaded it: one per account (a new upload replaces it), gone after
/// `lifetime` or once imported.
actor UploadStash {
    struct Upload: Sendable {
        let token: String
        let account: Int64
        let fileName: String
        let path: String
        let at: Date
    }

    /// How long an upload is kept for its import.
    static let lifetime: TimeInterval = 60 * 60

    private let folder: URL
    private var uploads: [Int64: Upload] = [:]

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-uploads-\(UUID().uuidString)")
    }

    /// Keeps `bytes` for `account`, replacing what it kept before; the token that names them.
    func keep(_ bytes: [UInt8], fileName: String, account: Int64) throws -> String {
        tidy()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let token = UUID().uuidString.lowercased()
        let path = folder.appendingPathComponent(token).path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if let earlier = uploads[account] { try? FileManager.default.removeItem(atPath: earlier.path) }
        uploads[account] = Upload(token: token, account: account, fileName: fileName, path: path, at: Date())
        return token
    }

    /// The upload `token` names, when it is `account`'s and still kept: its name and bytes.
    func take(_ token: String, account: Int64) -> (fileName: String, bytes: [UInt8])? {
        tidy()
        guard let upload = uploads[account], upload.token == token,
              let data = FileManager.default.contents(atPath: upload.path) else { return nil }
        return (upload.fileName, [UInt8](data))
    }

    /// The kept upload's name, for the page that offers to import it.
    func fileName(_ token: String, account: Int64) -> String? {
        uploads[account].flatMap { $0.token == token ? $0.fileName : nil }
    }

    /// Forgets `account`'s upload (imported).
    func drop(account: Int64) {
        if let upload = uploads.removeValue(forKey: account) { try? FileManager.default.removeItem(atPath: upload.path) }
    }

    private func tidy() {
        let now = Date()
        for (account, upload) in uploads where now.timeIntervalSince(upload.at) > Self.lifetime {
            try? FileManager.default.removeItem(atPath: upload.path)
            uploads[account] = nil
        }
    }
}
