import Foundation
import SQLiteDB
import Testing

/// `drc user add|list|passwd|disable`: the password from standard input, never an argument;
/// bad names and weak passwords refused with nothing written; Chinese under a Chinese locale.
@Suite struct UserCommandTests {
    @Test func accountsAreAddedListedResetAndDisabled() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["init", "--db", "d.sqlite"], in: folder).status == 0)
            let added = try drc(["user", "add", "王丽", "--role", "clerk", "--db", "d.sqlite"], in: folder, stdin: "long-enough-1\n",
                                environment: ["LANG": "zh_CN.UTF-8"])
            #expect(added.status == 0)
            #expect(added.stdout == "已建立账户 王丽（录入员）。\n")
            let again = try drc(["user", "add", "王丽", "--role", "clerk", "--db", "d.sqlite"], in: folder, stdin: "long-enough-1\n")
            #expect(again.status == 1)
            #expect(again.stderr.contains("exists already"))
            let weak = try drc(["user", "add", "bob", "--role", "clerk", "--db", "d.sqlite"], in: folder, stdin: "short\n",
                               environment: ["LANG": "zh_CN.UTF-8"])
            #expect(weak.status == 1)
            #expect(weak.stderr.contains("密码太弱：至少 8 个字符"))
            let hostile = try drc(["user", "add", "evil\u{202E}gpj", "--role", "clerk", "--db", "d.sqlite"], in: folder, stdin: "long-enough-1\n")
            #expect(hostile.status == 1)
            #expect(hostile.stderr.contains("the account name \"evil\\u{202E}gpj\" cannot be used"))
            let role = try drc(["user", "add", "carol", "--role", "boss", "--db", "d.sqlite"], in: folder, stdin: "long-enough-1\n")
            #expect(role.status == 1)
            #expect(role.stderr.contains("role \"boss\""))
            #expect(try drc(["user", "passwd", "王丽", "--db", "d.sqlite"], in: folder, stdin: "another-one-2\n").status == 0)
            #expect(try drc(["user", "passwd", "nobody", "--db", "d.sqlite"], in: folder, stdin: "another-one-2\n").stderr
                .contains("there is no account named \"nobody\""))
            #expect(try drc(["user", "disable", "王丽", "--db", "d.sqlite"], in: folder).status == 0)
            let list = try drc(["user", "list", "--format", "csv", "--db", "d.sqlite"], in: folder)
            #expect(list.stdout == "id,name,role,active,created\n" + list.stdout.split(separator: "\n")[1] + "\n")
            #expect(list.stdout.contains("1,王丽,clerk,no,"))
            #expect(!list.stdout.contains("$2"))
            let enabled = try drc(["user", "enable", "王丽", "--db", "d.sqlite"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(enabled.stdout == "已启用账户 王丽。\n")
            #expect(try drc(["user", "list", "--format", "csv", "--db", "d.sqlite"], in: folder).stdout.contains("1,王丽,clerk,yes,"))
            #expect(try drc(["user", "enable", "nobody", "--db", "d.sqlite"], in: folder).status == 1)
            let reset = try drc(["user", "passwd", "王丽", "--reset", "--db", "d.sqlite"], in: folder, stdin: "given-by-admin\n",
                                environment: ["LANG": "zh_CN.UTF-8"])
            #expect(reset.stdout == "已重设 王丽 的密码；下次登录时须改为自己的新密码。\n")
            let row = try Connection(path: folder + "/d.sqlite", mode: .readOnly)
                .rows("SELECT must_change_password, session_epoch FROM web_user WHERE name = '王丽'")[0]
            // Flagged for a change; the epoch raised by passwd, disable and the reset (enabling ends nothing).
            #expect(row["must_change_password"].int64 == 1)
            #expect(row["session_epoch"].int64 == 3)
            // The password is never an argument.
            let argument = try drc(["user", "add", "dave", "--role", "clerk", "--password", "x", "--db", "d.sqlite"], in: folder)
            #expect(argument.status == 64)
        }
    }

    @Test func serveStartsAndAnswersOnThePortItPrints() throws {
        try withTemporaryFolder { folder in
            #expect(try drc(["init", "--db", "d.sqlite"], in: folder).status == 0)
            let serving = try ServingDrc(in: folder, standardError: FileHandle.nullDevice)
            defer {
                serving.process.terminate()
                serving.process.waitUntilExit()
            }
            #expect(serving.firstLine.hasPrefix("drc web interface: http://127.0.0.1:"))
            let port = try #require(serving.port)
            #expect(port > 0)
            let curl = try BrowserSuiteTests.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "http://127.0.0.1:\(port)/orders"])
            #expect(curl.stdout == "303 http://127.0.0.1:\(port)/login?next=%2Forders")
        }
    }

    @Test func serveRefusesAMissingDatabase() throws {
        try withTemporaryFolder { folder in
            let result = try drc(["serve", "--db", "nope.sqlite", "--port", "0"], in: folder, timeout: 20)
            #expect(result.status == 1)
            #expect(result.stderr.contains("nope.sqlite"))
        }
    }
}
