import DRCCore
import DRCWeb
import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// An upload is read and checked before the database's one writer is asked for: while another
/// write holds the writer, a damaged workbook is still refused at once (it never waits in the
/// writer's queue, as it did when the whole import ran inside the write).
@Suite struct UploadWriterTests {
    @Test func aDamagedWorkbookIsRefusedWithoutWaitingForTheWriter() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let release = DispatchSemaphore(value: 0)
        try await fixture.test { client in
            let clerk = Browser(client)
            let token = try await clerk.signIn("clerk")
            let holding = Task {
                // Another clerk's long write: it holds the writer until the test lets go (ten seconds at most).
                try await fixture.service.write { _ in release.wait(timeout: .now() + 10) == .success }
            }
            try await Task.sleep(for: .milliseconds(100))
            // A zip's signature and then nothing a workbook is made of.
            let damaged = ByteBuffer(bytes: Array("PK\u{03}\u{04}".utf8) + Array(repeating: 0x41, count: 2_000))
            let response = try await SecurityTests.upload(clerk, token: token, bytes: damaged, mode: "dry-run")
            // Let go only now: had the upload waited for the writer, the holder would have timed out first.
            release.signal()
            #expect(response.status == .badRequest || response.status == .unprocessableContent, "\(response.status)")
            #expect(try await holding.value, "the upload was answered while the writer was held")
        }
    }
}
