import ArgumentParser
@testable import DRCCommands
import Testing

/// The command line's option logic, parsed in process (`Drc.parseAsRoot`) as swift-argument-
/// parser's own tests and WasmKit's do; the built binary is left for end-to-end paths.
@Suite struct OptionParsingTests {
    @Test func onlySolveTakesWhatWasDone() throws {
        let solve = try #require(try Drc.parseAsRoot(["order", "solve", "3", "4", "--solution", "重启交换机", "--at", "2021-03-02 10:00"])
                                 as? Transition<Solve>)
        #expect(solve.ids == [3, 4])
        #expect(solve.solution == "重启交换机")
        #expect(solve.at == "2021-03-02 10:00")
        // Close records no solution: the option is not there to be given.
        #expect(throws: (any Error).self) { try Drc.parseAsRoot(["order", "close", "3", "--solution", "x"]) }
        let close = try #require(try Drc.parseAsRoot(["order", "close", "3"]) as? Transition<Close>)
        #expect(close.solution == nil)
    }

    @Test func aStatusCommandNeedsAnOrder() {
        do {
            _ = try Drc.parseAsRoot(["order", "reopen"])
            Issue.record("order reopen without an id parsed")
        } catch {
            #expect(Drc.exitCode(for: error) != .success)
        }
    }

    @Test func everyActionOfTheTableHasItsCommand() throws {
        for action in ["assign", "pend", "solve", "close", "cancel", "reopen"] {
            _ = try Drc.parseAsRoot(["order", action, "1"])
        }
        #expect(throws: (any Error).self) { try Drc.parseAsRoot(["order", "finish", "1"]) }
    }
}
