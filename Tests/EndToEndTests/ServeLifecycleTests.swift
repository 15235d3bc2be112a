import Foundation
import SQLiteDB
import Testing

/// `drc serve` as an operator runs it: `/healthz` without a session, one access-log line per
/// request on standard error (no query), and SIGTERM ends it cleanly: the request in flight is
/// answered, the process exits 0 and the database is closed (its -wal checkpointed away).
@Suite struct ServeLifecycleTests {
    @Test func sigtermAnswersTheRequestInFlightThenClosesTheDatabase() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["init", "--db", "d.sqlite"], in: folder).status == 0)
            let errURL = URL(fileURLWithPath: folder + "/serve.err")
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let err = try FileHandle(forWritingTo: errURL)
            let serving = try ServingDrc(in: folder, standardError: err)
            let process = serving.process
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { [process] in
                if process.isRunning { kill(pid, SIGKILL) }
            }
            defer {
                if process.isRunning { kill(pid, SIGKILL) }
                process.waitUntilExit()
            }
            let port = try #require(serving.port)

            let health = try BrowserSuiteTests.run(["curl", "-s", "-w", "%{http_code}", "http://127.0.0.1:\(port)/healthz"])
            #expect(health.stdout == "ok\n200")
            // While the database is open, it has its -wal.
            #expect(FileManager.default.fileExists(atPath: folder + "/d.sqlite-wal"))

            // A sign-in form of 60 KB sent at 20 KB/s: still arriving when the signal comes.
            let body = "name=nobody&password=" + String(repeating: "x", count: 60_000)
            try Data(body.utf8).write(to: URL(fileURLWithPath: folder + "/form.txt"))
            let upload = Process()
            upload.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            upload.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--limit-rate", "20k",
                                "-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", "@" + folder + "/form.txt",
                                "http://127.0.0.1:\(port)/login?next=%2Forders&token=secret-in-query"]
            let uploadOut = Pipe()
            upload.standardOutput = uploadOut
            upload.standardError = FileHandle.nullDevice
            try upload.run()
            Thread.sleep(forTimeInterval: 1.0)
            #expect(upload.isRunning)
            kill(pid, SIGTERM)
            let answer = String(decoding: uploadOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            upload.waitUntilExit()
            // An HTTP status, not curl's 000 for a connection closed under it.
            #expect(answer != "000" && answer.count == 3, "the request in flight got \(answer)")
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
            try err.close()
            #expect(!FileManager.default.fileExists(atPath: folder + "/d.sqlite-wal"), "the database was not closed")
            let db = try Connection(path: folder + "/d.sqlite", mode: .readOnly)
            #expect(try db.scalar("PRAGMA integrity_check") == .text("ok"))

            let log = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
            let lines = log.split(separator: "\n").filter { $0.contains("ms user=") }
            #expect(lines.count == 2, "\(log)")
            #expect(lines.first?.contains("GET /healthz 200 ") == true, "\(log)")
            #expect(lines.last?.contains("POST /login ") == true, "\(log)")
            #expect(!log.contains("secret-in-query"))
        }
    }
}
