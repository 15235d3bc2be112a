import Foundation

/// What one run of the built `drc` binary did.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `drc` the way a user does, in `folder`, with a clean environment.
/// A run that outlives `timeout` seconds is killed (status 128 + SIGKILL), so a hang fails its test.
func drc(_ arguments: [String], in folder: String, stdin: String? = nil, environment: [String: String] = [:],
         executable: URL = drcBinary, timeout: Double? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var env = ["HOME": folder, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "USER": "tester"]
    env.merge(environment) { $1 }
    process.environment = env
    // Output goes to files, so a large output can never block the process on a full pipe.
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("drc-out-\(UUID().uuidString)")
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("drc-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let timeout {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    // A process killed by a signal reports 128 + the signal, as a shell would.
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    try out.close()
    try err.close()
    return RunResult(status: status,
                     stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Under `swift test` on Linux the main bundle is the products folder that holds `drc`.
let drcBinary: URL = {
    let candidates = [Bundle.main.bundleURL.appendingPathComponent("drc"),
                      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("drc")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drc-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.path)
}

/// `drc serve --db d.sqlite --port 0` started in `folder`, and the line it prints first (the
/// address, with the port it chose). The caller stops it.
struct ServingDrc {
    let process: Process
    let firstLine: String
    var port: Int? { firstLine.split(separator: ":").dropFirst(3).first.flatMap { Int($0.prefix { $0.isNumber }) } }

    init(in folder: String, standardError: Any) throws {
        process = Process()
        process.executableURL = drcBinary
        process.arguments = ["serve", "--db", "d.sqlite", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["LANG": "C.UTF-8", "HOME": folder]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = standardError
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        firstLine = String(decoding: line, as: UTF8.self)
    }
}
