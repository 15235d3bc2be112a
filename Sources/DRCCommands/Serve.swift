import ArgumentParser
import Dispatch
import DRCCore
import DRCWeb

extension Drc {
    struct Serve: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Speech.say("启动网页界面（录入员和主管在浏览器中使用）。", "Start the web interface (for clerks and managers in a browser)."),
                discussion: Speech.say("""
                    默认只监听本机 127.0.0.1:8080。先用 drc user add 建立账户。在运行它的终端中断（或发送 SIGTERM）即可停止：\
                    正在处理的请求会处理完，数据库随后关闭。每个请求在标准错误输出一行访问日志；/healthz 无需登录。
                    经加密的反向代理对外提供时请加 --https，使会话凭据只在加密连接上发送。
                    """, """
                    Listens on 127.0.0.1:8080 unless told otherwise. Add accounts first with drc user add. Ctrl-C (or SIGTERM) \
                    stops it: requests in flight are finished, then the database is closed. Each request logs one line to \
                    standard error; /healthz needs no session.
                    Behind an HTTPS proxy, add --https so the session cookie is marked Secure.
                    """))
        }

        @ParentCommand var root: Drc
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Speech.say("监听的地址。", "The address to listen on."))) var host = "127.0.0.1"
        @Option(help: ArgumentHelp(Speech.say("监听的端口（0 为任选一个空闲端口）。", "The port to listen on (0 picks a free one)."))) var port = 8080
        @Flag(help: ArgumentHelp(Speech.say("经加密连接访问：会话凭据只在加密连接上发送。", "Reached over HTTPS: the session cookie is sent on encrypted connections only.")))
        var https = false
        @Option(help: ArgumentHelp(Speech.say("连接空闲（含请求只发了一半）多少秒后关闭。", "Seconds after which an idle connection (a half-sent request included) is closed.")))
        var idleTimeout = 30
        @Option(help: ArgumentHelp(Speech.say("会话最长多少小时（不论是否在用）。", "Hours a session lasts at most, however busy.")))
        var sessionHours = 10
        @Option(help: ArgumentHelp(Speech.say("会话闲置多少分钟后结束。", "Minutes after which an unused session ends.")))
        var sessionIdleMinutes = 120

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError(Speech.say("--port \(port)：端口应在 0 到 65535 之间", "--port \(port): a port is between 0 and 65535"))
            }
            guard (1...720).contains(sessionHours) else {
                throw ValidationError(Speech.say("--session-hours \(sessionHours)：应在 1 到 720 之间", "--session-hours \(sessionHours): give 1 to 720"))
            }
            guard (1...sessionHours * 60).contains(sessionIdleMinutes) else {
                throw ValidationError(Speech.say("--session-idle-minutes \(sessionIdleMinutes)：应在 1 到 \(sessionHours * 60) 之间（不超过会话最长时间）",
                                                 "--session-idle-minutes \(sessionIdleMinutes): give 1 to \(sessionHours * 60) (no longer than a session lasts)"))
            }
            guard (1...3600).contains(idleTimeout) else {
                throw ValidationError(Speech.say("--idle-timeout \(idleTimeout)：应在 1 到 3600 秒之间", "--idle-timeout \(idleTimeout): give 1 to 3600 seconds"))
            }
        }

        func run() throws {
            let service = try DatabaseService(path: root.global.databasePath())
            let app = WebApp(service: service, configuration: WebConfiguration(secureCookies: https, sessionHours: sessionHours,
                                                                         sessionIdleMinutes: sessionIdleMinutes, idleTimeoutSeconds: idleTimeout))
            let host = self.host
            let port = self.port
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await app.run(host: host, port: port) { port in
                        Console.line(Speech.say("drc 网页界面：http://\(host):\(port)/ （在本终端中断即停止）",
                                                "drc web interface: http://\(host):\(port)/ (Ctrl-C stops it)"))
                    }
                } catch {
                    outcome.error = error
                }
                done.signal()
            }
            done.wait()
            // SIGTERM or Ctrl-C: the server has finished the requests in flight; close the
            // database now, not whenever the last reference to it happens to go.
            service.close()
            if let error = outcome.error { throw error }
            Console.line(Speech.say("drc 网页界面已停止。", "drc web interface stopped."))
        }
    }
}

/// The server's ending, handed from its task back to the command.
private final class Outcome: @unchecked Sendable {
    var error: Error?
}
